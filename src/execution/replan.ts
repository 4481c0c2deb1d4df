import type { CompiledEconomy } from '../compile/types.js';
import { chooseSolver } from '../lp/choose-solver.js';
import { fixPastPeriods } from '../plan/fix-past-periods.js';
import { withPeriods } from '../plan/default-periods.js';
import type { LpSolver } from '../lp/lp-types.js';
import type { FormulatedPlan, PlanObjective, PlanObjectiveKind, PlanResult } from '../plan/plan-types.js';
import { resolveObjective } from '../plan/resolve-objective.js';
import { solveFormulatedPlan } from '../plan/solve-plan.js';
import { nnz } from '../sparse/csr.js';
import { eliminateFixed } from './eliminate-fixed.js';
import { eliminatingSolver } from './eliminating-solver.js';
import { pastBreaches, type PastBreach } from './past-breaches.js';
import { pastRecord, type PastRecord, type ReportedPast } from './past-record.js';
import { pastShortfalls, type PastShortfall } from './past-shortfalls.js';
import { periodOption } from './period-option.js';
import type { ExecutionPlan } from './types.js';

export interface ReplanOptions extends ReplanInput {
  readonly gap?: number;
  /** Seconds for all stages together. */
  readonly timeLimit?: number;
  /** Whole plants: the relative gap at which branch and bound stops as optimal (as solvePlan's). */
  readonly mipGap?: number;
  /** Whole plants: re-plan the future as the LP relaxation instead (as solvePlan's). */
  readonly relaxIntegers?: boolean;
}

/** What a re-plan starts from (see prepareReplan). */
export interface ReplanInput {
  /**
   * maxmin without `periods` takes solvePlan's default for the backend (withPeriods); a re-plan of
   * a published plan passes the plan's own objective, so it keeps the plan's mode.
   */
  readonly objective?: PlanObjectiveKind | PlanObjective;
  /** The backend (default 'auto'); it also decides maxmin's default `periods`. */
  readonly solver?: LpSolver | 'auto' | 'highs' | 'pdhg';
  /** The first period re-optimised (an id); the ones before it are the past. */
  readonly fromPeriod: string;
  /**
   * Activity per technique and period (period-major) for at least the periods before `fromPeriod`:
   * reported where reported, planned where not (actualActivity gives exactly that).
   */
  readonly actuals: ArrayLike<number>;
  /** The published plan: the past's trade, stocks and deliveries where nothing else was reported. */
  readonly plan: ExecutionPlan;
  /** Trade and stocks of past periods as reported (override the published plan's, item by item). */
  readonly reported?: ReportedPast;
}

/** Where the time of a re-plan went, in milliseconds. */
export interface ReplanTiming {
  /** The past's record and breaches, and the LP. */
  readonly formulateMs: number;
  /** Choosing the backend (for HiGHS, loading the module; its worker starts on the first solve). */
  readonly solverMs: number;
  /** Per stage, as measured around the backend's solve (worker start-up and data transfer included). */
  readonly stagesMs: readonly number[];
  /** Reading the solution, valuations and bottlenecks. */
  readonly readMs: number;
  readonly totalMs: number;
}

/** The past as the re-plan took it. */
export interface ReplanPast {
  /** Ids of the past periods, fixed as they happened. */
  readonly periods: readonly string[];
  /** Limits the past broke (a resource overdrawn, a balance short, …), with the excess. */
  readonly breaches: readonly PastBreach[];
  /** Past deliveries below their targets' amounts. */
  readonly shortfalls: readonly PastShortfall[];
  /** How many past trade and stock values came from reports (the rest are the published plan's). */
  readonly reportedValues: number;
}

/**
 * The whole horizon: the past as it happened and the future re-optimised. Per-period arrays cover
 * every period; `lambda`, `objectiveValue`, `stages` and `bottlenecks` are the future's alone.
 */
export interface ReplanResult extends PlanResult {
  readonly fromPeriod: string;
  /** Number of past periods (those before fromPeriod). */
  readonly fixedPeriods: number;
  readonly past: ReplanPast;
  readonly timing: ReplanTiming;
}

