import { writeFileSync } from 'node:fs';
import { solvePdhg, type PdhgOptions } from '../../src/lp/pdhg/index.js';
import { peakRssBytes } from '../memory.js';
import { planLp } from './plan-lp.js';

/**
 * PDHG solves of a generated plan's LP in its own process (its peak memory its own):
 * `node pdhg-plan-child.js <size> <seed> <gap> <time limit s> <out prefix> [warm|cold] [options JSON]`
 * (the options: PdhgOptions for both solves, e.g. to measure a change against its default). Writes x, row
 * duals and column duals of the first solve as raw little-endian float64 to <out prefix>.x/.y/.z
 * and prints one JSON line. Times: the solve alone (wall and CPU); building the LP (generate, read,
 * compile, formulate) apart. The first solve is cold (the first in a fresh process: the kernels'
 * code compiled, the WebAssembly memory and module made); with `warm`, the same LP is solved a
 * second time in the same process and that solve's times are given too (warmSeconds,
 * warmCpuSeconds).
 */
const [size, seed, gap, timeLimit] = process.argv.slice(2, 6).map(Number);
const out = process.argv[6];
const warm = process.argv[7] === 'warm';
const options = JSON.parse(process.argv[8] ?? '{}') as PdhgOptions;
const t0 = performance.now();
const { lp } = planLp(size, seed);
const buildSeconds = (performance.now() - t0) / 1000;
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
writeFileSync(`${out}.x`, r.x);
writeFileSync(`${out}.y`, r.rowDual);
writeFileSync(`${out}.z`, r.colDual);
console.log(
  JSON.stringify({
    status: r.status,
    objective: r.objective,
    iterations: r.iterations,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    buildSeconds,
    warmSeconds,
    warmCpuSeconds,
    peakBytes: peakRssBytes(),
    message: r.message,
  }),
);
