import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLpFile } from '../../src/lp/lp-format/index.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';
import { bytes, count, sci, seconds, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { replaceSections } from '../readme-section.js';
import { writeMps } from '../lp/write-mps.js';
import { checkAnswer } from './check-answer.js';
import { planLp } from './plan-lp.js';

/**
 * The realistic planning benchmark (issue 14, item 2), one command for every size:
 *
 *   node dist/bench/plan-gen/run-plan-bench.js [--sizes 1000,10000,100000] [--gap 1e-4]
 *       [--time-limit 600] [--exact-max 100000] [--exact-method choose] [--seed 1]
 *       [--section plan] [--no-readme] [--warm-max 100000] [--pdhg-options JSON]
 *       [--only-pdhg]
 *
 * For each size (items × periods) the generated model's LP (plan-lp.ts: the weighted objective's
 * one LP) is written as MPS by Plenty (bench/lp/write-mps.ts) and solved, each in its own process:
 * HiGHS's default method (simplex or IPM with crossover: the exact optimum; --exact-method ipm
 * for its interior point method with crossover) up to --exact-max;
 * our PDHG at --gap; HiGHS's PDLP at the same gap. Every answer's x and duals come back as files
 * and are checked here against the LP read back from the MPS file: objective, per-row primal
 * residual, PDLP's global one, and stationarity. Every solver gets one thread. Up to --warm-max our
 * PDHG solves the LP twice in its process: the first solve is the cold one (as `plenty plan` gets
 * it), the second the warm one (as the service's later requests get it); the check is of the first.
 * --pdhg-options passes PdhgOptions to our solves (to measure a change against the default).
 */
interface Run {
  status: string;
  objective: number;
  iterations: number;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  buildSeconds?: number;
  warmSeconds?: number;
  warmCpuSeconds?: number;
  version?: string;
  message?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
const gap = Number(arg('gap', '1e-4'));
const timeLimit = Number(arg('time-limit', '600'));
const exactMax = Number(arg('exact-max', '100000'));
const seed = Number(arg('seed', '1'));
const exactMethod = arg('exact-method', 'choose');
const section = arg('section', 'plan');
const warmMax = Number(arg('warm-max', '100000'));
const pdhgOptions = arg('pdhg-options', '{}');
/** Our PDHG alone (no HiGHS runs): for measuring a change of ours before and after. */
const onlyPdhg = args.includes('--only-pdhg');
const highsScript = join(repo, 'bench', 'lp', 'highs_solve.py');

function runJson(cmd: string, cmdArgs: string[]): Run {
  try {
    const out = execFileSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OMP_NUM_THREADS: '1' } });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Run;
  } catch (error) {
    return { status: `failed: ${(error as Error).message.split('\n')[0]}`, objective: NaN, iterations: 0, seconds: NaN, cpuSeconds: NaN, peakBytes: NaN };
  }
}

function readVector(path: string, length: number): Float64Array | undefined {
  try {
    const b = readFileSync(path);
    if (b.length !== length * 8) return undefined;
    return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  } catch {
    return undefined;
  }
}

