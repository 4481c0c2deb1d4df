import type { JobTask } from './job-task.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import type { SolveOptions } from './solve-options.js';
import { solveTask } from './solve-task.js';
import { storedScenario } from './stored-scenario.js';

/**
 * The solve of a stored scenario, checked now (not-found; an objective that does not fit the
 * scenario is refused as `the solve request`): the job's task (solve-task.ts), which compiles,
 * solves with progress and cancellation, and stores the plan in the job's transaction.
 */
export async function solveScenario(store: PlentyStore, scenarioId: number, options: SolveOptions): Promise<JobTask> {
  const s = await storedScenario(store, scenarioId);
  return refusedInput('the solve request', () => solveTask(store, s, options));
}
