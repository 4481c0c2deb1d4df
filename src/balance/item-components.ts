import type { CompiledEconomy } from '../compile/types.js';
import type { CsrMatrix } from '../sparse/csr.js';

/**
 * Strongly connected components of the supply graph of items: item i → item k when some
 * technique uses i (positive input) and makes k (positive output). Two items share a component
 * when each is needed, directly or indirectly, to make the other (steel and coal, say); an item
 * whose technique uses the item itself (seed grain) is on a loop of its own.
 *
 * Returns per item its component id (ids in order of completion, Tarjan's algorithm, iterative:
 * no recursion depth limit) and per item whether it lies on a loop (a component of two or more
 * items, or a self-loop). `madeBy` is the transpose of `c.outputs` (techniques × items).
 */
export function itemComponents(c: CompiledEconomy, madeBy: CsrMatrix): { component: Int32Array; onLoop: Uint8Array } {
  const n = c.items.ids.length;
  const { rowPtr: inPtr, colIdx: inCol, values: inVal } = c.inputs;
  const { rowPtr: outPtr, colIdx: outCol, values: outVal } = madeBy;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const onLoop = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  // Call stack: node, position in its inputs row, position in the current technique's outputs.
  const callNode = new Int32Array(n);
  const callP = new Int32Array(n);
  const callQ = new Int32Array(n);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callP[0] = inPtr[root];
    callQ[0] = -1;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      let descended = false;
      while (callP[depth] < inPtr[v + 1]) {
        const p = callP[depth];
        const j = inCol[p];
        if (inVal[p] <= 0) {
          callP[depth]++;
          continue;
        }
        if (callQ[depth] < 0) callQ[depth] = outPtr[j];
        while (callQ[depth] < outPtr[j + 1]) {
          const q = callQ[depth]++;
          if (outVal[q] <= 0) continue;
          const w = outCol[q];
          if (w === v) onLoop[v] = 1;
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = 1;
            depth++;
            callNode[depth] = w;
            callP[depth] = inPtr[w];
            callQ[depth] = -1;
            descended = true;
            break;
          } else if (onStack[w] && index[w] < low[v]) {
            low[v] = index[w];
          }
        }
        if (descended) break;
        callP[depth]++;
        callQ[depth] = -1;
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = components;
          size++;
        } while (w !== v);
        if (size > 1) {
          for (let k = sp; k < sp + size; k++) onLoop[stack[k]] = 1;
        }
        components++;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { component, onLoop };
}
