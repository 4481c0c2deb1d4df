import type { LeontiefSystem } from '../compile/types.js';
import type { SolveStatus } from '../sparse/index.js';

/** Proved bounds lower ≤ ρ(A) ≤ upper on the spectral radius of the system's A. */
export interface SpectralBounds {
  readonly lower: number;
  readonly upper: number;
}

/** A resource that closing a deficit would overdraw. */
export interface ResourceShortage {
  readonly resource: number;
  readonly id: string;
  /** Extra use the closing would need. */
  readonly required: number;
  /** Slack left by the plan (available − use; negative when the plan already overdraws it). */
  readonly slack: number;
  /** required − max(slack, 0): how much more would have to be available. */
  readonly short: number;
}

/** A technique whose extra activity would exceed its capacity. */
export interface CapacityShortage {
  readonly technique: number;
  readonly id: string;
  /** Extra activity the closing would need. */
  readonly required: number;
  /** capacity − planned activity (negative when already over). */
  readonly slack: number;
  readonly short: number;
}

/**
 * What closing a gap would take: Δx = (I − A)⁻¹ d, the gross outputs (directly and through all
 * intermediate goods) that making the missing final amounts d needs, with A from
 * `leontiefSystem(c, { activity })` (one technique per item: the one the plan runs most).
 */
export interface ClosingRequirement {
  /** The deficit item, or −1 for all deficits together. */
  readonly item: number;
  readonly id: string;
  /** Missing units (per item for one deficit; the sum over items for all together). */
  readonly deficit: number;
  /**
   * How the solve ended. Anything but 'converged' ('not-productive', 'max-iterations',
   * 'breakdown') means no requirement: every number below is NaN, the lists are empty and
   * `spectralRadius` gives the bounds on ρ(A).
   */
  readonly status: SolveStatus;
  readonly relativeResidual: number;
  /** Δx per item (the compiled economy's item order). */
  readonly grossOutput: Float64Array;
  /** Extra activity per technique (Δx divided by the chosen technique's output coefficient). */
  readonly activity: Float64Array;
  /** Extra use per resource: primary coefficients · Δx. */
  readonly resources: Float64Array;
  /** Resources whose slack does not cover the extra use, largest shortage relative to need first. */
  readonly resourcesShort: readonly ResourceShortage[];
  /** Techniques whose capacity does not allow the extra activity. */
  readonly capacitiesShort: readonly CapacityShortage[];
  /** The solve converged and every resource and capacity allows it. */
  readonly feasible: boolean;
  /** Present when the solve did not converge. */
  readonly spectralRadius?: SpectralBounds;
}

export interface ClosingOptions {
  /** Relative residual of each Leontief solve (default 1e-12). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /**
   * Requirements are given one by one for at most this many deficits, the largest relative
   * deficits first (default 20); `all` always closes every deficit together.
   */
  readonly limit?: number;
  /** The input–output system to use (default: `leontiefSystem(c, { activity })` of the plan). */
  readonly system?: LeontiefSystem;
}

export interface ClosingReport {
  /**
   * 'ok'; or 'no-system' when no square input–output system can be formed (an item that no
   * technique makes, or two techniques making an item with equal planned activity): `message`
   * says why, and there are no requirements.
   */
  readonly status: 'ok' | 'no-system';
  readonly message?: string;
  /** One per deficit (up to `limit`), in the report's order of deficits. */
  readonly each: readonly ClosingRequirement[];
  /** Every deficit closed together (absent when there are none). */
  readonly all?: ClosingRequirement;
  /**
   * When a requirement's system is not productive: the loops of items (ids) proved not productive
   * on their own, smallest first (see `nonProductiveLoops`), for the diagnosis.
   */
  readonly loops?: readonly (readonly string[])[];
}
