import type { LinearProgram } from '../../src/lp/lp-types.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { transpose } from '../../src/sparse/transpose.js';
import { streamKey, uniform } from '../random.js';

export interface PlanningLpOptions {
  readonly products: number;
  readonly seed?: number;
  /** Average inputs per technique (default 10). */
  readonly inputsPerTechnique?: number;
  /** Techniques per product (default 1.5: every product has one, half of them a second). */
  readonly techniquesPerProduct?: number;
  /** Resources; the first (labour) is used by every technique (default 3). */
  readonly resources?: number;
}

/**
 * A seeded planning LP with the sparse structure of a real plan: n products, ⌈1.5 n⌉ single-output
 * techniques (each product has at least one), about 10 product inputs per technique (column sums
 * of the inputs in [0.3, 0.7], so any choice of techniques is productive), a few resources, and
 * Kantorovich's maxmin objective:
 *
 *   maximise λ  subject to  Σ_j (output_ij − input_ij) x_j − λ·target_i ≥ 0   (each product i)
 *                           Σ_j use_rj x_j ≤ available_r                        (each resource r)
 *                           x ≥ 0, λ ≥ 0.
 *
 * Variables: the techniques' activities, then λ (last). Rows: products, then resources. Always
 * feasible (x = 0, λ = 0) and bounded (every technique uses labour).
 */
export function planningLp(options: PlanningLpOptions): LinearProgram {
  const n = options.products;
  const seed = options.seed ?? 1;
  const R = options.resources ?? 3;
  const T = Math.max(n, Math.round(n * (options.techniquesPerProduct ?? 1.5)));
  const k = Math.min(Math.round(options.inputsPerTechnique ?? 10), n - 1);
  const m = n + R;
  // Build Aᵀ (one row per variable), then transpose.
  const maxNz = T * (1 + k + R) + n;
  const ptr = new Int32Array(T + 2);
  const idx = new Int32Array(maxNz);
  const val = new Float64Array(maxNz);
  const picked = new Int32Array(k + 1 + R);
  const coef = new Float64Array(k + 1 + R);
  const target = new Float64Array(n);
  const tKey = streamKey(seed, -1);
  for (let i = 0; i < n; i++) target[i] = 0.5 + uniform(tKey, i);
  let nz = 0;
  for (let j = 0; j < T; j++) {
    const key = streamKey(seed, j);
    let draw = 0;
    const product = j < n ? j : Math.floor(uniform(key, draw++) * n);
    let count = 0;
    picked[count] = product;
    coef[count++] = 1;
    let inputSum = 0;
    while (count < k + 1) {
      const i = Math.floor(uniform(key, draw++) * n);
      let dup = false;
      for (let q = 0; q < count; q++) if (picked[q] === i) dup = true;
      if (dup) continue;
      const v = 0.1 + 0.9 * uniform(key, draw++);
      picked[count] = i;
      coef[count++] = v;
      inputSum += v;
    }
    const scale = inputSum > 0 ? (0.3 + 0.4 * uniform(key, draw++)) / inputSum : 0;
    for (let q = 1; q < count; q++) coef[q] = -coef[q] * scale;
    for (let r = 0; r < R; r++) {
      if (r > 0 && uniform(key, draw++) < 0.5) continue;
      picked[count] = n + r;
      coef[count++] = 0.1 + 0.9 * uniform(key, draw++);
    }
    // Insertion sort by row index (short rows).
    for (let a = 1; a < count; a++) {
      const pi = picked[a];
      const pc = coef[a];
      let b = a - 1;
      while (b >= 0 && picked[b] > pi) {
        picked[b + 1] = picked[b];
        coef[b + 1] = coef[b];
        b--;
      }
      picked[b + 1] = pi;
      coef[b + 1] = pc;
    }
    ptr[j] = nz;
    for (let q = 0; q < count; q++) {
      idx[nz] = picked[q];
      val[nz++] = coef[q];
    }
  }
  ptr[T] = nz;
  for (let i = 0; i < n; i++) {
    idx[nz] = i;
    val[nz++] = -target[i];
  }
  ptr[T + 1] = nz;
  const AT: CsrMatrix = { rows: T + 1, cols: m, rowPtr: ptr, colIdx: idx.subarray(0, nz), values: val.subarray(0, nz) };
  const A = transpose(AT);
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m).fill(Infinity);
  let targetSum = 0;
  for (let i = 0; i < n; i++) targetSum += target[i];
  const aKey = streamKey(seed, -2);
  for (let r = 0; r < R; r++) {
    rowLower[n + r] = -Infinity;
    rowUpper[n + r] = targetSum * (r === 0 ? 1 : 1 + 2 * uniform(aKey, r));
  }
  const c = new Float64Array(T + 1);
  c[T] = 1;
  return {
    name: `planning-${n}-seed-${seed}`,
    sense: 'max',
    c,
    A,
    rowLower,
    rowUpper,
    colLower: new Float64Array(T + 1),
    colUpper: new Float64Array(T + 1).fill(Infinity),
  };
}
