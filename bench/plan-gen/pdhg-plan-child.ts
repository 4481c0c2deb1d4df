import { solvePdhg, type PdhgOptions } from '../../src/lp/pdhg/index.js';
import { peakRssBytes } from '../memory.js';
import { checkAnswer } from './check-answer.js';
import { planLpOf } from './plan-lp.js';

/**
 * PDHG solves of a generated plan's LP in its own process (its peak memory its own):
 * `node pdhg-plan-child.js <model file or folder> <gap> <time limit s> [warm|cold] [options JSON]`
 * (the options: PdhgOptions for both solves, e.g. to measure a change against its default). The
 * model is read as `plenty plan` reads it (plan-lp.ts: its loader, compiled, formulated once).
 * Checks the first solve's x, row duals and column duals against that LP (check-answer.ts: the
 * benchmark's own residuals, not the solver's) and prints one JSON line. Times: the solve alone (wall and CPU); building
 * the LP apart, per step (`phases`: load, compile, formulate, each with its peak memory). The
 * first solve is cold (the first in a fresh process: the kernels' code compiled, the WebAssembly
 * memory and module made); with `warm`, the same LP is solved a second time in the same process
 * and that solve's times are given too (warmSeconds, warmCpuSeconds).
 */
const [model, gapText, timeLimitText, mode, optionsText] = process.argv.slice(2);
const gap = Number(gapText);
const timeLimit = Number(timeLimitText);
const warm = mode === 'warm';
const options = JSON.parse(optionsText ?? '{}') as PdhgOptions;
const t0 = performance.now();
const { lp, phases } = await planLpOf(model);
const buildSeconds = (performance.now() - t0) / 1000;
// Each phase reset the peak (VmHWM) at its start: the build's peak is the largest of theirs.
const buildPeakBytes = Math.max(...phases.map((p) => p.peakBytes));
const cpu0 = process.cpuUsage();
const started = performance.now();
const r = solvePdhg(lp, { ...options, gap, timeLimit });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
let warmSeconds: number | undefined;
let warmCpuSeconds: number | undefined;
if (warm) {
  const cpu1 = process.cpuUsage();
  const again = performance.now();
  solvePdhg(lp, { ...options, gap, timeLimit });
  warmSeconds = (performance.now() - again) / 1000;
  const used = process.cpuUsage(cpu1);
  warmCpuSeconds = (used.user + used.system) / 1e6;
}
const check = checkAnswer(lp, r.x, r.rowDual, r.colDual);
console.log(
  JSON.stringify({
    status: r.status,
    objective: r.objective,
    iterations: r.iterations,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    buildSeconds,
    buildPeakBytes,
    phases,
    check,
    lp: { rows: lp.A.rows, cols: lp.A.cols, nonZeros: lp.A.rowPtr[lp.A.rows] },
    warmSeconds,
    warmCpuSeconds,
    peakBytes: Math.max(buildPeakBytes, peakRssBytes()),
    message: r.message,
  }),
);
