import { createHash } from 'node:crypto';
import { compileEconomy } from '../compile/compile-economy.js';
import { chooseSolver } from '../lp/choose-solver.js';
import type { LpSolver } from '../lp/lp-types.js';
import type { PlanObjective } from '../plan/plan-types.js';
import { resolveObjective } from '../plan/resolve-objective.js';
import { solvePlan } from '../plan/solve-plan.js';
import { canonicalJson, type PlentyStore, type ScenarioRecord } from '../store/index.js';
import { checkWholePlantSolver } from './check-whole-plant-solver.js';
import type { JobTask } from './job-task.js';
import { scenarioEconomy } from './scenario-economy.js';
import { encodePlan } from '../report/encode-plan.js';
import type { SolveOptions } from './solve-options.js';

/** The objective of a solve request in the library's shape. */
export function planObjective(o: SolveOptions['objective']): PlanObjective {
  if (o === undefined) return { kind: 'maxmin' };
  if (typeof o === 'string') return { kind: o };
  return {
    kind: o.kind,
    ...(o.cap === undefined ? {} : { cap: o.cap }),
    ...(o.periods === undefined ? {} : { periods: o.periods }),
    ...(o.resource === undefined ? {} : { resource: o.resource }),
    ...(o.weights === undefined ? {} : { weights: Object.fromEntries(Object.entries(o.weights).map(([k, v]) => [Number(k), v])) }),
    ...(o.overSlope === undefined ? {} : { overSlope: o.overSlope }),
    ...(o.harmonyCap === undefined ? {} : { harmonyCap: o.harmonyCap }),
  };
}

/** A backend that chooses like `solver` and stops when `signal` aborts. */
export function cancellable(choice: 'auto' | 'highs' | 'pdhg', signal: AbortSignal): LpSolver {
  return {
    name: choice,
    maxNonZeros: Infinity,
    async solve(lp, options = {}) {
      const backend = await chooseSolver(choice, lp.A.rowPtr[lp.A.rows]);
      return backend.solve(lp, { ...options, signal });
    },
  };
}

/**
 * Checks a solve request against its scenario now (bad objective resource, say: InputError, a
 * 422) and returns the job's task: compile, solve with progress and cancellation, store the plan.
 */
export async function solveTask(store: PlentyStore, scenario: ScenarioRecord, options: SolveOptions): Promise<JobTask> {
  const economy = await scenarioEconomy(store, scenario);
  const c = compileEconomy(economy);
  const objective = planObjective(options.objective);
  resolveObjective(c, objective);
  checkWholePlantSolver(c, options);
  const inputsHash = createHash('sha256')
    .update(canonicalJson({ model: scenario.modelId, version: scenario.modelVersion, overrides: scenario.overrides, options }))
    .digest('hex');
  return async (job) => {
    const r = await solvePlan(c, {
      objective,
      solver: cancellable(options.solver ?? 'auto', job.signal),
      ...(options.gap === undefined ? {} : { gap: options.gap }),
      ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
      ...(options.mipGap === undefined ? {} : { mipGap: options.mipGap }),
      ...(options.relaxIntegers === true ? { relaxIntegers: true } : {}),
      onProgress: (i) => job.progress((i.stage + 0.5) / i.stages, `stage ${i.stage + 1}/${i.stages}, iteration ${i.iteration}${i.text === undefined ? '' : `: ${i.text}`}`),
    });
    if (job.signal.aborted) throw new Error('cancelled');
    const text = JSON.stringify(encodePlan(c, r));
    return async (tx) => {
      const plan = await tx.plans.add(
        {
          scenarioId: scenario.id,
          modelId: scenario.modelId,
          modelVersion: scenario.modelVersion,
          inputsHash,
          objectiveKind: objective.kind,
          solver: r.solver,
          status: r.status,
          objective: r.status === 'optimal' ? r.objectiveValue : null,
        },
        text,
      );
      return plan.id;
    };
  };
}