/**
 * Re-plans the periods from `fromPeriod` on, from what really happened before it (docs/optimize.md,
 * "Re-planning"):
 *
 * - the past is fixed exactly as it happened (pastRecord): reported activity (the actuals), trade
 *   and stocks as reported or else as published, the deliveries that follow; no limit is relaxed
 *   to make it fit, and the limits it broke are listed (pastBreaches), with its shortfalls;
 * - the future is optimised alone (fixPastPeriods): the LP of the future periods with the past's
 *   carry-over (closing stocks, capacity built by past investment) as data, with the same
 *   objective and staging as solvePlan (maxmin: λ per tier over the future's targets only).
 *
 * Hard outcomes are a status, never thrown; bad options (unknown period, bad actuals or reported
 * trade and stocks) throw InputError.
 */
export async function replan(c: CompiledEconomy, options: ReplanOptions): Promise<ReplanResult> {
  return solveReplan(prepareReplan(c, options), options);
}

/** The part of a re-plan that checks its input and builds its LP (synchronous; throws InputError). */
export interface PreparedReplan {
  readonly economy: CompiledEconomy;
  readonly objective: PlanObjective;
  /** Index of the first re-planned period. */
  readonly from: number;
  readonly past: PastRecord;
  readonly breaches: readonly PastBreach[];
  readonly formulated: FormulatedPlan;
  readonly formulateMs: number;
}

/** Checks a re-plan's input and formulates it: the past's record and breaches, and the LP. */
export function prepareReplan(c: CompiledEconomy, input: ReplanInput): PreparedReplan {
  const t0 = performance.now();
  const from = periodOption(c, input.fromPeriod, 'fromPeriod');
  const { objective, formulated: plain } = withPeriods(c, resolveObjective(c, input.objective), input.solver ?? 'auto');
  const past = pastRecord(c, plain.index, { from, actuals: input.actuals, plan: input.plan, ...(input.reported === undefined ? {} : { reported: input.reported }) });
  const breaches = pastBreaches(c, plain.index, past);
  const formulated = fixPastPeriods(plain, objective, past);
  return { economy: c, objective, from, past, breaches, formulated, formulateMs: performance.now() - t0 };
}

/** Solves a prepared re-plan (see replan). */
export async function solveReplan(p: PreparedReplan, options: Pick<ReplanOptions, 'solver' | 'gap' | 'timeLimit' | 'mipGap' | 'relaxIntegers'> = {}): Promise<ReplanResult> {
  const { economy: c, from, past, formulated, objective } = p;
  const t1 = performance.now();
  const choice = options.solver ?? 'auto';
  const backend = typeof choice === 'string' ? await chooseSolver(choice, nnz(eliminateFixed(formulated.lp).lp.A)) : choice;
  const t2 = performance.now();
  const r = await solveFormulatedPlan(c, formulated, objective, {
    solver: eliminatingSolver(backend),
    diagnose: false,
    ...(options.gap === undefined ? {} : { gap: options.gap }),
    ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
    ...(options.mipGap === undefined ? {} : { mipGap: options.mipGap }),
    ...(options.relaxIntegers === true ? { relaxIntegers: true } : {}),
  });
  const t4 = performance.now();
  // The past's surplus is what its balance left beyond the deliveries (its rows are free in the LP).
  const surplus = Float64Array.from(r.surplus);
  surplus.set(past.surplus);
  const pastIds = c.periods.ids.slice(0, from);
  const stagesMs = r.stages.map((s) => s.wallMs);
  const solvesMs = stagesMs.reduce((a, b) => a + b, 0);
  return {
    ...r,
    surplus,
    // Bottlenecks are those of the future: the past's limits bind nothing any more.
    bottlenecks: r.bottlenecks.filter((b) => !pastIds.includes(b.period)),
    fromPeriod: c.periods.ids[from],
    fixedPeriods: from,
    past: { periods: pastIds, breaches: p.breaches, shortfalls: pastShortfalls(c, past), reportedValues: past.reportedValues },
    timing: { formulateMs: p.formulateMs, solverMs: t2 - t1, stagesMs, readMs: Math.max(0, t4 - t2 - solvesMs), totalMs: p.formulateMs + (t4 - t1) },
  };
}
