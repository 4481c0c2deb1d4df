import type { CsrMatrix } from './csr.js';

/**
 * A reverse Cuthill–McKee ordering of a square matrix on the pattern of A + Aᵀ: breadth-first
 * search from a node of least degree in each connected component, visiting neighbours by
 * increasing degree, then reversed. Related products end up near each other, so that
 * `permute(A, order)` has a narrow band and a matrix–vector product touches nearby memory.
 * Returns `order` with order[newIndex] = oldIndex. Memory: the pattern of Aᵀ (4 bytes per
 * non-zero) while it runs.
 */
export function localityOrdering(m: CsrMatrix): Int32Array {
  const n = m.rows;
  if (m.cols !== n) throw new RangeError(`localityOrdering: the matrix is ${m.rows} × ${m.cols}, not square`);
  const { rowPtr, colIdx } = m;
  const nz = rowPtr[n];
  // Pattern of the transpose.
  const tPtr = new Int32Array(n + 1);
  for (let e = 0; e < nz; e++) tPtr[colIdx[e] + 1]++;
  for (let j = 0; j < n; j++) tPtr[j + 1] += tPtr[j];
  const next = tPtr.slice(0, n);
  const tIdx = new Int32Array(nz);
  for (let i = 0; i < n; i++) for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) tIdx[next[colIdx[e]]++] = i;
  const degree = new Int32Array(n);
  let maxDeg = 0;
  for (let i = 0; i < n; i++) {
    const d = rowPtr[i + 1] - rowPtr[i] + tPtr[i + 1] - tPtr[i];
    degree[i] = d;
    if (d > maxDeg) maxDeg = d;
  }
  // Nodes by increasing degree (counting sort), to pick the start of each component.
  const byDeg = new Int32Array(n);
  const bucket = new Int32Array(maxDeg + 2);
  for (let i = 0; i < n; i++) bucket[degree[i] + 1]++;
  for (let d = 0; d <= maxDeg; d++) bucket[d + 1] += bucket[d];
  for (let i = 0; i < n; i++) byDeg[bucket[degree[i]]++] = i;

  const order = new Int32Array(n);
  const visited = new Uint8Array(n);
  const keys = new Float64Array(maxDeg);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) {
    const start = byDeg[s];
    if (visited[start] === 1) continue;
    visited[start] = 1;
    order[tail++] = start;
    while (head < tail) {
      const u = order[head++];
      let count = 0;
      for (let e = rowPtr[u]; e < rowPtr[u + 1]; e++) {
        const w = colIdx[e];
        if (visited[w] === 0) {
          visited[w] = 1;
          keys[count++] = degree[w] * n + w;
        }
      }
      for (let e = tPtr[u]; e < tPtr[u + 1]; e++) {
        const w = tIdx[e];
        if (visited[w] === 0) {
          visited[w] = 1;
          keys[count++] = degree[w] * n + w;
        }
      }
      if (count > 1) keys.subarray(0, count).sort();
      for (let c = 0; c < count; c++) order[tail++] = keys[c] % n;
    }
  }
  order.reverse();
  return order;
}
