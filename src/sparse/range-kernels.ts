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

/**
 * Block gather for k interleaved vectors over rows [lo, hi): each row is read once per group of
 * up to eight vectors (groups of 8, then 4, 2, 1), whose sums stay in registers and whose inputs
 * share cache lines.
 */
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
    let j = 0;
      while (j + 7 < k) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let s4 = 0;
        let s5 = 0;
        let s6 = 0;
        let s7 = 0;
        for (let p = start; p < end; p++) {
          const v = values[p];
          const b = colIdx[p] * k + j;
          s0 += v * x[b];
          s1 += v * x[b + 1];
          s2 += v * x[b + 2];
          s3 += v * x[b + 3];
          s4 += v * x[b + 4];
          s5 += v * x[b + 5];
          s6 += v * x[b + 6];
          s7 += v * x[b + 7];
        }
        out[o + j] = s0;
        out[o + j + 1] = s1;
        out[o + j + 2] = s2;
        out[o + j + 3] = s3;
        out[o + j + 4] = s4;
        out[o + j + 5] = s5;
        out[o + j + 6] = s6;
        out[o + j + 7] = s7;
        j += 8;
      }
      if (j + 3 < k) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let p = start; p < end; p++) {
          const v = values[p];
          const b = colIdx[p] * k + j;
          s0 += v * x[b];
          s1 += v * x[b + 1];
          s2 += v * x[b + 2];
          s3 += v * x[b + 3];
        }
        out[o + j] = s0;
        out[o + j + 1] = s1;
        out[o + j + 2] = s2;
        out[o + j + 3] = s3;
        j += 4;
      }
      if (j + 1 < k) {
        let s0 = 0;
        let s1 = 0;
        for (let p = start; p < end; p++) {
          const v = values[p];
          const b = colIdx[p] * k + j;
          s0 += v * x[b];
          s1 += v * x[b + 1];
        }
        out[o + j] = s0;
        out[o + j + 1] = s1;
        j += 2;
      }
      if (j < k) {
        let s0 = 0;
        for (let p = start; p < end; p++) {
          const v = values[p];
          const b = colIdx[p] * k + j;
          s0 += v * x[b];
        }
        out[o + j] = s0;
      }
  }
}

/** Block scatter for k interleaved vectors over rows [lo, hi), grouped like `gatherRangeMulti`; `out` is not cleared here. */
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
    let j = 0;
      while (j + 7 < k) {
        const x0 = x[xb + j];
        const x1 = x[xb + j + 1];
        const x2 = x[xb + j + 2];
        const x3 = x[xb + j + 3];
        const x4 = x[xb + j + 4];
        const x5 = x[xb + j + 5];
        const x6 = x[xb + j + 6];
        const x7 = x[xb + j + 7];
        for (let p = start; p < end; p++) {
          const v = values[p];
          const o = colIdx[p] * k + j;
          out[o] += v * x0;
          out[o + 1] += v * x1;
          out[o + 2] += v * x2;
          out[o + 3] += v * x3;
          out[o + 4] += v * x4;
          out[o + 5] += v * x5;
          out[o + 6] += v * x6;
          out[o + 7] += v * x7;
        }
        j += 8;
      }
      if (j + 3 < k) {
        const x0 = x[xb + j];
        const x1 = x[xb + j + 1];
        const x2 = x[xb + j + 2];
        const x3 = x[xb + j + 3];
        for (let p = start; p < end; p++) {
          const v = values[p];
          const o = colIdx[p] * k + j;
          out[o] += v * x0;
          out[o + 1] += v * x1;
          out[o + 2] += v * x2;
          out[o + 3] += v * x3;
        }
        j += 4;
      }
      if (j + 1 < k) {
        const x0 = x[xb + j];
        const x1 = x[xb + j + 1];
        for (let p = start; p < end; p++) {
          const v = values[p];
          const o = colIdx[p] * k + j;
          out[o] += v * x0;
          out[o + 1] += v * x1;
        }
        j += 2;
      }
      if (j < k) {
        const x0 = x[xb + j];
        for (let p = start; p < end; p++) {
          const v = values[p];
          const o = colIdx[p] * k + j;
          out[o] += v * x0;
        }
      }
  }
}
