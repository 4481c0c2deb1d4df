import type { CompiledEconomy } from '../compile/types.js';
import type { CsrMatrix } from '../sparse/csr.js';

/** The items (indices, ascending) that some techniques make (outputs) and use (inputs). */
export interface ReportableItems {
  readonly outputs: readonly number[];
  readonly inputs: readonly number[];
}

function itemsOf(m: CsrMatrix, techniques: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      if (m.values[p] > 0 && techniques.has(m.colIdx[p])) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/**
 * What a report on these techniques (indices) may name: as outputs the items they make, as inputs
 * the items they use, each by its item id (`tractor@north_caucasus`). A model's techniques are
 * the same in every period, so these are the same for every period.
 */
export function reportableItems(c: CompiledEconomy, techniques: Iterable<number>): ReportableItems {
  const set = new Set(techniques);
  return { outputs: itemsOf(c.outputs, set), inputs: itemsOf(c.inputs, set) };
}