const machine = describeMachine();
const rows: string[][] = [];
const shapes: string[][] = [];
const verdicts: { size: number; ours?: Run; pdlp?: Run; oursOk: boolean; pdlpOk: boolean }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'plenty-plan-bench-'));
let highsVersion = '';
try {
  for (const size of sizes) {
    const load = loadavg()[0];
    const t0 = performance.now();
    const built = planLp(size, seed);
    const buildSeconds = (performance.now() - t0) / 1000;
    const mps = join(dir, `plan-${size}.mps`);
    const t1 = performance.now();
    writeMps(built.lp, mps);
    const mpsSeconds = (performance.now() - t1) / 1000;
    const g = built.generated;
    const nz = built.lp.A.rowPtr[built.lp.A.rows];
    shapes.push([count(size), `${g.products - 1}+1 × ${g.regions} × ${g.periods}`, count(g.items * g.periods), count(g.techniques), count(g.targets), `${count(built.lp.A.rows)} × ${count(built.lp.A.cols)}`, count(nz), bytes(built.modelBytes), bytes(statSync(mps).size), buildSeconds.toFixed(1), mpsSeconds.toFixed(1)]);
    // The LP as the MPS file says, for the checks.
    const lp: LinearProgram = await readLpFile(mps);
    let reference = NaN;
    const add = (solver: string, tolerance: string, r: Run, out: string): boolean => {
      const x = readVector(`${out}.x`, lp.A.cols);
      const y = readVector(`${out}.y`, lp.A.rows);
      const z = readVector(`${out}.z`, lp.A.cols);
      const check = x !== undefined && y !== undefined && z !== undefined ? checkAnswer(lp, x, y, z) : undefined;
      const diff = check !== undefined && Number.isFinite(reference) ? Math.abs(check.objective - reference) / (1 + Math.abs(reference)) : NaN;
      const ok = check !== undefined && /optimal/i.test(r.status) && check.primal <= 10 * gap && (!Number.isFinite(reference) || diff <= 10 * gap);
      rows.push([
        count(size),
        solver,
        tolerance,
        r.status,
        seconds(r.seconds),
        seconds(r.cpuSeconds),
        r.warmSeconds === undefined ? '–' : seconds(r.warmSeconds),
        r.warmCpuSeconds === undefined ? '–' : seconds(r.warmCpuSeconds),
        String(r.iterations),
        bytes(r.peakBytes),
        check === undefined ? '–' : check.objective.toPrecision(9),
        Number.isFinite(diff) ? sci(diff) : '–',
        check === undefined ? '–' : `${sci(check.primal)} (${sci(check.primalGlobal)})`,
        check === undefined ? '–' : sci(check.stationarity),
        load.toFixed(1),
      ]);
      process.stderr.write(`${rows[rows.length - 1].join('  ')}\n`);
      for (const ext of ['x', 'y', 'z']) rmSync(`${out}.${ext}`, { force: true });
      return ok;
    };
    if (size <= exactMax && !onlyPdhg) {
      const out = join(dir, 'exact');
      const r = runJson('python3', [highsScript, mps, exactMethod, '0', String(timeLimit), out]);
      highsVersion = r.version ?? highsVersion;
      if (r.status === 'Optimal') {
        const x = readVector(`${out}.x`, lp.A.cols);
        if (x !== undefined) reference = checkAnswer(lp, x, new Float64Array(lp.A.rows), new Float64Array(lp.A.cols)).objective;
      }
      add(exactMethod === 'choose' ? 'HiGHS (simplex/IPM)' : `HiGHS ${exactMethod}`, 'exact', r, out);
    }
    const g4 = gap.toExponential(0);
    const oursOut = join(dir, 'pdhg');
    const ours = runJson(process.execPath, [join(here, 'pdhg-plan-child.js'), String(size), String(seed), String(gap), String(timeLimit), oursOut, size <= warmMax ? 'warm' : 'cold', pdhgOptions]);
    const oursOk = add('Plenty PDHG', g4, ours, oursOut);
    if (onlyPdhg) {
      verdicts.push({ size, ours, oursOk, pdlpOk: false });
      rmSync(mps);
      continue;
    }
    const pdlpOut = join(dir, 'pdlp');
    const pdlp = runJson('python3', [highsScript, mps, 'pdlp', String(gap), String(timeLimit), pdlpOut]);
    highsVersion = pdlp.version ?? highsVersion;
    const pdlpOk = add('HiGHS PDLP', g4, pdlp, pdlpOut);
    const bare = runJson('python3', [highsScript, mps, 'pdlp-no-presolve', String(gap), String(timeLimit), pdlpOut]);
    const bareOk = add('HiGHS PDLP, presolve off', g4, bare, pdlpOut);
    // The comparison is with the faster of HiGHS's two PDLP runs that passed the checks.
    const passed = [pdlpOk ? pdlp : undefined, bareOk ? bare : undefined].filter((r): r is Run => r !== undefined).sort((a, b) => a.seconds - b.seconds);
    verdicts.push({ size, ours, pdlp: passed[0] ?? pdlp, oursOk, pdlpOk: passed.length > 0 });
    rmSync(mps);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Both sides run one thread, so the speed ratio is of CPU seconds (on a shared machine the wall
// time grows with the load, the CPU time much less).
const targetRows = verdicts.map((v) => {
  const ratio = v.ours !== undefined && v.pdlp !== undefined ? v.pdlp.cpuSeconds / v.ours.cpuSeconds : NaN;
  const verdict = !v.oursOk ? 'missed: our answer did not pass the checks' : !v.pdlpOk ? 'not comparable: HiGHS PDLP did not finish with a checked answer' : ratio >= 2 ? 'met' : 'missed';
  return [`${count(v.size)}: at least 2× faster than HiGHS PDLP at ${gap.toExponential(0)}, one thread each (its faster checked run)`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}× (PDLP ${seconds(v.pdlp?.cpuSeconds ?? NaN)} CPU s / ours ${seconds(v.ours?.cpuSeconds ?? NaN)} CPU s)` : '–', verdict];
});
const million = verdicts.find((v) => v.size >= 1e6);
targetRows.push([
  `10⁶ items × 4 periods to ${gap.toExponential(0)} in under 5 minutes and 8 GB`,
  million?.ours === undefined ? 'not run' : `${seconds(million.ours.seconds)} s, ${bytes(million.ours.peakBytes)}`,
  million?.ours === undefined ? 'not measured in this run (sizes given: --sizes)' : million.oursOk && million.ours.seconds < 300 && million.ours.peakBytes < 8e9 ? 'met' : 'missed',
]);
targetRows.push(['Nove’s scale: 1.2·10⁷ products, one period, technique choice, capacities, to 1e-4 in under 15 minutes and 20 GB', 'not run', 'not measured: this benchmark does not run it']);

const body = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, ${machine.os}, Node ${machine.node}; HiGHS ${highsVersion || '?'} (bundled with scipy, \`scipy.optimize._highspy\`); ${machine.date}; seed ${seed}. Load: the one-minute load average at the start of each size (the machine is shared).`,
  '',
  table(['items × periods', 'products × regions × periods', 'items × periods (exact)', 'techniques', 'targets', 'LP rows × cols', 'non-zeros', 'model file', 'MPS file', 'build s', 'MPS write s'], shapes),
  '',
  table(['size', 'solver', 'tolerance', 'status', 'wall s', 'CPU s', 'warm wall s', 'warm CPU s', 'iterations', 'peak memory', 'objective (checked)', 'rel. diff to exact', 'primal residual per row (global)', 'stationarity', 'load'], rows),
  '',
  table(['target', 'measured', 'verdict'], targetRows),
].join('\n');
if (!args.includes('--no-readme')) replaceSections(join(repo, 'bench', 'README.md'), new Map([[section, body]]));
console.log(body);
