import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelFolder } from '../../src/model/binary/index.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';
import { bytes, count, sci, seconds, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { replaceSections } from '../readme-section.js';
import { writeMps } from '../lp/write-mps.js';
import { checkAnswer, type AnswerCheck } from './check-answer.js';
import { generateNoveModel } from './generate-nove-model.js';
import { generatePlanModel } from './generate-plan-model.js';
import { phase, planLpOf, writePlanModel, type BuildPhase } from './plan-lp.js';

/**
 * The realistic planning benchmark (issue 14, item 2), one command for every size:
 *
 *   node dist/bench/plan-gen/run-plan-bench.js [--sizes 1000,10000,100000] [--gap 1e-4]
 *       [--time-limit 600] [--exact-max 100000] [--exact-method choose] [--seed 1]
 *       [--section plan] [--no-readme] [--warm-max 100000] [--pdhg-options JSON]
 *       [--only-pdhg] [--shape nove] [--binary-from 200000] [--max-old-space MB]
 *
 * For each size (items × periods; with `--shape nove`, products of a one-region, one-period plan
 * at Nove's scale, generate-nove-model.ts) the generated model is written once as the file a
 * planner would give `plenty plan`: JSON below --binary-from, a binary model folder
 * (docs/binary-format.md) from it and always for Nove's shape. Our PDHG's process reads it with
 * `plenty plan`'s loader, compiles and formulates it (plan-lp.ts: the weighted objective's one LP),
 * each step timed with its peak memory, solves at --gap and checks its answer against that LP
 * itself (check-answer.ts: recomputed from the LP, not taken from the solver). Only when HiGHS
 * runs (not --only-pdhg) does this process build the LP too, write it as MPS (bench/lp/write-mps.ts)
 * and check HiGHS's answers against it: HiGHS's default method (simplex or IPM with crossover: the
 * exact optimum; --exact-method ipm for its interior point method with crossover) up to
 * --exact-max, and HiGHS's PDLP at the same gap, with and without its presolve. Every solver gets
 * one thread, in its own process. Up to --warm-max our PDHG solves the LP twice in its process: the
 * first solve is the cold one (as `plenty plan` gets it), the second the warm one (as the
 * service's later requests get it); the check is of the first. --pdhg-options passes PdhgOptions
 * to our solves (to measure a change against the default); --max-old-space gives our PDHG's
 * process a larger JavaScript heap (node's --max-old-space-size, in MB) for the largest sizes.
 */
interface Run {
  status: string;
  objective: number;
  iterations: number;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  buildSeconds?: number;
  buildPeakBytes?: number;
  phases?: BuildPhase[];
  /** Our PDHG's own check of its answer, against the LP it built. */
  check?: AnswerCheck;
  lp?: { rows: number; cols: number; nonZeros: number };
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
/** The one-region, one-period plan at Nove's scale instead of the 1930 example's shape. */
const nove = arg('shape', 'plan') === 'nove';
const binaryFrom = Number(arg('binary-from', '200000'));
const maxOldSpace = arg('max-old-space', '');
const childFlags = maxOldSpace === '' ? [] : [`--max-old-space-size=${maxOldSpace}`];

/** The bytes of a file, or of a folder's files. */
function sizeOfPath(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((sum, f) => sum + statSync(join(path, f)).size, 0) : s.size;
}

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
const builds: string[][] = [];
const verdicts: { size: number; nove: boolean; ours?: Run; pdlp?: Run; oursOk: boolean; pdlpOk: boolean }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'plenty-plan-bench-'));
let highsVersion = '';
const phaseCell = (p: BuildPhase | undefined): string => (p === undefined ? '–' : `${seconds(p.seconds)} (${seconds(p.cpuSeconds)} CPU) · ${bytes(p.peakBytes)}`);
try {
  for (const size of sizes) {
    const load = loadavg()[0];
    // The model, written once where `plenty plan` reads it (plan-lp.ts): a binary folder for the large sizes and Nove's shape, JSON below.
    const parentPhases: BuildPhase[] = [];
    const base = join(dir, `plan-${size}`);
    let describe: { shape: string; itemsPeriods: number; techniques: number; targets: number };
    let model: { path: string; bytes: number };
    if (nove) {
      const g = phase('generate', parentPhases, () => generateNoveModel({ products: size, seed }));
      describe = { shape: `${count(g.products)} × 1 × 1`, itemsPeriods: g.products, techniques: g.techniques, targets: g.targets };
      model = phase('write model', parentPhases, () => {
        writeModelFolder(base, g.folder);
        return { path: base, bytes: sizeOfPath(base) };
      });
    } else {
      const g = phase('generate', parentPhases, () => generatePlanModel({ size, seed }));
      describe = { shape: `${g.products - 1}+1 × ${g.regions} × ${g.periods}`, itemsPeriods: g.items * g.periods, techniques: g.techniques, targets: g.targets };
      model = phase('write model', parentPhases, () => writePlanModel(g, base, size >= binaryFrom));
    }
    process.stderr.write(`${count(size)}: model written (${bytes(model.bytes)}); ${parentPhases.map((p) => `${p.name} ${seconds(p.seconds)} s`).join(', ')}\n`);
    const highs = !onlyPdhg;
    // The LP in this process only when HiGHS runs (its MPS file, and the checks of HiGHS's answers); our PDHG's child builds its own and checks its answer itself.
    let lp: LinearProgram | undefined;
    let mps: string | undefined;
    let mpsSeconds = NaN;
    if (highs) {
      lp = (await planLpOf(model.path)).lp;
      mps = `${base}.mps`;
      const t1 = performance.now();
      writeMps(lp, mps);
      mpsSeconds = (performance.now() - t1) / 1000;
    }
    let reference = NaN;
    const add = (solver: string, tolerance: string, r: Run, out: string, own?: AnswerCheck): boolean => {
      let check = own;
      if (check === undefined && lp !== undefined) {
        const x = readVector(`${out}.x`, lp.A.cols);
        const y = readVector(`${out}.y`, lp.A.rows);
        const z = readVector(`${out}.z`, lp.A.cols);
        check = x !== undefined && y !== undefined && z !== undefined ? checkAnswer(lp, x, y, z) : undefined;
      }
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
    if (highs && mps !== undefined && lp !== undefined && size <= exactMax) {
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
    const ours = runJson(process.execPath, [...childFlags, join(here, 'pdhg-plan-child.js'), model.path, String(gap), String(timeLimit), size <= warmMax ? 'warm' : 'cold', pdhgOptions]);
    const oursOk = add('Plenty PDHG', g4, ours, join(dir, 'pdhg'), ours.check);
    const childPhase = (name: string): BuildPhase | undefined => ours.phases?.find((p) => p.name === name);
    builds.push([count(size), ...parentPhases.map(phaseCell), ...['load', 'compile', 'formulate'].map((name) => phaseCell(childPhase(name))), seconds(ours.buildSeconds ?? NaN), bytes(ours.buildPeakBytes ?? NaN)]);
    const dims = ours.lp ?? (lp === undefined ? undefined : { rows: lp.A.rows, cols: lp.A.cols, nonZeros: lp.A.rowPtr[lp.A.rows] });
    shapes.push([count(size), describe.shape, count(describe.itemsPeriods), count(describe.techniques), count(describe.targets), dims === undefined ? '–' : `${count(dims.rows)} × ${count(dims.cols)}`, dims === undefined ? '–' : count(dims.nonZeros), `${bytes(model.bytes)} (${model.path.endsWith('.json') ? 'JSON' : 'binary'})`, mps === undefined ? '–' : bytes(statSync(mps).size), Number.isFinite(mpsSeconds) ? mpsSeconds.toFixed(1) : '–']);
    if (!highs || mps === undefined) {
      verdicts.push({ size, nove, ours, oursOk, pdlpOk: false });
      rmSync(model.path, { recursive: true, force: true });
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
    verdicts.push({ size, nove, ours, pdlp: passed[0] ?? pdlp, oursOk, pdlpOk: passed.length > 0 });
    rmSync(mps);
    rmSync(model.path, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Both sides run one thread, so the speed ratio is of CPU seconds (on a shared machine the wall
// time grows with the load, the CPU time much less).
const targetRows = verdicts.filter((v) => !v.nove).map((v) => {
  const ratio = v.ours !== undefined && v.pdlp !== undefined ? v.pdlp.cpuSeconds / v.ours.cpuSeconds : NaN;
  const verdict = onlyPdhg ? 'not compared: HiGHS not run (--only-pdhg)' : !v.oursOk ? 'missed: our answer did not pass the checks' : !v.pdlpOk ? 'not comparable: HiGHS PDLP did not finish with a checked answer' : ratio >= 2 ? 'met' : 'missed';
  return [`${count(v.size)}: at least 2× faster than HiGHS PDLP at ${gap.toExponential(0)}, one thread each (its faster checked run)`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}× (PDLP ${seconds(v.pdlp?.cpuSeconds ?? NaN)} CPU s / ours ${seconds(v.ours?.cpuSeconds ?? NaN)} CPU s)` : '–', verdict];
});
/** A size's time and memory target, judged on what a user of `plenty plan` waits for: reading, compiling and formulating the model, and the solve. */
const scaleTarget = (v: (typeof verdicts)[number] | undefined, limitSeconds: number, limitBytes: number, missing: string): [string, string] => {
  if (v?.ours === undefined) return ['not run', missing];
  const total = (v.ours.buildSeconds ?? 0) + v.ours.seconds;
  const measured = `${count(v.size)}: solve ${seconds(v.ours.seconds)} s (${seconds(v.ours.cpuSeconds)} CPU s), with reading, compiling and formulating ${seconds(total)} s; peak ${bytes(v.ours.peakBytes)}; ${v.ours.status}`;
  return [measured, v.oursOk && total < limitSeconds && v.ours.peakBytes < limitBytes ? 'met' : `missed${v.oursOk ? '' : ': the answer did not pass the checks'}`];
};
targetRows.push([`10⁶ items × 4 periods to ${gap.toExponential(0)} in under 5 minutes and 8 GB`, ...scaleTarget(verdicts.find((v) => !v.nove && v.size >= 1e6), 300, 8e9, 'not measured in this run (sizes given: --sizes)')]);
const noveRun = verdicts.find((v) => v.nove && v.size >= 1.2e7) ?? verdicts.filter((v) => v.nove).pop();
const noveTarget = scaleTarget(noveRun, 900, 20e9, 'not measured in this run (`--shape nove --sizes 12000000`)');
if (noveRun !== undefined && noveRun.size < 1.2e7) {
  // Not run at full size: the peak memory of the sizes run, extrapolated linearly to 1.2·10⁷ (through the two largest, or the origin).
  const runs = verdicts.filter((v) => v.nove && v.ours !== undefined && Number.isFinite(v.ours.peakBytes)).sort((a, b) => a.size - b.size);
  const [a, b] = runs.length >= 2 ? runs.slice(-2) : [{ size: 0, ours: { peakBytes: 0 } }, runs[0]];
  const slope = b === undefined ? NaN : (b.ours!.peakBytes - a.ours!.peakBytes) / (b.size - a.size);
  const at = b === undefined ? NaN : b.ours!.peakBytes + slope * (1.2e7 - b.size);
  noveTarget[0] = `${runs.map((v) => `${count(v.size)} products: peak ${bytes(v.ours!.peakBytes)}, ${v.ours!.status} in ${seconds(v.ours!.cpuSeconds)} CPU s`).join('; ')}; 1.2·10⁷ extrapolated: ${bytes(at)}`;
  noveTarget[1] = `not measured at 1.2·10⁷ in this run (the largest: ${count(noveRun.size)} products)${at > 18e9 ? '; its memory extrapolates beyond what this machine can give it' : ''}`;
}
targetRows.push(['Nove’s scale: 1.2·10⁷ products, one period, technique choice, capacities, to 1e-4 in under 15 minutes and 20 GB', ...noveTarget]);

const body = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, ${machine.os}, Node ${machine.node}; HiGHS ${highsVersion || (onlyPdhg ? 'not run' : '?')} (bundled with scipy, \`scipy.optimize._highspy\`); ${machine.date}; seed ${seed}; ${nove ? 'Nove’s shape (generate-nove-model.ts)' : 'the 1930 example’s shape (generate-plan-model.ts)'}. Load: the one-minute load average at the start of each size (the machine is shared).`,
  '',
  table(['size', 'products × regions × periods', 'items × periods (exact)', 'techniques', 'targets', 'LP rows × cols', 'non-zeros', 'model file', 'MPS file', 'MPS write s'], shapes),
  '',
  'Building the LP, per step: wall s (CPU s) · the process’s peak memory during the step. Generating and writing the model in the runner; reading (`plenty plan`’s loader), compiling and formulating in our PDHG’s process, as `plenty plan` does them.',
  '',
  table(['size', 'generate', 'write model', 'read', 'compile', 'formulate', 'build s', 'build peak'], builds),
  '',
  table(['size', 'solver', 'tolerance', 'status', 'wall s', 'CPU s', 'warm wall s', 'warm CPU s', 'iterations', 'peak memory', 'objective (checked)', 'rel. diff to exact', 'primal residual per row (global)', 'stationarity', 'load'], rows),
  '',
  table(['target', 'measured', 'verdict'], targetRows),
].join('\n');
if (!args.includes('--no-readme')) replaceSections(join(repo, 'bench', 'README.md'), new Map([[section, body]]));
console.log(body);
