import type { OptimalPlan, PlanDocument, PlanMip, PlanWithResult, Published, ReplanSection, WireNumber } from './api-types.generated.js';

/**
 * A type of the service's JSON with its wire numbers read back: `WireNumber` ("NaN", "Infinity",
 * "-Infinity" or a number) becomes `number`, everything else stays as it is.
 */
export type Decoded<T> = T extends WireNumber ? number : T extends readonly (infer U)[] ? readonly Decoded<U>[] : T extends object ? { readonly [K in keyof T]: Decoded<T[K]> } : T;

/** A number of the service's JSON as a number: "NaN", "Infinity" and "-Infinity" read back. */
export function wireNumber(x: WireNumber): number {
  if (typeof x === 'number') return x;
  return x === 'NaN' ? Number.NaN : x === 'Infinity' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

const byKey = (r: Readonly<Record<string, WireNumber>>): Record<string, number> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, wireNumber(v)]));
const byTwoKeys = (r: Readonly<Record<string, Readonly<Record<string, WireNumber>>>>): Record<string, Record<string, number>> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, byKey(v)]));

function decodeReplan(r: ReplanSection): Decoded<ReplanSection> {
  return {
    ...r,
    past: {
      ...r.past,
      breaches: r.past.breaches.map((b) => ({ ...b, limit: wireNumber(b.limit) })),
      shortfalls: r.past.shortfalls.map((s) => ({ ...s, fulfilment: wireNumber(s.fulfilment) })),
    },
    future: { ...r.future, lambda: r.future.lambda === null ? null : byKey(r.future.lambda), levels: r.future.levels === null ? null : byTwoKeys(r.future.levels) },
  };
}

function decodeMip(m: PlanMip): Decoded<PlanMip> {
  return { ...m, gap: wireNumber(m.gap), bound: wireNumber(m.bound), requestedGap: wireNumber(m.requestedGap) };
}

function decodeOptimal(plan: OptimalPlan): Decoded<OptimalPlan> {
  const { replan, mip, ...d } = plan;
  return {
    ...d,
    objectiveValue: wireNumber(d.objectiveValue),
    lambda: d.lambda === null ? null : byKey(d.lambda),
    levels: d.levels === null ? null : byTwoKeys(d.levels),
    stages: d.stages.map((s) => ({ ...s, objective: wireNumber(s.objective) })),
    residuals: { primal: wireNumber(d.residuals.primal), dual: wireNumber(d.residuals.dual), gap: wireNumber(d.residuals.gap) },
    targets: d.targets.map((t) => ({ ...t, fulfilment: wireNumber(t.fulfilment) })),
    resources: Object.fromEntries(Object.entries(d.resources).map(([p, byId]) => [p, Object.fromEntries(Object.entries(byId).map(([id, u]) => [id, { use: wireNumber(u.use), available: wireNumber(u.available) }]))])),
    ...(replan === undefined ? {} : { replan: decodeReplan(replan) }),
    ...(mip === undefined ? {} : { mip: mip === null ? null : decodeMip(mip) }),
  };
}

/**
 * A plan document with its numbers as numbers (an unlimited resource's availability is Infinity,
 * an unsolved tier's λ NaN). Typed field by field: a wire number added to the schema and not read
 * back here is a type error.
 */
export function decodePlanDocument(d: PlanDocument): Decoded<PlanDocument> {
  if (d.status === 'optimal') return decodeOptimal(d);
  const { replan, incumbent, ...failed } = d;
  return {
    ...failed,
    ...(replan === undefined ? {} : { replan: decodeReplan(replan) }),
    ...(incumbent === undefined ? {} : { incumbent: { ...incumbent, objectiveValue: wireNumber(incumbent.objectiveValue), mip: decodeMip(incumbent.mip) } }),
  };
}

/** A stored plan (GET /plans/:id, GET /published's `plan`) with its document's numbers as numbers. */
export function decodePlanRecord(p: PlanWithResult): Decoded<PlanWithResult> {
  return { ...p, result: decodePlanDocument(p.result) };
}

/** The published plan (GET /published) with its plan's numbers as numbers. */
export function decodePublished(p: Published): Decoded<Published> {
  return { ...p, plan: decodePlanRecord(p.plan) };
}
