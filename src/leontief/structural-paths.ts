import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { transpose } from '../sparse/transpose.js';
import { resolveRow, type CoefficientRow } from './coefficient-rows.js';
import { itemLabel, solveOne } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

/** One supply chain: final demand for items[0], which buys from items[1], …, where the stressor occurs at the last. */
export interface StructuralPath {
  readonly items: readonly number[];
  /** s_{j_t} a_{j_t j_{t−1}} ⋯ a_{j_1 j_0} y_{j_0}: the stressor at the path's end caused by it. */
  readonly value: number;
  /** value / total. */
  readonly share: number;
}

export interface StructuralPathOptions {
  /** How many paths to list, largest first (default 100). */
  readonly maxPaths?: number;
  /** Paths below this share of the total are not listed (default 0). */
  readonly threshold?: number;
  /** The most steps up the supply chain (default 10; depth 0 is the final demand's own item). */
  readonly maxDepth?: number;
  /** The most tree nodes the search may hold (default 5,000,000); beyond it the search stops, `complete` false. */
  readonly maxNodes?: number;
}

export interface StructuralPathsResult extends SolveReport {
  /** s (I − A)⁻¹ y: the footprint the paths decompose. */
  readonly total: number;
  readonly paths: readonly StructuralPath[];
  /** Σ listed values / total. */
  readonly covered: number;
  /** Tree nodes the search expanded. */
  readonly expanded: number;
  /** false when the search stopped at maxNodes before it could prove the list is the largest. */
  readonly complete: boolean;
}

/** A binary max-heap of node indices keyed by a number. */
class MaxHeap {
  private keys = new Float64Array(1024);
  private ids = new Int32Array(1024);
  size = 0;
  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const d = new Int32Array(this.size * 2);
      d.set(this.ids);
      this.ids = d;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] >= key) break;
      this.keys[i] = this.keys[p];
      this.ids[i] = this.ids[p];
      i = p;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }
  topKey(): number {
    return this.keys[0];
  }
  pop(): number {
    const top = this.ids[0];
    const key = this.keys[--this.size];
    const id = this.ids[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] > this.keys[c]) c++;
      if (this.keys[c] <= key) break;
      this.keys[i] = this.keys[c];
      this.ids[i] = this.ids[c];
      i = c;
    }
    this.keys[i] = key;
    this.ids[i] = id;
    return top;
  }
}

/**
 * Structural path analysis (Defourny & Thorbecke 1984; Lenzen 2003's best-first search): the
 * largest terms of the expansion s (I + A + A² + …) y, each a supply chain from a final demand to the
 * item where the stressor occurs. The search expands the tree of chains best-first by the chain's
 * whole subtree value (prefix · M_j with M = s (I − A)⁻¹, one transposed solve), so it stops as soon
 * as no unexplored chain can beat the listed ones: the list is exactly the largest paths within the
 * depth. Needs s ≥ 0 and A ≥ 0; chains start at the items with positive final demand.
 */
