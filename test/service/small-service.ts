import type { JobTask } from '../../src/server/job-runner.js';
import { createScenario } from '../../src/service/create-scenario.js';
import { publishPlan } from '../../src/service/publish-plan.js';
import { solveScenario } from '../../src/service/solve-scenario.js';
import { uploadModel } from '../../src/service/upload-model.js';
import { openSqliteStore, type PlentyStore, type SqliteStore } from '../../src/store/index.js';
import { SMALL_YAML } from '../execution/economies.js';

/** Runs a job's task as the job runner does: the work, then its save in one transaction; the stored plan's id. */
export async function runTask(store: PlentyStore, task: JobTask): Promise<number> {
  const progress: (number | null)[] = [];
  const save = await task({ signal: new AbortController().signal, progress: (f) => progress.push(f) });
  return store.transaction((tx) => save(tx));
}

/** An in-memory store holding the two-region model (test/execution/economies.ts) as `small`. */
export async function smallStore(): Promise<SqliteStore> {
  const store = openSqliteStore({ dir: ':memory:' });
  await uploadModel(store, { id: 'small', format: 'yaml', text: SMALL_YAML });
  return store;
}

/** The small model's scenario as it stands, solved (maxmin) and its plan published. */
export async function publishedSmall(): Promise<{ store: SqliteStore; scenarioId: number; planId: number }> {
  const store = await smallStore();
  const s = await createScenario(store, { modelId: 'small', name: 'as it stands', overrides: [] });
  const planId = await runTask(store, await solveScenario(store, s.id, { solver: 'highs' }));
  await publishPlan(store, planId);
  return { store, scenarioId: s.id, planId };
}
