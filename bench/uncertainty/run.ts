import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createProgress } from '../../src/cli/progress.js';
import { coefficientMultipliers } from '../../src/leontief/coefficient-multipliers.js';
import { monteCarlo, monteCarloTolerance, type Summary } from '../../src/leontief/monte-carlo.js';
import { readExiobase3 } from '../../src/model/import/exiobase3/read-exiobase3.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { writeSyntheticDownload } from '../exiobase/write-download.js';
import { describeMachine } from '../machine.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';
import { replaceSections } from '../readme-section.js';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = here.includes(join('dist', 'bench')) ? resolve(here, '..', '..', '..', 'bench', 'uncertainty') : here;
const readme = resolve(sourceDir, '..', 'README.md');

/** What the Monte Carlo needs from an EXIOBASE download: A (CSR), the stressor rows S, the final demand per region. */
interface Case {
  readonly n: number;
  readonly A: CsrMatrix;
  /** k × n stressors per unit of output, dense. */
  readonly S: CsrMatrix;
  readonly k: number;
  readonly regions: readonly string[];
  /** Per region: its final demand (all categories summed). */
  readonly Yr: readonly Float64Array[];
  /** Σ_r Yr. */
  readonly y: Float64Array;
}

/** A = Z diag(1/x), S = F diag(1/x) of the first extension, Yr summed over each region's categories (as pymrio's calc_all). */
async function readCase(path: string): Promise<Case> {
  const t = await readExiobase3(path);
  const R = t.regions.length;
  const n = R * t.sectors.length;
  const C = t.categories.length;
  const x = new Float64Array(n);
  if (t.x !== undefined) x.set(t.x);
  else for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[i] += t.Z[i * n + j];
  const inv = x.map((v) => (v === 0 ? 0 : 1 / v));
  let nnz = 0;
  for (let p = 0; p < n * n; p++) if (t.Z[p] !== 0) nnz++;
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = p;
    for (let j = 0; j < n; j++) {
      const z = t.Z[i * n + j];
      if (z !== 0) {
        colIdx[p] = j;
        values[p++] = z * inv[j];
      }
    }
  }
  rowPtr[n] = p;
  const e = t.extensions[0];
  const k = e.stressors.length;
  const sv = new Float64Array(k * n);
  for (let q = 0; q < k; q++) for (let j = 0; j < n; j++) sv[q * n + j] = e.F[q * n + j] * inv[j];
  const sPtr = Int32Array.from({ length: k + 1 }, (_, q) => q * n);
  const sIdx = Int32Array.from({ length: k * n }, (_, p2) => p2 % n);
  const Yr = t.regions.map((_, r) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) col[i] += t.Y[i * R * C + r * C + c];
    return col;
  });
  const y = new Float64Array(n);
  for (const col of Yr) for (let i = 0; i < n; i++) y[i] += col[i];
  return { n, A: { rows: n, cols: n, rowPtr, colIdx, values }, S: { rows: k, cols: n, rowPtr: sPtr, colIdx: sIdx, values: sv }, k, regions: t.regions, Yr, y };
}

function runNumpy(folder: string, c: Case, draws: number, rsd: number, seed: number): Promise<{ seconds: number[]; cpuSeconds: number[] } | string> {
  return new Promise((done) => {
    const args = [join(sourceDir, 'numpy_uncertainty.py'), folder, String(c.n), String(c.k), String(c.regions.length), String(draws), String(rsd), String(seed)];
    const child = spawn(process.env.PYTHON ?? 'python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', (e) => done(`not available (${e.message})`));
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      done(code === 0 && line.startsWith('{') ? (JSON.parse(line) as { seconds: number[]; cpuSeconds: number[] }) : `failed: ${err.trim().split('\n').pop() ?? code}`);
    });
  });
}

/** Largest |a − b| / max(|a|, |b|) over two arrays (0 where both are 0). */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) {
    const m = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (m > 0) w = Math.max(w, Math.abs(a[i] - b[i]) / m);
  }
  return w;
}

