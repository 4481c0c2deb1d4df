import { decomposeModels } from '../analysis/index.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { modelSideOf, type ModelRef } from './model-side-of.js';
import { refusedInput } from './refused-input.js';

/** The options of a structural decomposition, named as in the request (`POST /api/decomposition`). */
export interface DecompositionOptions {
  readonly first: ModelRef;
  readonly second: ModelRef;
  readonly resources?: readonly string[] | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/**
 * The structural decomposition of the change from one stored model (or scenario) to another of the
 * same classification (analysis/decompose-models.ts, as `plenty decompose --json`), each side with
 * the model id and version (and scenario) it came from, and `failures`. A model or scenario not
 * found is not-found; options that do not fit are refused as `the decomposition`.
 */
export async function decomposeStoredModels(store: PlentyStore, o: DecompositionOptions): Promise<Record<string, unknown>> {
  return refusedInput('the decomposition', async () => {
    const first = await modelSideOf(store, o.first, 'first');
    const second = await modelSideOf(store, o.second, 'second');
    const r = decomposeModels(first, second, {
      ...(o.resources !== undefined ? { resources: [...o.resources] } : {}),
      resourceOption: 'resources',
      tolerance: o.tolerance ?? 1e-12,
      maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      toleranceOption: 'tolerance',
      maxIterationsOption: 'maxIterations',
    });
    const ref = (s: typeof first) => ({ modelId: s.modelId, version: s.version, ...(s.scenario !== undefined ? { scenario: s.scenario } : {}) });
    const json = r.json as { first: object; second: object };
    return { ...(r.json as object), first: { ...json.first, ...ref(first) }, second: { ...json.second, ...ref(second) }, failures: r.failures };
  });
}
