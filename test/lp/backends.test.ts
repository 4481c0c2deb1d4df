import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHighsSolver } from '../../src/lp/highs/index.js';
import type { LpSolver } from '../../src/lp/lp-types.js';
import { repoRoot } from '../helpers/paths.js';
import { runBackendSuite } from './backends.case.js';

const highs = createHighsSolver();
runBackendSuite(highs, { label: 'highs simplex', solveOptions: { method: 'simplex' }, tolerance: 1e-7 });
runBackendSuite(highs, { label: 'highs ipm', solveOptions: { method: 'ipm' }, tolerance: 1e-7 });
runBackendSuite(highs, { label: 'highs pdlp (gap 1e-6)', solveOptions: { method: 'pdlp', gap: 1e-6 }, tolerance: 1e-5, certifies: false });

// The PDHG backend runs the same suite once it exists.
const pdhgPath = join(repoRoot, 'dist', 'src', 'lp', 'pdhg', 'index.js');
if (existsSync(pdhgPath)) {
  const mod = (await import(pathToFileURL(pdhgPath).href)) as { pdhgSolver?: LpSolver };
  if (mod.pdhgSolver !== undefined) runBackendSuite(mod.pdhgSolver, { label: 'pdhg (gap 1e-6)', solveOptions: { gap: 1e-6 }, tolerance: 1e-5, certifies: false });
}
