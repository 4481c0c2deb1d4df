import type { CompiledEconomy } from '../compile/types.js';
import type { ExecutionPlan, PlannedDelivery } from '../execution/types.js';

type PerPeriod = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The parts of a stored plan document (planDocument) that plan execution reads. */
export interface StoredPlanArrays {
  readonly activity: PerPeriod;
  readonly imports?: PerPeriod;
  readonly exports?: PerPeriod;
  readonly stock?: PerPeriod;
  readonly targets?: readonly { readonly target: number; readonly period: string; readonly delivered: number }[];
  readonly resources?: Readonly<Record<string, Readonly<Record<string, { readonly available: number | string }>>>>;
}

const toNumber = (v: number | string | undefined): number => (typeof v === 'number' ? v : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === undefined ? 0 : NaN);

function periodMajor(c: CompiledEconomy, ids: readonly string[], values: PerPeriod | undefined): Float64Array {
  const n = ids.length;
  const out = new Float64Array(c.periods.ids.length * n);
  if (values === undefined) return out;
  c.periods.ids.forEach((p, t) => {
    const row = values[p];
    if (row === undefined) return;
    ids.forEach((id, k) => {
      const v = row[id];
      if (v !== undefined) out[t * n + k] = v;
    });
  });
  return out;
}

/**
 * A stored plan as the execution functions take it: activity, trade and stocks period-major
 * over the compiled economy's techniques and items, deliveries by target index, availability.
 */
export function executionPlanOf(c: CompiledEconomy, doc: StoredPlanArrays): ExecutionPlan {
  const deliveries: PlannedDelivery[] = (doc.targets ?? []).map((g) => ({ target: g.target, period: c.periods.index.get(g.period) ?? 0, amount: g.delivered }));
  const nR = c.resources.ids.length;
  const available = new Float64Array(c.periods.ids.length * nR).fill(Infinity);
  if (doc.resources !== undefined) {
    c.periods.ids.forEach((p, t) => {
      c.resources.ids.forEach((id, k) => {
        const v = doc.resources?.[p]?.[id];
        if (v !== undefined) available[t * nR + k] = toNumber(v.available);
      });
    });
  }
  return {
    activity: periodMajor(c, c.techniques.ids, doc.activity),
    deliveries,
    imports: periodMajor(c, c.items.ids, doc.imports),
    exports: periodMajor(c, c.items.ids, doc.exports),
    stock: periodMajor(c, c.items.ids, doc.stock),
    available,
  };
}
