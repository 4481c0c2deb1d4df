import type { Issue } from './errors.js';
import { parseProductRef } from './product-ref.js';
import type { SourceLocator } from './source-locations.js';
import { didYouMean } from './suggest.js';
import { wholePlantIssues } from './whole-plant-issues.js';

type Path = (string | number)[];

/** The ids a model defines, for checking references (in a model or in a separate plan file). */
export interface ModelIds {
  /** Product id → its own region, or undefined. */
  readonly products: ReadonlyMap<string, string | undefined>;
  readonly resources: ReadonlySet<string>;
  readonly techniques: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly periods: ReadonlySet<string>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Collects located issues about references, against the ids of a model. */
export class ReferenceChecker {
  readonly issues: Issue[] = [];
  constructor(
    readonly ids: ModelIds,
    readonly locator: SourceLocator,
  ) {}

  private unknown(kind: string, name: string, candidates: Iterable<string>, path: Path, key: boolean, extra = '', value: string = name): void {
    this.issues.push({
      code: 'unknown-id',
      message: `unknown ${kind} "${name}"${extra}${didYouMean(name, candidates)}`,
      location: this.locator.locate(path, key),
      value,
    });
  }

  /** A reference to an id of one kind; `key` when the reference is a mapping key. */
  ref(kind: 'resource' | 'technique' | 'region' | 'period', value: unknown, path: Path, key = false): void {
    const name = idText(value);
    if (name === undefined) return;
    const set = kind === 'resource' ? this.ids.resources : kind === 'technique' ? this.ids.techniques : kind === 'region' ? this.ids.regions : this.ids.periods;
    if (set.has(name)) return;
    const extra = kind === 'region' && set.size === 0 ? ' (the model defines no regions)' : '';
    this.unknown(kind, name, set, path, key, extra);
  }

  /** A product reference, `product` or `product@region`. */
  product(value: unknown, path: Path, key = false): void {
    if (typeof value !== 'string') return;
    const ref = parseProductRef(value);
    if (!this.ids.products.has(ref.product)) {
      this.unknown('product', ref.product, this.ids.products.keys(), path, key, '', value);
      return;
    }
    if (ref.region === undefined) return;
    if (!this.ids.regions.has(ref.region)) {
      this.unknown('region', ref.region, this.ids.regions, path, key, this.ids.regions.size === 0 ? ' (the model defines no regions)' : '', value);
      return;
    }
    const own = this.ids.products.get(ref.product);
    if (own !== undefined && own !== ref.region) {
      this.issues.push({
        code: 'region-mismatch',
        message: `product "${ref.product}" is located in region "${own}", not "${ref.region}"`,
        location: this.locator.locate(path, key),
        value,
      });
    }
  }

  /** Every key of a mapping at `path` (if it is one). */
  keys(map: unknown, path: Path, check: (key: string, keyPath: Path) => void): void {
    if (!isRecord(map)) return;
    for (const k of Object.keys(map)) check(k, [...path, k]);
  }

  /** Checks a plan (the plan section of a model, or a plan file) whose paths start at `path`. */
  plan(plan: unknown, path: Path): void {
    if (!isRecord(plan)) return;
    this.keys(plan.activity, [...path, 'activity'], (k, p) => this.ref('technique', k, p, true));
    for (const field of ['output', 'imports', 'exports', 'from_stock', 'to_stock']) this.keys(plan[field], [...path, field], (k, p) => this.product(k, p, true));
    this.keys(plan.built, [...path, 'built'], (k, p) => this.ref('resource', k, p, true));
    if (plan.period !== undefined) this.ref('period', plan.period, [...path, 'period']);
    if (plan.activity !== undefined && plan.output !== undefined) {
      this.issues.push({
        code: 'ambiguous-plan',
        message: 'a plan gives either "activity" (per technique) or "output" (per product), not both',
        location: this.locator.locate([...path, 'output'], true),
      });
    }
  }
}

/** Collects the ids of one kind, reporting duplicates (the second occurrence, naming the first's line). */
function collect(data: Record<string, unknown>, kind: string, field: string, locator: SourceLocator, issues: Issue[], bare: boolean): Map<string, number> {
  const seen = new Map<string, number>();
  list(data[field]).forEach((entry, i) => {
    const isBare = bare && !isRecord(entry);
    const name = idText(isBare ? entry : isRecord(entry) ? entry.id : undefined);
    if (name === undefined) return;
    const path: Path = isBare ? [field, i] : [field, i, 'id'];
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      return;
    }
    const firstLine = locator.locate(isRecord(list(data[field])[first]) ? [field, first, 'id'] : [field, first]).line;
    issues.push({
      code: 'duplicate-id',
      message: `duplicate ${kind} id "${name}"; first defined${firstLine === undefined ? ` at ${field}[${first}]` : ` on line ${firstLine}`}`,
      location: locator.locate(path),
      value: name,
    });
  });
  return seen;
}

