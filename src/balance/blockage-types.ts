/**
 * What a deficit blocks: the result of `blockedByDeficits`.
 *
 * The rationing model. Each item's supply is allotted before the period starts, as in a funded
 * distribution system: every planned claim on the item is granted a share of it, in this order:
 *   1. the techniques on a production loop with the item (they make, directly or through other
 *      items, what the item is made from: the coal mine's claim on steel when steel is made with
 *      coal; the farm's seed grain) are served first, proportionally among themselves. Cutting
 *      them would shrink the item's own supply again: sharing a shortage with them spirals down
 *      towards nothing. Option `loopsFirst: false` turns this off;
 *   2. rule 'priority' (default): the other techniques' intermediate use and exports (committed
 *      deliveries) share what is left proportionally; whatever then remains goes to the targets,
 *      the highest priority tier first (tier 1 before tier 2), proportionally within a tier;
 *      rule 'proportional': the other techniques, exports and targets all get the same share.
 * A share is min(1, what is left / the claims). A technique runs at the fraction
 * f_j = min over its inputs i of the share it is granted of i (fixed proportions: the scarcest
 * input sets the level). Running lower, it makes less of its outputs, so their supply falls and
 * the shortage travels down the chain (bolts short → tractors short → grain short → bread
 * target). Allotments are computed from the planned claims and are not redistributed: what a
 * held-back technique does not use of its other inputs lies idle (the nuts waiting for bolts).
 * The fractions are the greatest fixed point of this propagation, found by iterating from f = 1
 * (the sequence decreases monotonically, so it converges).
 */
export type BlockageRule = 'priority' | 'proportional';

export interface BlockageOptions {
  /** How a short supply is shared (default 'priority'); see above. */
  readonly rule?: BlockageRule;
  /** Cap on propagation sweeps (default 1,000); a cycle of shortages converges geometrically. */
  readonly maxIterations?: number;
  /** Serve the techniques on a production loop with a short item first (default true). */
  readonly loopsFirst?: boolean;
  /** Cap on steps per chain (default 500); longer chains are cut and marked `truncated`. */
  readonly maxSteps?: number;
}

/** A technique that cannot run as planned. */
export interface BlockedTechnique {
  readonly technique: number;
  readonly id: string;
  /** Planned activity. */
  readonly planned: number;
  /** Activity the allotted supplies allow: fraction × planned. */
  readonly allowed: number;
  readonly fraction: number;
  /** The input item that limits it. */
  readonly reason: number;
  readonly reasonId: string;
  /** Units of the reason item it lacks to run as planned: input × planned × (1 − share). */
  readonly missing: number;
}

/** A target that is not (fully) covered. */
export interface BlockedTarget {
  /** Index into the compiled economy's targets. */
  readonly target: number;
  /** The target's item: also the reason it is blocked. */
  readonly item: number;
  readonly itemId: string;
  readonly priority: number;
  readonly amount: number;
  readonly covered: number;
  /** amount − covered, in the item's unit. */
  readonly shortfall: number;
}

/** An item that falls short: a root deficit of the plan or a knock-on shortage. */
export interface ShortItem {
  readonly item: number;
  readonly id: string;
  /** Planned use − supply after propagation, in the item's unit. */
  readonly shortfall: number;
  /** Output lost through the technique that caused this step (0 for a root deficit). */
  readonly lost: number;
  /** The technique whose cut-back makes the item short here, or −1 for a root deficit. */
  readonly cause: number;
}

export type BlockageStep =
  | ({ readonly kind: 'item'; readonly depth: number } & ShortItem)
  | ({ readonly kind: 'technique'; readonly depth: number } & BlockedTechnique)
  | ({ readonly kind: 'target'; readonly depth: number } & BlockedTarget);

/**
 * Everything one root deficit blocks, in depth-first order: the item, then its blocked targets,
 * then each technique it holds back followed by the items that technique fails to make (and
 * what those block in turn). Each thing appears once per chain, under the first path that
 * reaches it; a technique appears under the input that limits it.
 */
export interface BlockageChain {
  readonly root: number;
  readonly id: string;
  /** The root's deficit in the plan (units). */
  readonly deficit: number;
  readonly steps: readonly BlockageStep[];
  readonly truncated: boolean;
}

export interface BlockageReport {
  readonly rule: BlockageRule;
  readonly status: 'converged' | 'max-iterations';
  readonly iterations: number;
  /**
   * Per item: the share granted to each ordinary claim (techniques not on a loop with it,
   * exports, and under 'proportional' the targets). 1 = all.
   */
  readonly share: Float64Array;
  /** Per item: the share granted to the claims of techniques on a production loop with it. */
  readonly loopShare: Float64Array;
  /** Per technique: allowed / planned activity (1 = as planned). */
  readonly fraction: Float64Array;
  /** Per technique: the input item that limits it, or −1. */
  readonly limitingItem: Int32Array;
  /** Per item: supply after propagation (output at the allowed activity + imports). */
  readonly supply: Float64Array;
  /** Per item: output lost because its producers are held back. */
  readonly lostOutput: Float64Array;
  /** Per item: allotted to techniques but unused because another input holds them back. */
  readonly idle: Float64Array;
  /** Every technique held back, smallest fraction first. */
  readonly techniques: readonly BlockedTechnique[];
  /** Every target not fully covered, by priority tier, then largest shortfall. */
  readonly targets: readonly BlockedTarget[];
  /** One chain per root deficit, in the report's order of deficits. */
  readonly chains: readonly BlockageChain[];
}
