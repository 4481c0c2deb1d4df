import { hasIntegers, type LinearProgram, type LpSolution } from '../lp/lp-types.js';
import type { PlanIndex, PlanStep } from './plan-types.js';

/** Runs one LP of a plan (time limit, progress, the stage's record) for a step over some periods. */
export type RunStage = (lp: LinearProgram, step: PlanStep, periods: readonly number[]) => Promise<LpSolution>;

/**
 * The bounds the stages of a plan change, shared from tier to tier: column lower bounds (a tier's
 * λ and levels held) and row lower bounds (a held period's link freed while its tier is raised).
 */
export interface StageBounds {
  readonly colLower: Float64Array;
  readonly rowLower: Float64Array;
}

export interface TierRules {
  /** Relative tolerance by which a level is held below what was reached (tierTolerance). */
  readonly tolerance: number;
  /** Relative rise above a round's level beyond which a period counts as able to rise. */
  readonly rise: number;
}

export interface TierOutcome {
  /** The last LP that raised a level and its solution, or the LP that did not solve. */
  readonly lp: LinearProgram;
  readonly solution: LpSolution;
  /**
   * The tier's first LP (maximise λ, the least level) and its solution: its duals say what holds
   * λ back, and the final plan is optimal for it too (λ is held at what it reached).
   */
  readonly first: { readonly lp: LinearProgram; readonly solution: LpSolution };
  /** Per period: the tier's level there (NaN where it has none, or when a solve failed). */
  readonly levels: Float64Array;
  /** The least of the levels (λ of the tier); NaN when a solve failed. */
  readonly lambda: number;
}

/** A level held: at the cap exactly when it reached it, else at what it reached less the tolerance. */
export function holdLevel(v: number, cap: number, tolerance: number): number {
  return v >= cap * (1 - 1e-9) ? cap : Math.max(0, v - tolerance * Math.max(1, Math.abs(v)));
}

/** Step of the test LP: how far above the round's level a period is asked to rise (relative). */
const TEST_STEP = 1e-3;

/**
 * Solves tier s of a maxmin plan, leximin over its periods, and holds what it reached in `bounds`:
 *
 * 1. `tier`: maximise λ, the least of the tier's levels over its periods (links μ − λ ≥ 0).
 * 2. `test`: which periods cannot rise above that level λ* with every other period of the round
 *    at λ* at least: maximise the sum of the levels of some candidates (first those whose link
 *    has a dual, see heldPeriods), each bounded by λ* + a small step; those that rise more than
 *    `rise` can, and the test is repeated over the rest until none rises. These cannot rise (one
 *    that could alone would have lifted the sum): they are held at λ* (less the tolerance) and
 *    their links are freed.
 * 3. `raise`: maximise λ over the periods not held, and test again, until every period is held.
 *
 * Each round holds at least one period, so a tier of P periods takes at most P rounds; a round
 * whose level reaches the tier's cap, or that has one period left, needs no test. A tier whose
 * periods share λ (objective periods 'common', or targets in one period) is solved by one LP.
 * After the tier, the links are restored and λ is held at the least level, so later tiers keep
 * every period of this one where it got.
 */
