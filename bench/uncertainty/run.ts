import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createProgress } from '../../src/cli/progress.js';
import { coefficientMultipliers } from '../../src/leontief/coefficient-multipliers.js';
import { monteCarlo } from '../../src/leontief/monte-carlo.js';
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

function runNumpy(folder: string, c: Case, draws: number, rsd: number): Promise<{ seconds: number[]; cpuSeconds: number[] } | string> {
  return new Promise((done) => {
    const args = [join(sourceDir, 'numpy_uncertainty.py'), folder, String(c.n), String(c.k), String(c.regions.length), String(draws), String(rsd)];
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

/**
 * Monte Carlo at EXIOBASE size: all consumption-based accounts (the footprint multipliers M = S L
 * of every stressor and the footprints by region M Y_r) over `--draws` draws of A (lognormal, rsd
 * `--rsd`), by Plenty's monteCarlo (warm-started iterative solves), against the same per-draw
 * computation in plain numpy (dense solve) for `--numpy-draws` draws. Checks first: a zero-spread
 * draw equals the deterministic accounts, and numpy's accounts of Plenty's draw 0 (the same
 * perturbed matrix) equal Plenty's.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      download: { type: 'string' },
      regions: { type: 'string', default: '49' },
      products: { type: 'string', default: '200' },
      stressors: { type: 'string', default: '20' },
      draws: { type: 'string', default: '1000' },
      'numpy-draws': { type: 'string', default: '2' },
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

    // Draw 0 alone (the same seed draws the same matrix first), for numpy's check.
    let draw0: Float64Array | undefined;
    const one = monteCarlo(A, S, y, { A: rsd }, { draws: 1, seed, demands: Yr, adjust: (_, a) => (draw0 = a.toArray()) });
    if (draw0 === undefined || one.multipliers === undefined || one.demandFootprints === undefined) throw new Error('draw 0 not seen');

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
      adjust: () => {
        const [w, cp] = lap();
        drawing += w;
        drawingCpu += cp;
      },
      onDraw: (d, all) => {
        lap();
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

    // numpy: the same per-draw computation, draw 0 on Plenty's matrix.
    const bytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const Yd = new Float64Array(R * n);
    Yr.forEach((col, r) => Yd.set(col, r * n));
    await Promise.all([
      writeFile(join(dir, 'rowPtr.bin'), bytes(A.rowPtr)),
      writeFile(join(dir, 'colIdx.bin'), bytes(A.colIdx)),
      writeFile(join(dir, 'values.bin'), bytes(A.values)),
      writeFile(join(dir, 'draw0.bin'), bytes(draw0)),
      writeFile(join(dir, 'S.bin'), bytes(S.values)),
      writeFile(join(dir, 'Yr.bin'), bytes(Yd)),
    ]);
    const numpyDraws = Number(values['numpy-draws']);
    const loadNumpy = loadavg()[0];
    const py = numpyDraws > 0 ? await runNumpy(dir, c, numpyDraws, rsd) : 'not run (--numpy-draws 0)';
    let agreement = '';
    if (typeof py !== 'string') {
      const M0 = new Float64Array((await readFile(join(dir, 'M0.bin'))).buffer.slice(0));
      const F0 = new Float64Array((await readFile(join(dir, 'F0.bin'))).buffer.slice(0));
      const wm = worst(one.multipliers.mean, M0);
      const wf = worst(one.demandFootprints.mean, F0);
      if (!(wm < 1e-8 && wf < 1e-8)) throw new Error(`numpy's draw 0 differs from Plenty's by ${wm} (M), ${wf} (footprints): not timed`);
      agreement = `numpy's accounts of Plenty's draw 0 (the same perturbed A) agree to ${wm.toExponential(1)} (M, ${k} × ${n}) and ${wf.toExponential(1)} (footprints, ${k} × ${R}), relative.`;
    }
    const m = describeMachine();
    const mean = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
    const perDraw = seconds / draws;
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
      `${typeof py === 'string' ? '' : `Ratio per draw (numpy / Plenty): ${(mean(py.seconds) / perDraw).toFixed(1)}× wall, ${(mean(py.cpuSeconds) / (cpuSeconds / draws)).toFixed(1)}× CPU; 1,000 numpy draws would take about ${((mean(py.seconds) * 1000) / 60).toFixed(0)} minutes. `}Plenty's run: ${mc.iterations.toLocaleString('en-GB')} solver iterations in all (${(mc.iterations / draws).toFixed(1)} per draw: one solve of the ${k} multiplier rows together over Aᵀ, its pattern formed once; the footprints from the multipliers; the same first draw solved cold, without the previous draw's solution to start from, takes ${one.iterations}), worst relative residual ${mc.relativeResidual.toExponential(1)}, peak resident memory ${(peak / 2 ** 30).toFixed(2)} GB. Deterministic accounts (one cold solve of the ${k} multiplier rows): ${detSeconds.toFixed(1)} s. Where the time goes: drawing the ${A.rowPtr[n].toLocaleString('en-GB')} lognormal factors per draw ${(drawing / draws).toFixed(2)} s (CPU ${(drawingCpu / draws).toFixed(2)} s) per draw; the solves, the footprints and the final summaries the rest, ${((seconds - drawing) / draws).toFixed(2)} s (CPU ${((cpuSeconds - drawingCpu) / draws).toFixed(2)} s) per draw.`,
      '',
      `Checks: a zero-spread draw equals the deterministic accounts to ${zeroM.toExponential(1)} (M) and ${zeroF.toExponential(1)} (footprints), relative. ${agreement}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.readme) replaceSections(readme, new Map([['monte-carlo', lines.join('\n')]]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
