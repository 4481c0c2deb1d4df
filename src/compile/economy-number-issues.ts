import { recordColumns } from '../model/column-records.js';
import type { Issue } from '../model/errors.js';
import { inMagnitude } from '../model/magnitude.js';
import { magnitudeIssue } from '../model/magnitude-issue.js';
import { numberSubject } from '../model/number-subject.js';
import { locationOf } from '../model/source-locations.js';
import type { EconomyBase, Target, TechniqueRecord } from '../model/types.js';

type Path = (string | number)[];

/** True when every entry keeps the magnitude rule (a tight loop: the common case). */
function allInMagnitude(values: Float64Array): boolean {
  for (let k = 0; k < values.length; k++) if (!inMagnitude(values[k])) return false;
  return true;
}

/**
 * The numbers of an economy that break the magnitude rule (finite, |v| ≤ MAX_MAGNITUDE; see
 * model/magnitude.ts), each located (file, line, column when the economy was parsed from a file;
 * else its path in the file's shape) and named by what it is. A parsed model has none (its schema
 * enforces the rule); an economy built in code may. `coefficients` are the technique entries already
 * gathered into typed arrays (outputs, inputs, uses): when they all keep the rule, the techniques
 * are not walked again.
 */
export function economyNumberIssues(e: EconomyBase & { readonly targets: readonly Target[] | { readonly amount: Float64Array } }, coefficients: readonly Float64Array[]): Issue[] {
  const issues: Issue[] = [];
  // The economy seen in the file's shape, so that paths and names follow the model file.
  const view = { products: e.products, resources: e.resources, regions: e.regions, techniques: e.techniques, targets: e.targets, trade: e.trade, direct_use: e.directUse };
  const check = (value: number | undefined, path: Path): void => {
    // Located only when it breaks the rule: locating a number can mean building the whole file's
    // syntax tree (parse-document.ts), which for a model of 10⁵ items took most of compiling it.
    if (value === undefined || inMagnitude(value)) return;
    const issue = magnitudeIssue(value, locationOf(e, path), numberSubject(view, path));
    if (issue !== undefined) issues.push(issue);
  };
  const checkAll = (m: Readonly<Record<string, number>> | undefined, path: Path): void => {
    if (m !== undefined) for (const key of Object.keys(m)) check(m[key], [...path, key]);
  };
  e.regions.forEach((r, i) => check(r.population, ['regions', i, 'population']));
  // Records kept as columns hold no stock, capacity or build (column-records.ts).
  const productColumns = recordColumns(e.products) !== undefined;
  const techniqueColumns = recordColumns(e.techniques) !== undefined;
  if (!productColumns) e.products.forEach((p, i) => check(p.initialStock, ['products', i, 'initial_stock']));
  e.resources.forEach((r, i) => {
    if (typeof r.available === 'number') check(r.available, ['resources', i, 'available']);
    else checkAll(r.available, ['resources', i, 'available']);
  });
  if (!coefficients.every(allInMagnitude) || (!techniqueColumns && e.techniques.some((t) => t.capacity !== undefined && !inMagnitude(t.capacity)))) {
    e.techniques.forEach((t: TechniqueRecord & { produces?: Readonly<Record<string, number>>; consumes?: Readonly<Record<string, number>>; uses?: Readonly<Record<string, number>> }, j) => {
      checkAll(t.produces, ['techniques', j, 'produces']);
      checkAll(t.consumes, ['techniques', j, 'consumes']);
      checkAll(t.uses, ['techniques', j, 'uses']);
      check(t.capacity, ['techniques', j, 'capacity']);
    });
  }
  if (!techniqueColumns) e.techniques.forEach((t, j) => checkAll(t.build, ['techniques', j, 'build']));
  const targets = e.targets;
  if ('amount' in targets) {
    if (!allInMagnitude(targets.amount)) targets.amount.forEach((v, i) => check(v, ['targets', i, 'amount']));
  } else targets.forEach((t, i) => check(t.amount, ['targets', i, 'amount']));
  e.trade.forEach((t, i) => {
    check(t.exportPrice, ['trade', i, 'export_price']);
    check(t.importPrice, ['trade', i, 'import_price']);
    check(t.maxExport, ['trade', i, 'max_export']);
    check(t.maxImport, ['trade', i, 'max_import']);
  });
  e.directUse.forEach((d, i) => check(d.amount, ['direct_use', i, 'amount']));
  return issues;
}
