import type { CompiledEconomy } from '../../src/compile/types.js';
import type { Technique } from '../../src/model/types.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';
import { handEconomy } from './hand-economy.js';

/**
 * A random productive economy: n items, one technique each (technique j makes item j with
 * output `scale_j` per unit of activity), inputs a_ij per unit of output, labour per unit of output,
 * and a random positive final demand y as targets. Seeded.
 */
export function randomEconomy(n: number, seed: number): { c: CompiledEconomy; A: CsrMatrix; y: Float64Array; scale: Float64Array } {
  const A = randomProductiveCsr(n, 4, seed, 0.6);
  const rand = seededRandom(seed + 1);
  const y = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = 1 + 99 * rand();
    scale[i] = 0.5 + 2 * rand();
  }
  const consumes: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) consumes[A.colIdx[p]][`p${i}`] = A.values[p] * scale[A.colIdx[p]];
  }
  const techniques: Technique[] = [];
  for (let j = 0; j < n; j++) {
    techniques.push({ id: `t${j}`, produces: { [`p${j}`]: scale[j] }, consumes: consumes[j], uses: { labour: rand() * scale[j] } });
  }
  const c = handEconomy({
    products: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, 'unit'])),
    resources: [{ id: 'labour', unit: 'person-year' }],
    techniques,
    targets: Array.from(y, (amount, i) => ({ product: `p${i}`, amount, priority: 1 + (i % 3) })),
  });
  return { c, A, y, scale };
}
