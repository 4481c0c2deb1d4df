/**
 * Products over a range of rows [lo, hi) of a CSR matrix given by its arrays, for splitting one
 * product over threads. Same loops as `matvec`, `matvecTransposed`, `matvecMulti` and
 * `matvecTransposedMulti`. Internal to the sparse package.
 */

/** out[i] = row i · x for i in [lo, hi) (out indexed by row, as x by column; k = 1). */
export function gatherRange(
  rowPtr: Int32Array,
  colIdx: Int32Array,
  values: Float64Array,
  x: Float64Array,
  out: Float64Array,
  lo: number,
  hi: number,
): void {
  let p = rowPtr[lo];
  for (let i = lo; i < hi; i++) {
    const end = rowPtr[i + 1];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (; p + 3 < end; p += 4) {
      s0 += values[p] * x[colIdx[p]];
      s1 += values[p + 1] * x[colIdx[p + 1]];
      s2 += values[p + 2] * x[colIdx[p + 2]];
      s3 += values[p + 3] * x[colIdx[p + 3]];
    }
    for (; p < end; p++) s0 += values[p] * x[colIdx[p]];
    out[i] = s0 + s1 + (s2 + s3);
  }
}

/** out += (rows [lo, hi) of the matrix)ᵀ · x[lo, hi) for k = 1. `out` is not cleared here. */
export function scatterRange(
  rowPtr: Int32Array,
  colIdx: Int32Array,
  values: Float64Array,
  x: Float64Array,
  out: Float64Array,
  lo: number,
  hi: number,
): void {
  for (let i = lo; i < hi; i++) {
    const xi = x[i];
    const end = rowPtr[i + 1];
    let p = rowPtr[i];
    if (xi === 0) continue;
    for (; p + 3 < end; p += 4) {
      out[colIdx[p]] += values[p] * xi;
      out[colIdx[p + 1]] += values[p + 1] * xi;
      out[colIdx[p + 2]] += values[p + 2] * xi;
      out[colIdx[p + 3]] += values[p + 3] * xi;
    }
    for (; p < end; p++) out[colIdx[p]] += values[p] * xi;
  }
}

/** Block gather for k interleaved vectors over rows [lo, hi). */
export function gatherRangeMulti(
  rowPtr: Int32Array,
  colIdx: Int32Array,
  values: Float64Array,
  x: Float64Array,
  k: number,
  out: Float64Array,
  lo: number,
  hi: number,
): void {
  for (let i = lo; i < hi; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    const o = i * k;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let p = start; p < end; p++) s += values[p] * x[colIdx[p] * k + j];
      out[o + j] = s;
    }
  }
}

/** Block scatter for k interleaved vectors over rows [lo, hi); `out` is not cleared here. */
export function scatterRangeMulti(
  rowPtr: Int32Array,
  colIdx: Int32Array,
  values: Float64Array,
  x: Float64Array,
  k: number,
  out: Float64Array,
  lo: number,
  hi: number,
): void {
  for (let i = lo; i < hi; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    const xb = i * k;
    for (let j = 0; j < k; j++) {
      const xj = x[xb + j];
      if (xj === 0) continue;
      for (let p = start; p < end; p++) out[colIdx[p] * k + j] += values[p] * xj;
    }
  }
}
