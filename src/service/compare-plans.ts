import type { DecodedOptimalPlan } from '../report/plan-document-schema.js';

/** A stored optimal plan's document, decoded (report/decode-plan.ts). */
type PlanDoc = DecodedOptimalPlan;

export interface Difference {
  readonly a: number | null;
  readonly b: number | null;
  /** b − a (null when either is missing or not a number). */
  readonly change: number | null;
}

const num = (v: number | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const diff = (a: number | null, b: number | null): Difference => ({ a, b, change: a === null || b === null ? null : b - a });

/** Whether two numbers differ beyond rounding: relative 1e-9 of the larger, absolute 1e-12. */
const differs = (d: Difference): boolean => d.a !== d.b && (d.a === null || d.b === null || Math.abs(d.b - d.a) > 1e-12 + 1e-9 * Math.max(Math.abs(d.a), Math.abs(d.b)));

/** A target's differences, and whether they differ beyond rounding (the rule of the other entries). */
const target = (t: PlanDoc['targets'][number], fulfilment: Difference, delivered: Difference) => ({ item: t.item, period: t.period, priority: t.priority, fulfilment, delivered, changed: differs(fulfilment) || differs(delivered) });

/**
 * What changes from plan a to plan b: fulfilment of each target (matched by item, period and
 * tier; `changed` when it differs beyond rounding), activity of each technique and use of each resource per period (only entries that
 * differ), and which bottlenecks appear or disappear.
 */
export function comparePlans(a: PlanDoc, b: PlanDoc) {
  const targetKey = (t: PlanDoc['targets'][number]): string => `${t.item}\u0000${t.period}\u0000${t.priority}`;
  const tb = new Map(b.targets.map((t) => [targetKey(t), t]));
  const seen = new Set<string>();
  const targets = a.targets.map((t) => {
    const k = targetKey(t);
    seen.add(k);
    const o = tb.get(k);
    return target(t, diff(num(t.fulfilment), o === undefined ? null : num(o.fulfilment)), diff(t.delivered, o === undefined ? null : o.delivered));
  });
  for (const t of b.targets) if (!seen.has(targetKey(t))) targets.push(target(t, diff(null, num(t.fulfilment)), diff(null, t.delivered)));

  const activity: { technique: string; period: string; activity: Difference }[] = [];
  for (const period of union(Object.keys(a.activity), Object.keys(b.activity))) {
    const pa = a.activity[period] ?? {};
    const pb = b.activity[period] ?? {};
    for (const technique of union(Object.keys(pa), Object.keys(pb))) {
      const d = diff(pa[technique] ?? 0, pb[technique] ?? 0);
      if (differs(d)) activity.push({ technique, period, activity: d });
    }
  }

  const resources: { resource: string; period: string; use: Difference; available: Difference }[] = [];
  const ra = a.resources;
  const rb = b.resources;
  for (const period of union(Object.keys(ra), Object.keys(rb))) {
    const pa = ra[period] ?? {};
    const pb = rb[period] ?? {};
    for (const resource of union(Object.keys(pa), Object.keys(pb))) {
      const use = diff(num(pa[resource]?.use), num(pb[resource]?.use));
      const available = diff(num(pa[resource]?.available), num(pb[resource]?.available));
      if (differs(use) || differs(available)) resources.push({ resource, period, use, available });
    }
  }

  const bk = (x: PlanDoc['bottlenecks'][number]): string => `${x.kind}:${x.id}@${x.period}`;
  const ba = new Set(a.bottlenecks.map(bk));
  const bb = new Set(b.bottlenecks.map(bk));
  return {
    status: { a: a.status, b: b.status },
    objective: diff(num(a.objectiveValue), num(b.objectiveValue)),
    targets,
    activity,
    resources,
    bottlenecks: { onlyA: [...ba].filter((k) => !bb.has(k)), onlyB: [...bb].filter((k) => !ba.has(k)), both: [...ba].filter((k) => bb.has(k)) },
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
