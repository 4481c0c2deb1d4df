import { readLpFile } from '../../src/lp/lp-format/index.js';
import { checkSolution } from '../../src/lp/check-solution.js';
import { solvePdhg } from '../../src/lp/pdhg/index.js';
import { sci, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { NETLIB_OPTIMA, netlibFile } from './netlib-set.js';

/**
 * Solves the Netlib LPs of test/fixtures/lp/netlib with our PDHG and prints, per LP, the status,
 * the relative objective error against Netlib's published optimum, the residuals recomputed by
 * checkSolution, iterations and time (a markdown table for bench/README.md).
 *
 *   node dist/bench/lp/run-netlib.js [--gap 1e-6] [--max-iterations 1000000] [--only afiro,kb2] [--no-presolve]
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const gap = Number(arg('gap', '1e-6'));
const maxIterations = Number(arg('max-iterations', '1000000'));
const only = arg('only', '');
const presolve = !args.includes('--no-presolve');
const names = only === '' ? Object.keys(NETLIB_OPTIMA) : only.split(',');

const rows: string[][] = [];
let totalIterations = 0;
let totalSeconds = 0;
for (const name of names) {
  const lp = await readLpFile(netlibFile(name));
  const r = solvePdhg(lp, { gap, maxIterations, presolve });
  const check = checkSolution(lp, r.x, r.rowDual, r.colDual);
  const optimum = NETLIB_OPTIMA[name];
  // Netlib's values leave out a constant on the objective row's RHS (E226's), which Plenty reads as
  // an offset: compare cᵀx.
  const error = Math.abs(r.objective - (lp.offset ?? 0) - optimum) / Math.max(1, Math.abs(optimum));
  totalIterations += r.iterations;
  totalSeconds += r.elapsedMs / 1000;
  const row = [name, `${lp.A.rows}×${lp.A.cols}`, r.status, sci(error), sci(check.primalResidual), sci(check.dualResidual), sci(check.relativeGap), String(r.iterations), (r.elapsedMs / 1000).toFixed(2)];
  rows.push(row);
  process.stderr.write(`${row.join(' ')}\n`);
}
rows.push(['total', '', '', '', '', '', '', String(totalIterations), totalSeconds.toFixed(1)]);
const m = describeMachine();
process.stdout.write(`gap ${gap}, presolve ${presolve ? 'on' : 'off'}, ${m.cpu}, ${m.cores} cores, node ${m.node}, ${m.date}\n\n`);
process.stdout.write(`${table(['LP', 'rows×cols', 'status', 'objective error', 'primal res.', 'dual res.', 'gap', 'iterations', 'seconds'], rows)}\n`);
