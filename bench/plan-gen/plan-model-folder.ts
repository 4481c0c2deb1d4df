import type { CoefficientColumns, ModelFolder } from '../../src/model/binary/index.js';
import type { Target } from '../../src/model/types.js';
import type { ModelFile } from './generate-plan-model.js';

interface FileTechnique {
  readonly id: string;
  readonly region?: string;
  readonly produces: Record<string, number>;
  readonly consumes: Record<string, number>;
  readonly uses: Record<string, number>;
  readonly [field: string]: unknown;
}

interface FileProduct {
  readonly id: string;
  readonly unit: string;
  readonly region?: string;
  readonly [field: string]: unknown;
}

/** A record's fields other than `omit`, as JSON; null when it has none. */
function moreOf(record: Readonly<Record<string, unknown>>, omit: readonly string[]): string | null {
  const rest: Record<string, unknown> = {};
  let any = false;
  for (const k of Object.keys(record)) {
    if (omit.includes(k)) continue;
    rest[k] = record[k];
    any = true;
  }
  return any ? JSON.stringify(rest) : null;
}

/**
 * A generated model (the model file's JSON shape, as generatePlanModel makes it) as the parts of a
 * binary model folder (docs/binary-format.md, version 2), straight from the records: no model text
 * is written or read, and the coefficients go into typed arrays. Each coefficient key is a product
 * id (`p1`) or an item (`p1@r2`) in `produces`/`consumes`, a resource id in `uses`; a key naming
 * nothing of the model throws (the generator's defect, not the user's). For the benchmark's large
 * sizes, which `plenty plan` reads in the binary format (the text formats stop at 20 MB).
 */
export function planModelFolder(model: ModelFile): ModelFolder {
  const { products: ps, techniques: ts, targets: gs, ...rest } = model as ModelFile & { products: FileProduct[]; techniques: FileTechnique[]; targets: Target[] };
  const regions = new Map(((model.regions as { id: string }[] | undefined) ?? []).map((r, i) => [r.id, i]));
  const periods = new Map(((model.periods as string[] | undefined) ?? []).map((p, i) => [p, i]));
  const productIndex = new Map(ps.map((p, i) => [p.id, i]));
  const resourceIndex = new Map(((model.resources as { id: string }[] | undefined) ?? []).map((r, i) => [r.id, i]));
  const regionOf = (id: string | undefined): number => {
    if (id === undefined) return -1;
    const r = regions.get(id);
    if (r === undefined) throw new Error(`generated model: unknown region ${id}`);
    return r;
  };
  const item = (key: string): { product: number; region: number } => {
    const at = key.indexOf('@');
    const product = productIndex.get(at < 0 ? key : key.slice(0, at));
    if (product === undefined) throw new Error(`generated model: unknown product ${key}`);
    return { product, region: at < 0 ? -1 : regionOf(key.slice(at + 1)) };
  };

  let n = 0;
  for (const t of ts) n += Object.keys(t.produces).length + Object.keys(t.consumes).length + Object.keys(t.uses).length;
  const coefficients: CoefficientColumns = { technique: new Int32Array(n), role: new Int32Array(n), item: new Int32Array(n), region: new Int32Array(n), value: new Float64Array(n) };
  let k = 0;
  ts.forEach((t, j) => {
    (['produces', 'consumes', 'uses'] as const).forEach((role, r) => {
      const m = t[role];
      for (const key of Object.keys(m)) {
        coefficients.technique[k] = j;
        coefficients.role[k] = r;
        if (role === 'uses') {
          const i = resourceIndex.get(key);
          if (i === undefined) throw new Error(`generated model: unknown resource ${key}`);
          coefficients.item[k] = i;
          coefficients.region[k] = -1;
        } else {
          const it = item(key);
          coefficients.item[k] = it.product;
          coefficients.region[k] = it.region;
        }
        coefficients.value[k++] = m[key];
      }
    });
  });

  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const category = (c: string | undefined): number => {
    if (c === undefined) return -1;
    let i = categoryIndex.get(c);
    if (i === undefined) {
      i = categories.length;
      categoryIndex.set(c, i);
      categories.push(c);
    }
    return i;
  };
  const targetItems = gs.map((g) => item(g.product));
  const targetPeriod = (p: string | undefined): number => {
    if (p === undefined) return -1;
    const i = periods.get(p);
    if (i === undefined) throw new Error(`generated model: unknown period ${p}`);
    return i;
  };
  const productMore = ps.map((p) => moreOf(p, ['id', 'unit', 'region']));
  const techniqueMore = ts.map((t) => moreOf(t, ['id', 'region', 'produces', 'consumes', 'uses']));
  return {
    model: rest,
    products: {
      id: ps.map((p) => p.id),
      unit: ps.map((p) => p.unit),
      region: Int32Array.from(ps, (p) => regionOf(p.region)),
      // Without a `more` column when no record has other fields: the reader then keeps the table as columns.
      ...(productMore.some((m) => m !== null) ? { more: productMore } : {}),
    },
    techniques: {
      id: ts.map((t) => t.id),
      region: Int32Array.from(ts, (t) => regionOf(t.region)),
      ...(techniqueMore.some((m) => m !== null) ? { more: techniqueMore } : {}),
    },
    targets: {
      product: Int32Array.from(targetItems, (t) => t.product),
      productRegion: Int32Array.from(targetItems, (t) => t.region),
      amount: Float64Array.from(gs, (g) => g.amount),
      priority: Int32Array.from(gs, (g) => g.priority),
      region: Int32Array.from(gs, (g) => regionOf(g.region)),
      period: Int32Array.from(gs, (g) => targetPeriod(g.period)),
      category: Int32Array.from(gs, (g) => category(g.category)),
      categories,
    },
    coefficients,
  };
}
