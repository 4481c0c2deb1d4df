import { solvePdhg } from '../../src/lp/pdhg/index.js';
import { peakRssBytes } from '../memory.js';
import { planningLp } from './planning-lp.js';

/**
 * One timed PDHG solve in its own process (so that its peak memory is its own):
 * `node pdhg-child.js <products> <gap> <seed> <time limit s>`. Prints one JSON line.
 */
const [products, gap, seed, timeLimit] = process.argv.slice(2).map(Number);
const lp = planningLp({ products, seed });
const started = performance.now();
const r = solvePdhg(lp, { gap, timeLimit });
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    status: r.status,
    objective: r.objective,
    iterations: r.iterations,
    seconds,
    peakBytes: peakRssBytes(),
    primalResidual: r.primalResidual,
    dualResidual: r.dualResidual,
    relativeGap: r.relativeGap,
    nonZeros: lp.A.rowPtr[lp.A.rows],
    rows: lp.A.rows,
    cols: lp.A.cols,
  }),
);
