import type { CsrMatrix } from '../../src/sparse/csr.js';
import { csrFromTriplets } from '../../src/sparse/from-triplets.js';

/**
 * A seeded pseudo-random generator (mulberry32): uniform numbers in [0, 1), the same sequence for
 * the same seed on every platform.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random non-negative n × n CSR matrix with about `perRow` entries per row (at least one, a
 * cyclic link (i, i+1 mod n) that makes it irreducible and not triangular, plus random columns),
 * scaled so that every column sums to `targetColumnSum` times a factor in [0.9, 1.1]; so with
 * targetColumnSum · 1.1 < 1 the matrix is productive (ρ ≤ max column sum). Entries are uniform
 * in (0.1, 1] before scaling.
 */
export function randomProductiveCsr(n: number, perRow: number, seed: number, targetColumnSum = 0.6): CsrMatrix {
  const rand = seededRandom(seed);
  const extra = Math.max(0, Math.round(perRow) - 1);
  const total = n * (1 + extra);
  const ri = new Int32Array(total);
  const ci = new Int32Array(total);
  const va = new Float64Array(total);
  let p = 0;
  for (let i = 0; i < n; i++) {
    ri[p] = i;
    ci[p] = n > 1 ? (i + 1) % n : 0;
    va[p] = 0.1 + 0.9 * rand();
    p++;
    for (let e = 0; e < extra; e++) {
      ri[p] = i;
      ci[p] = Math.floor(rand() * n);
      va[p] = 0.1 + 0.9 * rand();
      p++;
    }
  }
  const m = csrFromTriplets(n, n, ri, ci, va);
  const sums = new Float64Array(n);
  const { colIdx, values } = m;
  for (let q = 0; q < values.length; q++) sums[colIdx[q]] += values[q];
  const factor = new Float64Array(n);
  for (let j = 0; j < n; j++) factor[j] = sums[j] > 0 ? (targetColumnSum * (0.9 + 0.2 * rand())) / sums[j] : 0;
  for (let q = 0; q < values.length; q++) values[q] *= factor[colIdx[q]];
  return m;
}
