import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { structuralPaths } from '../../src/leontief/structural-paths.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { describeMachine } from '../machine.js';
import { streamKey, uniform } from '../random.js';
import { replaceSections } from '../readme-section.js';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = here.includes(join('dist', 'bench')) ? resolve(here, '..', '..', '..', 'bench', 'paths') : here;
const readme = resolve(sourceDir, '..', 'README.md');

/**
 * A multi-regional economy shaped like EXIOBASE's pxp table (regions × products): each product buys
 * from half of its own region's products and 15% of the other regions', its inputs summing to 30–70%
 * of its output; s ≥ 0 (a stressor per unit of output); y the final demand of region 0.
 */
function economy(regions: number, products: number, seed: number): { A: CsrMatrix; s: Float64Array; y: Float64Array } {
  const n = regions * products;
  const cols: number[][] = Array.from({ length: n }, () => []);
  const vals: number[][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < n; j++) {
    const key = streamKey(seed, j);
    const rj = Math.floor(j / products);
    let c = 0;
    const rows: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = Math.floor(i / products) === rj ? 0.5 : 0.15;
      if (uniform(key, c++) < p) {
        rows.push(i);
        w.push(uniform(key, c++) + 0.01);
      }
    }
    const share = 0.3 + 0.4 * uniform(key, c);
    const sum = w.reduce((a, b) => a + b, 0);
    rows.forEach((i, k) => {
      cols[i].push(j);
      vals[i].push((w[k] / sum) * share);
    });
  }
  const rowPtr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowPtr[i + 1] = rowPtr[i] + cols[i].length;
  const colIdx = new Int32Array(rowPtr[n]);
  const values = new Float64Array(rowPtr[n]);
  for (let i = 0; i < n; i++) {
    colIdx.set(cols[i], rowPtr[i]);
    values.set(vals[i], rowPtr[i]);
  }
  const sk = streamKey(seed, n + 1);
  const s = Float64Array.from({ length: n }, (_, i) => uniform(sk, i) * 2);
  const y = Float64Array.from({ length: n }, (_, i) => (i < products ? 1 + uniform(sk, n + i) * 99 : uniform(sk, n + i)));
  return { A: { rows: n, cols: n, rowPtr, colIdx, values }, s, y };
}

function runNumpy(folder: string, n: number, maxPaths: number, maxDepth: number): Promise<{ seconds: number; cpuSeconds: number; total: number; values: number[] } | string> {
  return new Promise((done) => {
    const child = spawn(process.env.PYTHON ?? 'python3', [join(sourceDir, 'numpy_paths.py'), folder, String(n), String(maxPaths), String(maxDepth)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', (e) => done(`not available (${e.message})`));
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      done(code === 0 && line.startsWith('{') ? (JSON.parse(line) as { seconds: number; cpuSeconds: number; total: number; values: number[] }) : `failed: ${err.trim().split('\n').pop() ?? code}`);
    });
  });
}

/**
 * Structural path analysis at EXIOBASE size: the top paths of one region's final demand, Plenty's
 * structuralPaths against the same search in plain numpy (a dense solve for M, heapq), on the same
 * matrix; the answers (total and every listed path's value) are compared before the times are shown.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { regions: { type: 'string', default: '49' }, products: { type: 'string', default: '200' }, paths: { type: 'string', default: '1000' }, depth: { type: 'string', default: '10' }, readme: { type: 'boolean', default: false } } });
  const regions = Number(values.regions);
  const products = Number(values.products);
  const maxPaths = Number(values.paths);
  const maxDepth = Number(values.depth);
  const { A, s, y } = economy(regions, products, 1);
  const n = A.rows;
  process.stderr.write(`economy: ${n} products, ${A.rowPtr[n].toLocaleString('en-GB')} coefficients\n`);
  const dir = await mkdtemp(join(tmpdir(), 'plenty-paths-bench-'));
  try {
    const bytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    await Promise.all([
      writeFile(join(dir, 'rowPtr.bin'), bytes(A.rowPtr)),
      writeFile(join(dir, 'colIdx.bin'), bytes(A.colIdx)),
      writeFile(join(dir, 'values.bin'), bytes(A.values)),
      writeFile(join(dir, 's.bin'), bytes(s)),
      writeFile(join(dir, 'y.bin'), bytes(y)),
    ]);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const ours = structuralPaths(A, s, y, { maxPaths, maxDepth });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (ours.status !== 'converged') throw new Error(`the solve for M ended ${ours.status}`);
    const load = loadavg()[0];
    const ref = await runNumpy(dir, n, maxPaths, maxDepth);
    let agreement = 'numpy not run';
    if (typeof ref !== 'string') {
      let worst = Math.abs(ref.total - ours.total) / ref.total;
      if (ref.values.length !== ours.paths.length) throw new Error(`numpy listed ${ref.values.length} paths, Plenty ${ours.paths.length}`);
      ours.paths.forEach((p, k) => (worst = Math.max(worst, Math.abs(p.value - ref.values[k]) / ref.values[k])));
      if (!(worst < 1e-9)) throw new Error(`the answers differ by ${worst} (relative): not timed`);
      agreement = `the total and all ${ours.paths.length} path values agree to ${worst.toExponential(1)} (relative)`;
    }
    const m = describeMachine();
    const row = (what: string, sec: number, cpuSec: number): string => `| ${what} | ${sec.toFixed(2)} | ${cpuSec.toFixed(2)} |`;
    const lines = [
      `${n.toLocaleString('en-GB')} products (${regions} regions × ${products}), ${A.rowPtr[n].toLocaleString('en-GB')} coefficients; the top ${maxPaths} paths of region 0's final demand, depth ≤ ${maxDepth}; ${m.date}, ${m.cpu}, ${m.cores} cores, Node ${m.node}; load average ${load.toFixed(1)}.`,
      '',
      '| implementation | seconds | CPU seconds |',
      '| --- | --- | --- |',
      row('Plenty structuralPaths (iterative solve for M, best-first search)', seconds, (cpu.user + cpu.system) / 1e6),
      typeof ref === 'string' ? `| numpy | ${ref} | |` : row('numpy (dense solve for M, heapq)', ref.seconds, ref.cpuSeconds),
      '',
      `Covered: ${(ours.covered * 100).toFixed(1)}% of the footprint; ${ours.expanded.toLocaleString('en-GB')} chains expanded; ${agreement}.${typeof ref === 'string' ? '' : ` Ratio (numpy / Plenty): ${(ref.seconds / seconds).toFixed(1)}×.`}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.readme) replaceSections(readme, new Map([['structural-paths', lines.join('\n')]]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
