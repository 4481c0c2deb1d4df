import { join } from 'node:path';
import { compileEconomy } from '../../src/compile/index.js';
import { executionPlan, replan } from '../../src/execution/index.js';
import { loadEconomy } from '../../src/model/index.js';
import { solvePlan } from '../../src/plan/index.js';
import { sampleEnterprises } from './sample-report.js';

/** Re-plan of the 1930 example through the library (no HTTP, no store), with where its time goes. */
export interface LibraryReplan {
  readonly runs: number;
  /** The first plan (solvePlan), once, for comparison. */
  readonly solveMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Medians of replan's own timing, ms. */
  readonly formulateMs: number;
  readonly solverMs: number;
  readonly stagesMs: number;
  readonly readMs: number;
  readonly stages: number;
  readonly status: string;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Solves the 1930 example's plan, then re-plans from 1931 with 1930 fixed to what happened (the
 * plan, with the example's enterprises at 90% of their planned activity), `runs` times after one
 * untimed run. Every re-plan must be optimal before its time counts.
 */
export async function libraryReplan(repo: string, runs: number, fromPeriod = '1931'): Promise<LibraryReplan> {
  const economy = await loadEconomy(join(repo, 'examples', 'ussr-1930', 'economy.yaml'));
  const c = compileEconomy(economy);
  const t0 = performance.now();
  const plan = await solvePlan(c);
  const solveMs = performance.now() - t0;
  if (plan.status !== 'optimal') throw new Error(`the 1930 plan is ${plan.status}`);
  const nT = c.techniques.ids.length;
  const published = executionPlan(plan);
  const actuals = Float64Array.from(plan.activity);
  const from = c.periods.ids.indexOf(fromPeriod);
  for (const e of sampleEnterprises) {
    const j = c.techniques.ids.indexOf(e.technique);
    if (j < 0) throw new Error(`no technique ${e.technique} in the 1930 example`);
    for (let t = 0; t < from; t++) actuals[t * nT + j] *= 0.9;
  }
  const total: number[] = [];
  const formulate: number[] = [];
  const solver: number[] = [];
  const stages: number[] = [];
  const read: number[] = [];
  let status = '';
  let stageCount = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const r = await replan(c, { fromPeriod, actuals, plan: published });
    const ms = performance.now() - started;
    if (r.status !== 'optimal') throw new Error(`the re-plan is ${r.status}${r.message === undefined ? '' : `: ${r.message}`}`);
    status = r.status;
    stageCount = r.stages.length;
    if (i === 0) continue;
    total.push(ms);
    formulate.push(r.timing.formulateMs);
    solver.push(r.timing.solverMs);
    stages.push(r.timing.stagesMs.reduce((a, b) => a + b, 0));
    read.push(r.timing.readMs);
  }
  return {
    runs,
    solveMs,
    medianMs: median(total),
    minMs: Math.min(...total),
    maxMs: Math.max(...total),
    formulateMs: median(formulate),
    solverMs: median(solver),
    stagesMs: median(stages),
    readMs: median(read),
    stages: stageCount,
    status,
  };
}
