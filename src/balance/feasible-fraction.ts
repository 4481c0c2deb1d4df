import type { BalanceReport } from './types.js';

/** What sets a fraction: an item, a resource or a technique's capacity, and its ratio. */
export interface FractionLimit {
  readonly kind: 'item' | 'resource' | 'capacity';
  /** Index of the item, resource or technique. */
  readonly index: number;
  readonly id: string;
  /**
   * item: (output + imports − intermediate − exports) / final, or 0 for an item without targets
   * whose intermediate use and exports already exceed its supply; resource: available / used;
   * capacity: capacity / activity.
   */
  readonly ratio: number;
}

/**
 * How much of a plan holds. Two questions, answered separately, then combined:
 *
 * - `targets` = θ_targets: the largest θ ∈ [0, 1] such that the plan's production, as planned
 *   (activity, imports and exports unchanged), covers θ × every target after intermediate use and
 *   exports: θ_targets = min over items with final > 0 of (output + imports − intermediate −
 *   exports) / final, clamped to [0, 1]. An item without targets that is in deficit (its
 *   intermediate use and exports exceed its supply) makes it 0: no fraction of the targets can be
 *   met without that item. "What fraction of the targets can this plan's output actually meet?"
 * - `resources` = θ_resources: the largest θ ∈ [0, 1] such that running every technique at θ ×
 *   its planned level (imports, exports and direct use by final demand scaled by θ too) stays
 *   within every resource's availability and every technique's capacity: θ_resources = min over
 *   resources of available / used and over techniques of capacity / activity, clamped to [0, 1].
 *   "What fraction of the plan can the resources carry?"
 * - `uniform`: the largest θ ∈ [0, 1] such that the plan scaled by θ throughout (activity, trade
 *   and targets) balances and fits its limits. Uniform scaling keeps the sign of every item
 *   balance, so this is θ_resources when the plan balances (θ_targets = 1) and 0 otherwise.
 * - `combined` = θ_targets × θ_resources: the fraction of every target that the plan, cut back
 *   uniformly to what the resources carry, still meets.
 *
 * The unclamped ratios are kept (`targetsRatio`, `resourcesRatio`; Infinity when nothing limits)
 * to show the headroom of a plan that over-fulfils.
 */
export interface FeasibleFraction {
  readonly targets: number;
  readonly targetsRatio: number;
  readonly targetsLimit?: FractionLimit;
  readonly resources: number;
  readonly resourcesRatio: number;
  readonly resourcesLimit?: FractionLimit;
  readonly uniform: number;
  readonly combined: number;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The largest fractions of the targets and of the plan that hold; see `FeasibleFraction`. */
export function feasibleFraction(report: BalanceReport): FeasibleFraction {
  const c = report.economy;
  const tol = report.tolerance;
  const { output, imports, intermediate, exports, fromStock, toStock, final, supply, use } = report.items;

  let targetsRatio = Infinity;
  let targetsLimit: FractionLimit | undefined;
  for (let i = 0; i < final.length; i++) {
    const net = output[i] + imports[i] + fromStock[i] - intermediate[i] - exports[i] - toStock[i];
    let ratio: number;
    if (final[i] > 0) ratio = net / final[i];
    else if (net < -tol * Math.max(supply[i], use[i])) ratio = 0;
    else continue;
    if (ratio < targetsRatio) {
      targetsRatio = ratio;
      targetsLimit = { kind: 'item', index: i, id: c.items.ids[i], ratio };
    }
  }

  let resourcesRatio = Infinity;
  let resourcesLimit: FractionLimit | undefined;
  const res = report.resources;
  for (let r = 0; r < res.use.length; r++) {
    if (!(res.use[r] > 0) || res.available[r] === Infinity) continue;
    const ratio = res.available[r] / res.use[r];
    if (ratio < resourcesRatio) {
      resourcesRatio = ratio;
      resourcesLimit = { kind: 'resource', index: r, id: c.resources.ids[r], ratio };
    }
  }
  const loads = report.techniques;
  for (let j = 0; j < loads.activity.length; j++) {
    if (!(loads.activity[j] > 0) || loads.capacity[j] === Infinity) continue;
    const ratio = loads.capacity[j] / loads.activity[j];
    if (ratio < resourcesRatio) {
      resourcesRatio = ratio;
      resourcesLimit = { kind: 'capacity', index: j, id: c.techniques.ids[j], ratio };
    }
  }

  // Consistent with the report's tolerance: a plan that balances meets all its targets (a ratio
  // a hair below 1 is rounding), one that fits its limits can run in full.
  const targets = report.balances ? 1 : clamp01(targetsRatio);
  const resources = report.withinLimits ? 1 : clamp01(resourcesRatio);
  return {
    targets,
    targetsRatio,
    ...(targetsLimit === undefined ? {} : { targetsLimit }),
    resources,
    resourcesRatio,
    ...(resourcesLimit === undefined ? {} : { resourcesLimit }),
    uniform: report.balances ? resources : 0,
    combined: targets * resources,
  };
}
