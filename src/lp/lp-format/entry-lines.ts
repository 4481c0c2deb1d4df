import { inputError, type Location } from '../../model/errors.js';

/**
 * The line on which each entry of an LP or MPS file was first given, so that an entry given a
 * second time (a coefficient, a right-hand side, a range, one side of a column's bounds) is refused
 * with both lines rather than silently overwriting the first or being added to it.
 */
export class EntryLines {
  private readonly first = new Map<number | string, number | undefined>();

  /**
   * Records entry `key` (described as `what`, e.g. `coefficient of "x" in row "r"`) at `where`; if
   * it was given before, throws a 'duplicate-entry' InputError located at `where` that names both
   * lines and carries `value`.
   */
  claim(key: number | string, what: string, where: Location, value: unknown): void {
    if (!this.first.has(key)) {
      this.first.set(key, where.line);
      return;
    }
    const line = this.first.get(key);
    const lines = line === undefined || where.line === undefined ? '' : ` (first on line ${line}, again on line ${where.line})`;
    throw inputError('duplicate-entry', `${what} is given twice${lines}; give it once`, where, value);
  }
}
