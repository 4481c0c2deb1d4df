import type { CsrMatrix } from '../csr.js';
import { align, csrBytes } from './wasm-layout.js';

/**
 * The columns of a panel take at most this many bytes of a block of k interleaved vectors, so that
 * a panel's part of x stays in the first-level cache while the rows go by.
 */
export const PANEL_BYTES = 32 * 1024;
/** Panels only where a block of k vectors over the columns takes at least this many bytes. */
const PANEL_MIN_VECTOR_BYTES = 256 * 1024;
/** Panels only where a row has at least this many entries in a panel on average. */
const PANEL_MIN_ROW = 32;

/**
 * Where a gather of k ≥ 2 interleaved vectors over a wide, dense-rowed A (such as the Leontief
 * matrix of a multi-regional table: 9,800 products, 1,540 entries a row) pays for running panel by
 * panel: every row's entries in the columns of panel 0, then of panel 1, … each read of x within
 * the first-level cache instead of over all of x. On the benchmark's synthetic EXIOBASE (x of
 * 784 KB for k = 10) a product took 21 ms in panels of 400 columns against 27.5 ms over plain CSR,
 * serially. Internal to the sparse package.
 */
export interface PanelPlan {
  /** Columns per panel (the last may have fewer). */
  readonly width: number;
  readonly panels: number;
}

/** The panels of A for gathers of k vectors, or undefined where they would not pay (see PanelPlan). */
export function panelPlan(A: CsrMatrix, k: number): PanelPlan | undefined {
  if (!(k >= 2) || A.rows === 0) return undefined;
  const width = Math.max(1, Math.floor(PANEL_BYTES / (8 * k)));
  const panels = Math.ceil(A.cols / width);
  if (panels < 2 || 8 * k * A.cols < PANEL_MIN_VECTOR_BYTES) return undefined;
  if (A.rowPtr[A.rows] < PANEL_MIN_ROW * panels * A.rows) return undefined;
  return { width, panels };
}

/** Bytes A takes when placed in panels: a CSR of panels · rows rows with A's entries. */
export function panelBytes(A: CsrMatrix, plan: PanelPlan): number {
  return csrBytes(plan.panels * A.rows, A.rowPtr[A.rows]);
}

/**
 * Writes A into the buffer from byte `at` (16-byte aligned) as a CSR of panels · rows rows, laid out
 * as placeMatrix lays out a CSR (row pointers, values, column indices): row p · rows + i holds row
 * i's entries in the columns of panel p, in A's order. Returns the byte offsets of the arrays.
 * A row's columns are sorted (CsrMatrix), so its entries in a panel are one run of it: each row is
 * walked once to find the runs, which are then copied whole (on the benchmark's EXIOBASE-size Aᵀ,
 * 15 million entries in 24 panels, this took a twentieth of placing entry by entry); a row out of
 * order is placed entry by entry.
 */
export function placePanels(buffer: SharedArrayBuffer, at: number, A: CsrMatrix, plan: PanelPlan): { rp: number; va: number; ci: number; end: number } {
  const { rows, rowPtr, colIdx, values } = A;
  const { width, panels } = plan;
  const nz = rowPtr[rows];
  const tallRows = panels * rows;
  const rp = at;
  const va = rp + align(4 * (tallRows + 1));
  const ci = va + align(8 * nz);
  const ptr = new Int32Array(buffer, rp, tallRows + 1);
  ptr.fill(0);
  // Where each row's run in each panel ends (runEnd[p · rows + i]); -1 for a row out of order.
  const runEnd = new Int32Array(tallRows);
  for (let i = 0; i < rows; i++) {
    let q = rowPtr[i];
    const end = rowPtr[i + 1];
    let sorted = true;
    for (let c = q + 1; c < end; c++) {
      if (colIdx[c] <= colIdx[c - 1]) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      for (let e = q; e < end; e++) ptr[((colIdx[e] / width) | 0) * rows + i + 1]++;
      runEnd[i] = -1;
      continue;
    }
    for (let p = 0, limit = width; p < panels; p++, limit += width) {
      const s = q;
      while (q < end && colIdx[q] < limit) q++;
      ptr[p * rows + i + 1] = q - s;
      runEnd[p * rows + i] = q;
    }
  }
  for (let t = 1; t <= tallRows; t++) ptr[t] += ptr[t - 1];
  const outValues = new Float64Array(buffer, va, nz);
  const outCols = new Int32Array(buffer, ci, nz);
  for (let i = 0; i < rows; i++) {
    if (runEnd[i] === -1) {
      const cursor = new Int32Array(panels);
      for (let p = 0; p < panels; p++) cursor[p] = ptr[p * rows + i];
      for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
        const c = colIdx[q];
        const d = cursor[(c / width) | 0]++;
        outCols[d] = c;
        outValues[d] = values[q];
      }
      continue;
    }
    let s = rowPtr[i];
    for (let p = 0; p < panels; p++) {
      const e = runEnd[p * rows + i];
      const d = ptr[p * rows + i];
      const len = e - s;
      if (len > 16) {
        outCols.set(colIdx.subarray(s, e), d);
        outValues.set(values.subarray(s, e), d);
      } else {
        for (let t = 0; t < len; t++) {
          outCols[d + t] = colIdx[s + t];
          outValues[d + t] = values[s + t];
        }
      }
      s = e;
    }
  }
  return { rp, va, ci, end: ci + align(4 * nz) };
}
