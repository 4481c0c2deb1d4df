import { InputError } from '../../errors.js';

/**
 * The error with every issue that names a file but no place in it (a file that is missing, a zip or
 * workbook that cannot be opened at all) placed at the command's `path` argument, so that it says
 * what to change.
 */
export function placedError(err: unknown): unknown {
  if (!(err instanceof InputError)) return err;
  const issues = err.issues.map((i) => {
    const l = i.location;
    const placed = (l.row !== undefined && l.tableColumn !== undefined) || l.line !== undefined || (l.path !== undefined && l.path.length > 0);
    return placed ? i : { ...i, location: { ...l, path: ['path'] } };
  });
  return new InputError(issues);
}
