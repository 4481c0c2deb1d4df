import type { CompiledEconomy } from './types.js';

/** Indices of the techniques with a positive output of `item`, in model order. */
export function producers(c: CompiledEconomy, item: number): number[] {
  const { rowPtr, colIdx, values } = c.outputs;
  const out: number[] = [];
  for (let p = rowPtr[item]; p < rowPtr[item + 1]; p++) if (values[p] > 0) out.push(colIdx[p]);
  return out;
}

/** Output of `item` per unit of activity of technique `j` (0 if none). */
export function outputOf(c: CompiledEconomy, item: number, j: number): number {
  const { rowPtr, colIdx, values } = c.outputs;
  for (let p = rowPtr[item]; p < rowPtr[item + 1]; p++) if (colIdx[p] === j) return values[p];
  return 0;
}