const cpuOf = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Mean, median, 2.5 and 97.5 percentiles, one after another (as numpy_uncertainty.py writes them). */
const flat = (x: Summary): Float64Array => {
  const out = new Float64Array(4 * x.mean.length);
  [x.mean, x.median, x.p025, x.p975].forEach((a, j) => out.set(a, j * x.mean.length));
  return out;
};

/**
 * How far the means of a run lie from the deterministic values, in standard errors: z = (mean −
 * deterministic) / (σ / √d), with σ estimated as (p97.5 − p2.5) / 3.92 (quantities without spread
 * left out). Returns the root mean square of z, its largest size and the share beyond 4.
 */
function meanScores(x: Summary, det: Float64Array, d: number): { rms: number; max: number; beyond4: number } {
  let sum = 0;
  let max = 0;
  let beyond = 0;
  let count = 0;
  for (let i = 0; i < det.length; i++) {
    const sigma = (x.p975[i] - x.p025[i]) / 3.92;
    if (!(sigma > 1e-12 * Math.abs(det[i]))) continue;
    const z = (x.mean[i] - det[i]) / (sigma / Math.sqrt(d));
    sum += z * z;
    max = Math.max(max, Math.abs(z));
    if (Math.abs(z) > 4) beyond++;
    count++;
  }
  return { rms: Math.sqrt(sum / Math.max(1, count)), max, beyond4: beyond / Math.max(1, count) };
}

/** Each quantity's spread over a run's draws, σ ≈ (p97.5 − p2.5) / 3.92. */
const sigmas = (x: Summary): Float64Array => Float64Array.from(x.mean, (_, i) => (x.p975[i] - x.p025[i]) / 3.92);

/**
 * The largest difference between two runs' summaries of the same d draws: relative, and in
 * standard errors σ / √d of each quantity (σ from another, longer run).
 */
function summaryDifference(got: Summary, ref: Float64Array, sigma: Float64Array, d: number): { relative: number; inErrors: number } {
  const g = flat(got);
  const m = got.mean.length;
  let inErrors = 0;
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < m; i++) {
      const se = sigma[i] / Math.sqrt(d);
      const diff = Math.abs(g[j * m + i] - ref[j * m + i]);
      if (se > 0) inErrors = Math.max(inErrors, diff / se);
    }
  }
  return { relative: worst(g, ref), inErrors };
}