export async function solveTier(base: LinearProgram, ix: PlanIndex, s: number, bounds: StageBounds, run: RunStage, rules: TierRules): Promise<TierOutcome> {
  const nS = ix.tiers.length;
  const lam = ix.lambdaStart + s;
  const cap = base.colUpper[lam];
  const periods = levelPeriods(base, ix, s);
  const own = periods.filter((t) => ix.linkRow[t * nS + s] >= 0);
  const mu = (t: number): number => ix.levelColumn[t * nS + s];
  const link = (t: number): number => ix.linkRow[t * nS + s];
  const levels = new Float64Array(ix.periods).fill(NaN);
  const maximiseLambda = (): LinearProgram => stageLp(base, bounds, [lam]);

  if (own.length === 0) {
    const lp = maximiseLambda();
    const solution = await run(lp, 'tier', periods);
    if (solution.status !== 'optimal') return { lp, solution, first: { lp, solution }, levels, lambda: NaN };
    const v = solution.x[lam] + 0; // + 0: a level of -0 (as HiGHS may give) reads 0
    for (const t of periods) levels[t] = v;
    bounds.colLower[lam] = holdLevel(v, cap, rules.tolerance);
    return { lp, solution, first: { lp, solution }, levels, lambda: v };
  }

  let free = own;
  let reached: { lp: LinearProgram; solution: LpSolution } | undefined;
  let first: { lp: LinearProgram; solution: LpSolution } | undefined;
  while (free.length > 0) {
    const lp = maximiseLambda();
    const solution = await run(lp, reached === undefined ? 'tier' : 'raise', free);
    if (solution.status !== 'optimal') return { lp, solution, first: first ?? { lp, solution }, levels: levels.fill(NaN), lambda: NaN };
    reached = { lp, solution };
    first ??= reached;
    const v = solution.x[lam] + 0; // + 0: a level of -0 (as HiGHS may give) reads 0
    const test = free.length === 1 || v >= cap * (1 - 1e-9) ? { held: free } : await heldPeriods(base, bounds, { lam, cap, mu, link, free, level: v, round: solution }, run, rules);
    if ('failed' in test) return { ...test.failed, first, levels: levels.fill(NaN), lambda: NaN };
    for (const t of test.held) {
      levels[t] = v;
      bounds.colLower[mu(t)] = holdLevel(v, cap, rules.tolerance);
      bounds.rowLower[link(t)] = -Infinity;
    }
    free = free.filter((t) => !test.held.includes(t));
  }
  let least = Infinity;
  for (const t of own) {
    bounds.rowLower[link(t)] = base.rowLower[link(t)];
    least = Math.min(least, levels[t]);
  }
  bounds.colLower[lam] = holdLevel(least, cap, rules.tolerance);
  if (reached === undefined || first === undefined) throw new Error('solveTier: no round was run');
  return { ...reached, first, levels, lambda: least };
}

interface Round {
  readonly lam: number;
  readonly cap: number;
  readonly mu: (t: number) => number;
  readonly link: (t: number) => number;
  /** The periods of the round (not yet held). */
  readonly free: readonly number[];
  /** The round's level λ* and its solution. */
  readonly level: number;
  readonly round: LpSolution;
}

/**
 * A link's dual beyond which its period is taken for one that cannot rise (to be verified): above
 * 1e-7 and above 1% of the largest link dual (the duals of a round's links sum to 1 when it is
 * below the cap, so a first-order solver's noise on the others is not taken for a share).
 */
const LINK_DUAL = 1e-7;
const LINK_DUAL_SHARE = 1e-2;

/**
 * The periods of a round that cannot rise above its level (step 2 of solveTier). The test is
 * first asked of the periods whose link has a non-zero dual in the round's solution: by
 * complementary slackness such a period is at λ* in every solution that reaches λ*, so it cannot
 * rise (under degeneracy others may not be able to either, and are found in later rounds). The
 * test verifies it, so duals that are rounding noise never hold a period that can rise; when none
 * has such a dual, or all the ones asked rise, the test is asked of the other periods. When every
 * period of the round rises, the round's optimum was wrong: a failure (see contradicted).
 */
