import type { Issue } from './errors.js';
import type { SourceLocator } from './source-locations.js';

type Path = (string | number)[];

/**
 * The located issues of a technique's whole-plant fields (a raw technique entry of a model file,
 * its fields already of the right types or reported by the schema): `min_lot` and `fixed_cost`
 * need a finite `capacity` (the most a plant can run, which bounds the level of an open plant),
 * and a minimum lot above the capacity can never be run.
 */
export function wholePlantIssues(t: Readonly<Record<string, unknown>>, path: Path, locator: SourceLocator): Issue[] {
  const issues: Issue[] = [];
  const capacity = typeof t.capacity === 'number' ? t.capacity : undefined;
  const needsCapacity = (field: string, what: string): void => {
    if (t[field] === undefined || capacity !== undefined) return;
    issues.push({
      code: 'needs-capacity',
      message: `${what} needs a capacity: the most the technique can run in a period once it runs at all`,
      location: locator.locate([...path, field], true),
      value: t[field],
    });
  };
  needsCapacity('min_lot', 'a minimum lot');
  needsCapacity('fixed_cost', 'a fixed cost of opening');
  if (typeof t.min_lot === 'number' && capacity !== undefined && t.min_lot > capacity) {
    issues.push({
      code: 'lot-above-capacity',
      message: `the minimum lot is above the capacity (${capacity}): the technique could never run`,
      location: locator.locate([...path, 'min_lot']),
      value: t.min_lot,
    });
  }
  if (t.whole === true && typeof t.min_lot === 'number' && capacity !== undefined && Math.ceil(t.min_lot) > capacity) {
    issues.push({
      code: 'lot-above-capacity',
      message: `a whole technique's minimum lot rounds up above the capacity (${capacity}): the technique could never run`,
      location: locator.locate([...path, 'min_lot']),
      value: t.min_lot,
    });
  }
  return issues;
}