/**
 * Monte Carlo at EXIOBASE size: all consumption-based accounts (the footprint multipliers M = S L
 * of every stressor and the footprints by region M Y_r) over `--draws` draws of A (lognormal, rsd
 * `--rsd`), by Plenty's monteCarlo (warm-started iterative solves), against the same per-draw
 * computation in plain numpy (the same draws from the same seed, dense solves) for `--numpy-draws`
 * draws. Checked before anything is timed: a zero-spread draw equals the deterministic accounts;
 * numpy's mean, median and percentiles of its `--numpy-draws` draws equal Plenty's of the same
 * draws; and over `--check-draws` draws the means lie within their sampling error of the
 * deterministic accounts.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      download: { type: 'string' },
      regions: { type: 'string', default: '49' },
      products: { type: 'string', default: '200' },
      stressors: { type: 'string', default: '20' },
      draws: { type: 'string', default: '1000' },
      'numpy-draws': { type: 'string', default: '3' },
      'check-draws': { type: 'string', default: '20' },
      rsd: { type: 'string', default: '0.1' },
      seed: { type: 'string', default: '1' },
      readme: { type: 'boolean', default: false },
    },
  });
  const draws = Number(values.draws);
  const rsd = Number(values.rsd);
  const seed = Number(values.seed);
  const dir = await mkdtemp(join(tmpdir(), 'plenty-mc-bench-'));
  try {
    const path = values.download ?? (await writeSyntheticDownload(dir, { regions: Number(values.regions), products: Number(values.products), stressors: Number(values.stressors), seed: 1 })).path;
    let t = performance.now();
    const c = await readCase(path);
    const { n, A, S, k, Yr, y } = c;
    const R = Yr.length;
    process.stderr.write(`read ${n} products, ${A.rowPtr[n].toLocaleString('en-GB')} coefficients, ${k} stressors, ${R} regions in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

    // The deterministic accounts, and a zero-spread draw against them.
    t = performance.now();
    const det = coefficientMultipliers({ A }, S);
    const detSeconds = (performance.now() - t) / 1000;
    if (det.status !== 'converged') throw new Error(`the deterministic multipliers ended ${det.status}`);
    const detM = new Float64Array(k * n);
    det.multipliers.forEach((row, q) => detM.set(row, q * n));
    const detF = new Float64Array(k * R);
    for (let q = 0; q < k; q++) for (let r = 0; r < R; r++) for (let i = 0; i < n; i++) detF[q * R + r] += detM[q * n + i] * Yr[r][i];
    const zero = monteCarlo(A, S, y, { A: 0 }, { draws: 1, demands: Yr });
    const zeroM = worst(zero.multipliers?.mean ?? [], detM);
    const zeroF = worst(zero.demandFootprints?.mean ?? [], detF);
    process.stderr.write(`deterministic accounts in ${detSeconds.toFixed(1)} s; a zero-spread draw differs by ${zeroM.toExponential(1)} (M), ${zeroF.toExponential(1)} (footprints)\n`);
    if (!(zeroM < 1e-9 && zeroF < 1e-9)) throw new Error('the zero-spread draw is not the deterministic result: not timed');

    // The means of --check-draws draws against the deterministic accounts, in standard errors.
    const checkDraws = Number(values['check-draws']);
    // σ is estimated from the 2.5 / 97.5 percentiles, which fewer draws place too close together.
    if (!(Number.isInteger(checkDraws) && checkDraws >= 20)) throw new Error(`--check-draws must be at least 20 (σ is estimated from the 2.5 and 97.5 percentiles), got ${values['check-draws']}`);
    const check = monteCarlo(A, S, y, { A: rsd }, { draws: checkDraws, seed: seed + 1, demands: Yr });
    if (check.multipliers === undefined || check.demandFootprints === undefined) throw new Error('no multipliers');
    const zm = meanScores(check.multipliers, detM, checkDraws);
    const zf = meanScores(check.demandFootprints, detF, checkDraws);
    process.stderr.write(`${checkDraws} draws: means against the deterministic accounts, rms ${zm.rms.toFixed(2)} / ${zf.rms.toFixed(2)} standard errors (M / footprints)\n`);
    if (!(zm.rms < 2 && zf.rms < 2)) throw new Error('the means are not within their sampling error of the deterministic accounts: not timed');

    // numpy: the same draws from the same seed, solved densely; its summaries against Plenty's of the same draws.
    const bytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const Yd = new Float64Array(R * n);
    Yr.forEach((col, r) => Yd.set(col, r * n));
    await Promise.all([
      writeFile(join(dir, 'rowPtr.bin'), bytes(A.rowPtr)),
      writeFile(join(dir, 'colIdx.bin'), bytes(A.colIdx)),
      writeFile(join(dir, 'values.bin'), bytes(A.values)),
      writeFile(join(dir, 'S.bin'), bytes(S.values)),
      writeFile(join(dir, 'Yr.bin'), bytes(Yd)),
    ]);
    const numpyDraws = Number(values['numpy-draws']);
    const loadNumpy = loadavg()[0];
    const py = numpyDraws > 0 ? await runNumpy(dir, c, numpyDraws, rsd, seed) : 'not run (--numpy-draws 0)';
    let agreement = '';
    let coldIterations = 0;
    if (typeof py !== 'string') {
      const same = monteCarlo(A, S, y, { A: rsd }, { draws: numpyDraws, seed, demands: Yr });
      if (same.multipliers === undefined || same.demandFootprints === undefined) throw new Error('no multipliers');
      coldIterations = same.iterations / numpyDraws;
      const read = async (name: string): Promise<Float64Array> => new Float64Array((await readFile(join(dir, name))).buffer.slice(0));
      const dm = summaryDifference(same.multipliers, await read('M-summary.bin'), sigmas(check.multipliers), numpyDraws);
      const df = summaryDifference(same.demandFootprints, await read('F-summary.bin'), sigmas(check.demandFootprints), numpyDraws);
      process.stderr.write(`numpy's ${numpyDraws} draws: summaries differ by ${dm.relative.toExponential(1)} (M), ${df.relative.toExponential(1)} (footprints) relative, ${dm.inErrors.toExponential(1)} / ${df.inErrors.toExponential(1)} standard errors\n`);
      if (!(dm.inErrors < 0.1 && df.inErrors < 0.1)) throw new Error('numpy\'s summaries of the same draws differ from Plenty\'s by more than a tenth of their standard error: not timed');
      agreement = `numpy's mean, median and 2.5 / 97.5 percentiles of the same ${numpyDraws} draws (drawn by numpy from the same seed with the same counter-based generator, solved densely) agree with Plenty's to ${dm.relative.toExponential(1)} (M, ${k} × ${n}) and ${df.relative.toExponential(1)} (footprints, ${k} × ${R}), relative: at most ${Math.max(dm.inErrors, df.inErrors).toExponential(1)} of each quantity's standard error over those draws (σ / √${numpyDraws}, σ from the ${checkDraws} draws below).`;
    }
    // The run.
    resetPeakRss();
    const load0 = loadavg();
    const bar = createProgress(`${draws} draws`, { delayMs: 0 });
    const cpu0 = process.cpuUsage();
    t = performance.now();
    // Where the time goes: drawing the inputs (from the end of one draw to the hook before the solves) and solving.
    let mark = performance.now();
    let markCpu = process.cpuUsage();
    let drawing = 0;
    let drawingCpu = 0;
    // The set-up (Aᵀ's pattern, the factor table) and draw 0 apart: the steady state from draw 1 on.
    let first: [number, number] = [0, 0];
    let firstDrawing: [number, number] = [0, 0];
    const lap = (): [number, number] => {
      const now = performance.now();
      const c2 = process.cpuUsage();
      const out: [number, number] = [(now - mark) / 1000, (c2.user - markCpu.user + c2.system - markCpu.system) / 1e6];
      mark = now;
      markCpu = c2;
      return out;
    };
    const mc = monteCarlo(A, S, y, { A: rsd }, {
      draws,
      seed,
      demands: Yr,
      adjust: (t) => {
        const [w, cp] = lap();
        if (t === 0) firstDrawing = [w, cp];
        else {
          drawing += w;
          drawingCpu += cp;
        }
      },
      onDraw: (d, all) => {
        lap();
        if (d === 1) first = [(performance.now() - t) / 1000, cpuOf(cpu0)];
        bar.update(d / all, `draw ${d}`);
      },
    });
    const seconds = (performance.now() - t) / 1000;
    const cpuSeconds = cpuOf(cpu0);
    bar.done();
    const load1 = loadavg();
    const peak = peakRssBytes();
    if (mc.status !== 'converged') throw new Error(`the run ended ${mc.status}`);
    process.stderr.write(`plenty: ${draws} draws in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), ${mc.iterations} iterations, worst residual ${mc.relativeResidual.toExponential(1)}\n`);

    const zRun = [meanScores(mc.multipliers ?? check.multipliers, detM, draws), meanScores(mc.demandFootprints ?? check.demandFootprints, detF, draws)];
    const m = describeMachine();
    const mean = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
    const perDraw = seconds / draws;
    // From draw 1 on (without the set-up and draw 0): what each further draw costs.
    const steady = draws > 1 ? [(seconds - first[0]) / (draws - 1), (cpuSeconds - first[1]) / (draws - 1)] : [perDraw, cpuSeconds / draws];
    const later = Math.max(1, draws - 1);
    const lines = [
      `${n.toLocaleString('en-GB')} products (${R} regions), ${A.rowPtr[n].toLocaleString('en-GB')} coefficients (${path === values.download ? 'a full-size synthetic EXIOBASE 3 pxp download' : 'a synthetic EXIOBASE 3 pxp download written by the benchmark'}), ${k} stressors; every coefficient lognormal with relative standard deviation ${rsd}, seed ${seed}; per draw the footprint multipliers of every stressor (${k} × ${n}) and the footprints of every region's final demand (${k} × ${R}), kept for mean, median and 2.5 / 97.5 percentiles. ${m.date}, ${m.cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${m.node}; load average ${load0[0].toFixed(1)} at the start, ${load1[0].toFixed(1)} at the end of Plenty's run, ${loadNumpy.toFixed(1)} when numpy started (the machine is shared).`,
      '',
      '| implementation | draws | seconds | CPU seconds | seconds per draw | CPU seconds per draw |',
      '| --- | --- | --- | --- | --- | --- |',
      `| Plenty monteCarlo (iterative solves warm-started from the previous draw) | ${draws} | ${seconds.toFixed(1)} | ${cpuSeconds.toFixed(1)} | ${perDraw.toFixed(3)} | ${(cpuSeconds / draws).toFixed(3)} |`,
      typeof py === 'string'
        ? `| numpy | ${py} | | | | |`
        : `| numpy (dense numpy.linalg.solve per draw) | ${py.seconds.length} | ${py.seconds.reduce((s, v) => s + v, 0).toFixed(1)} | ${py.cpuSeconds.reduce((s, v) => s + v, 0).toFixed(1)} | ${mean(py.seconds).toFixed(3)} | ${mean(py.cpuSeconds).toFixed(3)} |`,
      '',
      `${typeof py === 'string' ? '' : `Ratio per draw (numpy / Plenty): ${(mean(py.seconds) / perDraw).toFixed(1)}× wall, ${(mean(py.cpuSeconds) / (cpuSeconds / draws)).toFixed(1)}× CPU; 1,000 numpy draws would take about ${((mean(py.seconds) * 1000) / 60).toFixed(0)} minutes. `}Plenty's run: ${mc.iterations.toLocaleString('en-GB')} solver iterations in all (${(mc.iterations / draws).toFixed(1)} per draw: one solve of the ${k} multiplier rows together over Aᵀ, its pattern formed once; the footprints from the multipliers; solve tolerance ${monteCarloTolerance({ A: rsd }, draws).toExponential(0)} (the Monte Carlo's own, from the spread and the number of draws); Plenty's run of numpy's ${numpyDraws} draws, the first from zero, took ${coldIterations.toFixed(1)} a draw), worst relative residual ${mc.relativeResidual.toExponential(1)}, peak resident memory ${(peak / 2 ** 30).toFixed(2)} GB. Deterministic accounts (one cold solve of the ${k} multiplier rows): ${detSeconds.toFixed(1)} s. Where the time goes: the set-up (Aᵀ's pattern in the solvers' memory, the factor table) and draw 0 took ${first[0].toFixed(1)} s (CPU ${first[1].toFixed(1)} s), of which drawing ${firstDrawing[0].toFixed(1)} s (CPU ${firstDrawing[1].toFixed(1)} s); each further draw ${steady[0].toFixed(2)} s (CPU ${steady[1].toFixed(2)} s): drawing the ${A.rowPtr[n].toLocaleString('en-GB')} lognormal factors ${(drawing / later).toFixed(2)} s (CPU ${(drawingCpu / later).toFixed(2)} s), the solve and the footprints the rest (the final summaries included). At the steady state's CPU time, 1,000 draws are ${((steady[1] * 1000) / 60).toFixed(1)} CPU minutes: about ${((steady[1] * 1000) / 60 / cpus().length).toFixed(1)} minutes of wall time on ${cpus().length} idle cores (the drawing and the solves' products run on all of them; the solver's vector updates, the footprints and the summaries on one).`,
      '',
      `Checks, before timing: a zero-spread draw equals the deterministic accounts to ${zeroM.toExponential(1)} (M) and ${zeroF.toExponential(1)} (footprints), relative. ${agreement} Over ${checkDraws} draws of another seed the means lie within their sampling error of the deterministic accounts: root mean square ${zm.rms.toFixed(2)} (M) and ${zf.rms.toFixed(2)} (footprints) standard errors, ${(zm.beyond4 * 100).toFixed(2)}% and ${(zf.beyond4 * 100).toFixed(2)}% beyond 4. After: over the ${draws} timed draws, ${zRun[0].rms.toFixed(2)} and ${zRun[1].rms.toFixed(2)}, ${(zRun[0].beyond4 * 100).toFixed(2)}% and ${(zRun[1].beyond4 * 100).toFixed(2)}% beyond 4.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.readme) replaceSections(readme, new Map([['monte-carlo', lines.join('\n')]]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
