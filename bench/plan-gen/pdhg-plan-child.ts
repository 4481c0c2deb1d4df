import { writeFileSync } from 'node:fs';
import { solvePdhg } from '../../src/lp/pdhg/index.js';
import { peakRssBytes } from '../memory.js';
import { planLp } from './plan-lp.js';

/**
 * One PDHG solve of a generated plan's LP in its own process (its peak memory its own):
 * `node pdhg-plan-child.js <size> <seed> <gap> <time limit s> <out prefix>`. Writes x, row duals
 * and column duals as raw little-endian float64 to <out prefix>.x/.y/.z and prints one JSON line.
 * Times: the solve alone (wall and CPU); building the LP (generate, read, compile, formulate) apart.
 */
const [size, seed, gap, timeLimit] = process.argv.slice(2, 6).map(Number);
const out = process.argv[6];
const t0 = performance.now();
const { lp } = planLp(size, seed);
const buildSeconds = (performance.now() - t0) / 1000;
const cpu0 = process.cpuUsage();
const started = performance.now();
const r = solvePdhg(lp, { gap, timeLimit });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
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
    peakBytes: peakRssBytes(),
    message: r.message,
  }),
);