async function heldPeriods(base: LinearProgram, bounds: StageBounds, r: Round, run: RunStage, rules: TierRules): Promise<{ held: readonly number[] } | { failed: { lp: LinearProgram; solution: LpSolution } }> {
  const scale = Math.max(1, Math.abs(r.level));
  const rise = rules.rise * scale;
  const ceiling = Math.min(r.cap, r.level + Math.max(TEST_STEP * scale, 10 * rise));
  const dual = (t: number): number => Math.abs(r.round.rowDual[r.link(t)]);
  const threshold = Math.max(LINK_DUAL, LINK_DUAL_SHARE * Math.max(...r.free.map(dual)));
  const bound = r.free.filter((t) => dual(t) > threshold);
  /** How far each period that rose rose above the level in its test. */
  const risen = new Map<number, number>();
  let candidates = bound.length > 0 ? bound : r.free;
  for (;;) {
    const lp = stageLp(base, bounds, candidates.map(r.mu));
    // Every period of the round at the round's level (through λ and the links), the candidates at most a step above it.
    lp.colLower[r.lam] = holdLevel(r.level, r.cap, rules.tolerance);
    const colUpper = Float64Array.from(base.colUpper);
    for (const t of candidates) colUpper[r.mu(t)] = ceiling;
    const test = { ...lp, colUpper };
    const solution = await run(test, 'test', candidates);
    if (solution.status !== 'optimal') return { failed: { lp: test, solution } };
    const up = candidates.filter((t) => solution.x[r.mu(t)] > r.level + rise);
    if (up.length === 0) return { held: candidates };
    for (const t of up) risen.set(t, solution.x[r.mu(t)] - r.level);
    candidates = candidates.filter((t) => !risen.has(t));
    if (candidates.length === 0) candidates = r.free.filter((t) => !risen.has(t));
    if (candidates.length > 0) continue;
    // Every period rose. By half a step or more each, in a linear program: λ* was not the round's
    // optimum (the average of the tests' solutions would have every period above it). By less: the
    // rises are within the backend's accuracy (a first-order solver's). With whole plants the plans
    // are not convex: each period may rise alone (with other plants built) and not together, so no
    // average exists and nothing is contradicted. Either way hold the lowest of the round, and
    // every round still holds one.
    if (!hasIntegers(base) && Math.min(...risen.values()) >= (ceiling - r.level) / 2) return { failed: { lp: test, solution: contradicted(r, ceiling - r.level) } };
    return { held: [r.free.reduce((a, b) => (r.round.x[r.mu(b)] < r.round.x[r.mu(a)] ? b : a))] };
  }
}

/**
 * Every period of a round rose well above its level λ* in the tests (by half a step or more): the
 * average of the tests' solutions has every period above λ*, so λ* was not the most they reach
 * together and the backend's "optimal" was not (its tolerances too loose for the plan's scales).
 * No level is read from it: the round's solution is returned with status `error` and a message.
 */
function contradicted(r: Round, step: number): LpSolution {
  const message =
    `the solver's optimum of a tier's least level (${r.level.toPrecision(6)}) is not the most its periods reach together: ` +
    `each rose above it by ${(step / 2).toPrecision(2)} or more with the others at it, so the solver stopped short ` +
    "(its tolerances are too loose for this plan's scales): solve with HiGHS, or with a smaller gap";
  return { ...r.round, status: 'error', message };
}

/** The LP of a stage: the base LP with the stage's bounds, maximising the sum of `columns`. */
function stageLp(base: LinearProgram, bounds: StageBounds, columns: readonly number[]): LinearProgram {
  const c = new Float64Array(base.c.length);
  for (const j of columns) c[j] = 1;
  return { ...base, c, colLower: Float64Array.from(bounds.colLower), rowLower: Float64Array.from(bounds.rowLower) };
}

/**
 * The periods in which tier s has a level to raise: a target of positive amount whose row binds
 * (a re-plan frees the rows of the past's deliveries).
 */
function levelPeriods(lp: LinearProgram, ix: PlanIndex, s: number): number[] {
  const has = new Uint8Array(ix.periods);
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    if (ix.deliveryTier[g] !== s || !(ix.deliveryAmount[g] > 0)) continue;
    if (lp.rowLower[ix.targetRowStart + g] > -Infinity) has[ix.deliveryPeriod[g]] = 1;
  }
  const out: number[] = [];
  for (let t = 0; t < ix.periods; t++) if (has[t] === 1) out.push(t);
  return out;
}