export function structuralPaths(
  sys: IoSystem | CsrMatrix,
  intensity: CoefficientRow,
  y: ArrayLike<number>,
  options: StructuralPathOptions = {},
  opts: LeontiefOptions = {},
): StructuralPathsResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const { row: sv } = resolveRow(s, intensity, n, 'intensity');
  const yy = checkVector(y, n, 'y', s);
  const maxPaths = options.maxPaths ?? 100;
  const threshold = options.threshold ?? 0;
  const maxDepth = options.maxDepth ?? 10;
  const maxNodes = options.maxNodes ?? 5_000_000;
  if (!(Number.isInteger(maxPaths) && maxPaths >= 1)) throw inputError('bad-option', 'maxPaths must be a positive integer', { path: ['maxPaths'] }, maxPaths);
  if (!(threshold >= 0 && threshold < 1)) throw inputError('bad-option', 'threshold must be a share at least 0 and below 1', { path: ['threshold'] }, threshold);
  if (!(Number.isInteger(maxDepth) && maxDepth >= 0)) throw inputError('bad-option', 'maxDepth must be a non-negative integer', { path: ['maxDepth'] }, maxDepth);
  for (let i = 0; i < n; i++) if (sv[i] < 0) throw inputError('negative', 'structural paths need a non-negative intensity', { path: ['intensity', i] }, sv[i]);
  for (let p = 0; p < s.A.rowPtr[n]; p++) if (s.A.values[p] < 0) throw inputError('negative', 'structural paths need non-negative coefficients', { path: ['A', p] }, s.A.values[p]);

  const solved = solveOne(s.A, sv, true, opts, { quantity: 'the multiplier', key: 'M', ...itemLabel(s) });
  const report = { status: solved.status, iterations: solved.iterations, relativeResidual: solved.relativeResidual, ...(solved.spectralRadius === undefined ? {} : { spectralRadius: solved.spectralRadius }) };
  if (solved.status !== 'converged') return { ...report, total: Number.NaN, paths: [], covered: Number.NaN, expanded: 0, complete: false };
  const M = solved.x;
  let total = 0;
  for (let j = 0; j < n; j++) total += M[j] * yy[j];

  const At = transpose(s.A); // row j: the inputs of j, (i, a_ij)
  // Tree nodes: prefix value, item, depth, parent (−1 for a root).
  let cap = 1024;
  let prefix = new Float64Array(cap);
  let item = new Int32Array(cap);
  let depth = new Int32Array(cap);
  let parent = new Int32Array(cap);
  let nodes = 0;
  const add = (pv: number, it: number, d: number, par: number): number => {
    if (nodes === cap) {
      cap *= 2;
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (k: number) => T): T => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      prefix = grow(prefix, (k) => new Float64Array(k));
      item = grow(item, (k) => new Int32Array(k));
      depth = grow(depth, (k) => new Int32Array(k));
      parent = grow(parent, (k) => new Int32Array(k));
    }
    prefix[nodes] = pv;
    item[nodes] = it;
    depth[nodes] = d;
    parent[nodes] = par;
    return nodes++;
  };
  const floor = threshold * total;
  // The listed paths: a min-heap by value of at most maxPaths entries (kept as parallel arrays, small).
  const best: { value: number; node: number }[] = [];
  const kth = (): number => (best.length < maxPaths ? floor : best[0].value);
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= best.length) break;
      if (c + 1 < best.length && best[c + 1].value < best[c].value) c++;
      if (best[c].value >= best[i].value) break;
      [best[c], best[i]] = [best[i], best[c]];
      i = c;
    }
  };
  const list = (value: number, node: number): void => {
    if (best.length < maxPaths) {
      best.push({ value, node });
      for (let i = best.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (best[p].value <= best[i].value) break;
        [best[p], best[i]] = [best[i], best[p]];
        i = p;
      }
    } else {
      best[0] = { value, node };
      siftDown();
    }
  };

  const heap = new MaxHeap();
  for (let j = 0; j < n; j++) {
    if (yy[j] > 0 && yy[j] * M[j] > floor) heap.push(yy[j] * M[j], add(yy[j], j, 0, -1));
  }
  let expanded = 0;
  let complete = true;
  while (heap.size > 0 && heap.topKey() > kth()) {
    if (nodes >= maxNodes) {
      complete = false;
      break;
    }
    const v = heap.pop();
    expanded++;
    const j = item[v];
    const own = prefix[v] * sv[j];
    if (own > kth() && own > 0) list(own, v);
    if (depth[v] >= maxDepth) continue;
    for (let p = At.rowPtr[j]; p < At.rowPtr[j + 1]; p++) {
      const i = At.colIdx[p];
      const pv = prefix[v] * At.values[p];
      const tv = pv * M[i];
      if (tv > kth()) heap.push(tv, add(pv, i, depth[v] + 1, v));
    }
  }
  best.sort((a, b) => b.value - a.value);
  const paths = best.map(({ value, node }) => {
    const items: number[] = [];
    for (let k = node; k >= 0; k = parent[k]) items.push(item[k]);
    return { items: items.reverse(), value, share: total === 0 ? Number.NaN : value / total };
  });
  const covered = paths.reduce((acc, p) => acc + p.value, 0) / total;
  return { ...report, total, paths, covered, expanded, complete };
}
