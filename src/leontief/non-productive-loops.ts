import type { CsrMatrix } from '../sparse/csr.js';
import { checkProductive } from '../sparse/index.js';
import type { IoSystem } from './types.js';
import { asSystem } from './validate.js';

/**
 * Strongly connected components of the graph of A (item i → item j when a_ij ≠ 0: i is an input
 * of j), by Tarjan's algorithm without recursion. Returns per item its component id.
 */
function components(A: CsrMatrix): Int32Array {
  const n = A.rows;
  const { rowPtr, colIdx } = A;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callPos = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callPos[0] = rowPtr[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      if (callPos[depth] < rowPtr[v + 1]) {
        const w = colIdx[callPos[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callPos[depth] = rowPtr[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0 && low[v] < low[callNode[depth]]) low[callNode[depth]] = low[v];
    }
  }
  return component;
}

/** The submatrix of A on the given rows and columns (local indices in the order of `members`). */
function submatrix(A: CsrMatrix, members: readonly number[], local: Int32Array): CsrMatrix {
  const rowPtr = new Int32Array(members.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  members.forEach((i, k) => {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = local[A.colIdx[p]];
      if (j < 0) continue;
      cols.push(j);
      values.push(A.values[p]);
    }
    rowPtr[k + 1] = cols.length;
  });
  return { rows: members.length, cols: members.length, rowPtr, colIdx: Int32Array.from(cols), values: Float64Array.from(values) };
}

/**
 * Why A is not productive: the loops of items (strongly connected components of the graph of A,
 * an item on a loop of its own included) whose own spectral radius is proved at least
 * 1 − PRODUCTIVE_MARGIN. Each loop is a list of item indices; the loops are in order of size, the
 * smallest (the easiest to read) first. Empty when none is proved (A has negative entries, or the
 * bounds did not close in): the diagnosis then rests on A as a whole.
 */
export function nonProductiveLoops(sys: IoSystem | CsrMatrix): number[][] {
  const { A } = asSystem(sys);
  const component = components(A);
  const members = new Map<number, number[]>();
  for (let i = 0; i < A.rows; i++) {
    const list = members.get(component[i]);
    if (list === undefined) members.set(component[i], [i]);
    else list.push(i);
  }
  const local = new Int32Array(A.rows).fill(-1);
  const loops: number[][] = [];
  for (const list of members.values()) {
    list.forEach((i, k) => (local[i] = k));
    const sub = submatrix(A, list, local);
    if (sub.rowPtr[sub.rows] > 0 && checkProductive(sub).status === 'not-productive') loops.push(list);
    for (const i of list) local[i] = -1;
  }
  return loops.sort((a, b) => a.length - b.length || a[0] - b[0]);
}