/** The ids a model file defines, with issues for duplicates. */
export function collectIds(data: unknown, locator: SourceLocator): { ids: ModelIds; issues: Issue[] } {
  const issues: Issue[] = [];
  const d = isRecord(data) ? data : {};
  const periods = collect(d, 'period', 'periods', locator, issues, true);
  const regions = collect(d, 'region', 'regions', locator, issues, true);
  const productIds = collect(d, 'product', 'products', locator, issues, false);
  const resources = collect(d, 'resource', 'resources', locator, issues, false);
  const techniques = collect(d, 'technique', 'techniques', locator, issues, false);
  const products = new Map<string, string | undefined>();
  const productList = list(d.products);
  for (const [name, i] of productIds) {
    const p = productList[i];
    products.set(name, isRecord(p) ? idText(p.region) : undefined);
  }
  const periodSet = new Set(periods.keys());
  if (d.periods === undefined) periodSet.add('1');
  return {
    ids: { products, resources: new Set(resources.keys()), techniques: new Set(techniques.keys()), regions: new Set(regions.keys()), periods: periodSet },
    issues,
  };
}

/**
 * Checks what the schema cannot: unique ids, every reference, techniques that produce nothing, an
 * empty model. Works on the raw file data (tolerating parts the schema rejects) so that every
 * issue is found in one pass.
 */
export function checkReferences(data: unknown, locator: SourceLocator): Issue[] {
  if (!isRecord(data)) return [];
  const { ids, issues } = collectIds(data, locator);
  const check = new ReferenceChecker(ids, locator);

  if (list(data.products).length === 0) {
    issues.push({ code: 'empty-model', message: 'the model has no products', location: locator.locate(['products'], true) });
  }
  list(data.products).forEach((p, i) => {
    if (isRecord(p) && p.region !== undefined) check.ref('region', p.region, ['products', i, 'region']);
  });
  list(data.resources).forEach((r, i) => {
    if (!isRecord(r)) return;
    if (r.region !== undefined) check.ref('region', r.region, ['resources', i, 'region']);
    check.keys(r.available, ['resources', i, 'available'], (k, p) => check.ref('period', k, p, true));
  });
  list(data.techniques).forEach((t, i) => {
    if (!isRecord(t)) return;
    const path: Path = ['techniques', i];
    check.keys(t.produces, [...path, 'produces'], (k, p) => check.product(k, p, true));
    check.keys(t.consumes, [...path, 'consumes'], (k, p) => check.product(k, p, true));
    check.keys(t.uses, [...path, 'uses'], (k, p) => check.ref('resource', k, p, true));
    check.keys(t.build, [...path, 'build'], (k, p) => check.ref('resource', k, p, true));
    check.keys(t.fixed_cost, [...path, 'fixed_cost'], (k, p) => check.ref('resource', k, p, true));
    issues.push(...wholePlantIssues(t, path, locator));
    if (t.region !== undefined) check.ref('region', t.region, [...path, 'region']);
    const outputs = isRecord(t.produces) ? Object.values(t.produces) : [];
    // Only when every amount is a number: a malformed amount is reported on its own.
    if (isRecord(t.produces) && outputs.every((v) => typeof v === 'number') && !outputs.some((v) => (v as number) > 0)) {
      issues.push({
        code: 'produces-nothing',
        message: `technique "${idText(t.id) ?? i}" produces nothing: "produces" needs at least one positive amount`,
        location: locator.locate([...path, 'produces']),
        value: t.produces,
      });
    }
  });
  list(data.targets).forEach((t, i) => {
    if (!isRecord(t)) return;
    const path: Path = ['targets', i];
    check.product(t.product, [...path, 'product']);
    if (t.region !== undefined) {
      check.ref('region', t.region, [...path, 'region']);
      const at = typeof t.product === 'string' ? parseProductRef(t.product).region : undefined;
      if (at !== undefined && idText(t.region) !== at) {
        issues.push({
          code: 'region-mismatch',
          message: `target names region "${at}" in its product and "${idText(t.region) ?? ''}" in its region`,
          location: locator.locate([...path, 'region']),
          value: t.region,
        });
      }
    }
    if (t.period !== undefined) check.ref('period', t.period, [...path, 'period']);
  });
  const traded = new Map<string, number>();
  list(data.trade).forEach((t, i) => {
    if (!isRecord(t)) return;
    check.product(t.product, ['trade', i, 'product']);
    if (typeof t.product !== 'string') return;
    const first = traded.get(t.product);
    if (first === undefined) traded.set(t.product, i);
    else {
      issues.push({
        code: 'duplicate-id',
        message: `duplicate trade terms for "${t.product}"; first given on line ${locator.locate(['trade', first, 'product']).line ?? '?'}`,
        location: locator.locate(['trade', i, 'product']),
        value: t.product,
      });
    }
  });
  list(data.direct_use).forEach((u, i) => {
    if (!isRecord(u)) return;
    check.ref('resource', u.resource, ['direct_use', i, 'resource']);
    if (u.region !== undefined) check.ref('region', u.region, ['direct_use', i, 'region']);
  });
  if (data.currency !== undefined) check.ref('resource', data.currency, ['currency']);
  if (data.plan !== undefined) check.plan(data.plan, ['plan']);
  return [...issues, ...check.issues];
}
