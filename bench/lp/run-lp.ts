import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, count, seconds, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { replaceSections } from '../readme-section.js';
import { planningLp } from './planning-lp.js';
import { writeMps } from './write-mps.js';

/**
 * Times our PDHG against native HiGHS on seeded maxmin planning LPs and writes the `lp` section of
 * bench/README.md. Every solve runs in its own process (peak memory per solve).
 *
 *   node dist/bench/lp/run-lp.js [--sizes 1000,10000,100000] [--exact-max 100000] [--pdlp-max 1000000]
 *                                 [--time-limit 600] [--no-readme]
 *
 * HiGHS's default method (simplex or IPM, as scipy's linprog(method='highs')) runs up to
 * --exact-max products and gives the reference objective; HiGHS's PDLP up to --pdlp-max.
 */
interface Run {
  status: string;
  objective: number;
  iterations: number;
  seconds: number;
  peakBytes: number;
  version?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
const exactMax = Number(arg('exact-max', '100000'));
const pdlpMax = Number(arg('pdlp-max', '1000000'));
const timeLimit = Number(arg('time-limit', '600'));
const seed = 1;
const gaps = [1e-4, 1e-6];

function runJson(cmd: string, cmdArgs: string[]): Run {
  try {
    const out = execFileSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Run;
  } catch (error) {
    return { status: `failed: ${(error as Error).message.split('\n')[0]}`, objective: NaN, iterations: 0, seconds: NaN, peakBytes: NaN };
  }
}

const machine = describeMachine();
const rows: string[][] = [];
const dir = mkdtempSync(join(tmpdir(), 'plenty-lp-'));
let highsVersion = '';
try {
  for (const n of sizes) {
    const lp = planningLp({ products: n, seed });
    const nz = lp.A.rowPtr[lp.A.rows];
    const shape = `${count(n)} (${lp.A.rows}×${lp.A.cols}, ${(nz / 1e6).toPrecision(2)}M nz)`;
    const mps = join(dir, `plan-${n}.mps`);
    const needMps = n <= Math.max(exactMax, pdlpMax);
    if (needMps) writeMps(lp, mps);
    let reference = NaN;
    const add = (solver: string, gap: string, r: Run): void => {
      const diff = Number.isFinite(reference) ? Math.abs(r.objective - reference) / (1 + Math.abs(reference)) : NaN;
      rows.push([shape, solver, gap, r.status, seconds(r.seconds), String(r.iterations), bytes(r.peakBytes), Number.isFinite(r.objective) ? r.objective.toPrecision(8) : '–', Number.isFinite(diff) ? diff.toExponential(1) : '–']);
      console.log(rows[rows.length - 1].join('  '));
    };
    if (n <= exactMax) {
      const r = runJson('python3', [join(repo, 'bench', 'lp', 'highs_solve.py'), mps, 'choose', '0', String(timeLimit)]);
      if (r.status === 'Optimal') reference = r.objective;
      highsVersion = r.version ?? highsVersion;
      add('HiGHS (simplex/IPM)', 'exact', r);
    }
    for (const gap of gaps) {
      const g = gap.toExponential(0);
      add('Plenty PDHG', g, runJson(process.execPath, [join(here, 'pdhg-child.js'), String(n), String(gap), String(seed), String(timeLimit)]));
      if (n <= pdlpMax) {
        const r = runJson('python3', [join(repo, 'bench', 'lp', 'highs_solve.py'), mps, 'pdlp', String(gap), String(timeLimit)]);
        highsVersion = r.version ?? highsVersion;
        add('HiGHS PDLP', g, r);
      }
    }
    if (needMps) rmSync(mps);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const body = [
  '## Linear programs: PDHG against HiGHS',
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, ${machine.os}, Node ${machine.node}; HiGHS ${highsVersion || '?'} (bundled with scipy); ${machine.date}.`,
  '',
  'Seeded maxmin planning LPs from `bench/lp/planning-lp.ts` (n products, 1.5 n single-output techniques with about 10 inputs each, 3 resources; maximise λ with net output ≥ λ × target). Time is the solve alone (generation and MPS reading excluded); peak memory is the whole process. "rel. diff" is |objective − HiGHS exact| / (1 + |HiGHS exact|). Our PDHG stops when relative primal residual, dual residual and gap (∞-norms, see `src/lp/lp-types.ts`) are all below the tolerance; HiGHS PDLP gets the same number as its gap and feasibility tolerances (its own, 2-norm based, measures). PDHG runs single-threaded; HiGHS PDLP with `threads = 1`.',
  '',
  table(['products (rows×cols, non-zeros)', 'solver', 'tolerance', 'status', 'time s', 'iterations', 'peak memory', 'objective λ', 'rel. diff'], rows),
  '',
  'Run: `npm run build && node dist/bench/lp/run-lp.js --sizes 1000,10000,100000,1000000 --exact-max 100000`.',
].join('\n');
if (!args.includes('--no-readme')) replaceSections(join(repo, 'bench', 'README.md'), new Map([['lp', body]]));
console.log(body);
