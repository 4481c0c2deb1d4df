import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileEconomy } from '../../src/compile/index.js';
import type { CompiledEconomy } from '../../src/compile/index.js';
import type { AmountsByPeriod, ExecutionPlan, ReportedPast } from '../../src/execution/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { hasPlantDecisions, type PlanObjectiveKind } from '../../src/plan/index.js';
import { fixture, repoRoot } from '../helpers/paths.js';

/** One case written by test/fixtures/replan/make-expected.py (scipy's HiGHS, an independent LP) or make-expected-whole.py (its branch and bound). */
export interface ReplanCase {
  readonly name: string;
  readonly description: string;
  /** Model file, relative to the repository root. */
  readonly model: string;
  readonly objective: PlanObjectiveKind;
  readonly fromPeriod: string;
  /** The independent formulation's published plan: λ, levels, and the past's trade, stocks and deliveries. */
  readonly published: {
    readonly lambda: Readonly<Record<string, number>>;
    /** Level per tier and period (maxmin; empty for weighted). */
    readonly levels: Readonly<Record<string, Readonly<Record<string, number>>>>;
    readonly exports: AmountsByPeriod;
    readonly imports: AmountsByPeriod;
    readonly stock: AmountsByPeriod;
    readonly deliveries: readonly { readonly target: number; readonly period: string; readonly delivered: number }[];
  };
  /** The past's activity as it happened. */
  readonly actual: { readonly activity: AmountsByPeriod };
  readonly reported: ReportedPast;
  readonly expected: {
    readonly lambda: Readonly<Record<string, number>> | null;
    /** Level per tier and future period (maxmin). */
    readonly levels: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
    readonly objective: number;
    /** Every future delivery's range over the optimal face. */
    readonly deliveries: readonly { readonly target: number; readonly period: string; readonly amount: number; readonly min: number; readonly max: number }[];
    readonly shortfalls: readonly { readonly target: number; readonly period: string; readonly amount: number; readonly delivered: number }[];
    readonly breaches: readonly { readonly kind: string; readonly id: string; readonly period: string; readonly limit: number; readonly actual: number; readonly excess: number }[];
    /**
     * Models with whole plants (make-expected-whole.py): the re-plan's whole units per future
     * period and technique ("open" for a technique with a lot or a fixed cost that runs); the
     * delivery ranges are those of the optimal face with these plants.
     */
    readonly plants?: Readonly<Record<string, Readonly<Record<string, number | 'open'>>>>;
  };
}

export function readReplanCase(name: string): ReplanCase {
  return JSON.parse(readFileSync(fixture('replan', 'expected', `${name}.json`), 'utf8')) as ReplanCase;
}

export function compileModelFile(path: string): CompiledEconomy {
  return compileEconomy(parseEconomy(readFileSync(join(repoRoot, path), 'utf8'), { file: path }));
}

/** Per item and period (period-major) from amounts by period and item id. */
function itemArray(c: CompiledEconomy, values: AmountsByPeriod): Float64Array {
  const n = c.items.ids.length;
  const out = new Float64Array(c.periods.ids.length * n);
  for (const [p, row] of Object.entries(values)) for (const [id, v] of Object.entries(row)) out[(c.periods.index.get(p) ?? -1) * n + (c.items.index.get(id) ?? -1)] = v;
  return out;
}

/** The case's past as replan takes it: actual activity, and the published plan it departs from. */
export function pastOfCase(c: CompiledEconomy, k: ReplanCase): { actuals: Float64Array; plan: ExecutionPlan } {
  const nT = c.techniques.ids.length;
  const actuals = new Float64Array(c.periods.ids.length * nT);
  for (const [p, row] of Object.entries(k.actual.activity)) for (const [id, v] of Object.entries(row)) actuals[(c.periods.index.get(p) ?? -1) * nT + (c.techniques.index.get(id) ?? -1)] = v;
  const plan: ExecutionPlan = {
    activity: actuals,
    deliveries: k.published.deliveries.map((d) => ({ target: d.target, period: c.periods.index.get(d.period) ?? -1, amount: d.delivered })),
    exports: itemArray(c, k.published.exports),
    imports: itemArray(c, k.published.imports),
    stock: itemArray(c, k.published.stock),
  };
  return { actuals, plan };
}

/**
 * The one tolerance rule of the re-planning tests: |actual − expected| ≤ rel × max(1, |expected|).
 * Two solves of the same LP (HiGHS in scipy and in Plenty, or a solve and a re-solve) agree to
 * about 10⁻⁹ relative; the rules' tolerances (tiers held 10⁻⁷ below their optimum) set the rest.
 */
export function assertClose(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected} (relative tolerance ${rel})`);
}

/**
 * Branch and bound's gap for the models with whole plants (the 1930 example): the reference solves
 * every round to 1e-9, and a round's level held short by the default gap (1e-4) would move the
 * later rounds' levels by far more than the tolerances below (on the 1930 example a level held
 * 3e-7 lower moved the next round's by 4e-5: a tractor line's inputs are small beside its output).
 */
export const MIP_GAP = 1e-9;

/**
 * Levels and λ are compared to 1e-6, or to 1e-5 for a model with whole plants: there a level a
 * tier reached is held 1e-5 below it (docs/optimize.md), and which of the plans within that hold
 * each solver's next round starts from moves the later levels by a few 1e-6 (the 1930 example).
 */
export const levelTolerance = (c: CompiledEconomy): number => (hasPlantDecisions(c) ? 1e-5 : 1e-6);

/** Deliveries, relative to the larger of 1 and the delivery: 1e-6, or twice a level's hold with whole plants (a level within its hold moves a delivery by up to 1e-5 of it). */
export const deliveryTolerance = (c: CompiledEconomy): number => (hasPlantDecisions(c) ? 2e-5 : 1e-6);
