import type { CompiledEconomy } from '../compile/types.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { matvec, transpose } from '../sparse/index.js';
import type {
  BlockageChain,
  BlockageOptions,
  BlockageReport,
  BlockageRule,
  BlockageStep,
  BlockedTarget,
  BlockedTechnique,
} from './blockage-types.js';
import { targetInPeriod } from './final-use.js';
import { itemComponents } from './item-components.js';
import type { BalanceReport } from './types.js';

const FRACTION_STEP = 1e-12;

/** Targets of the period grouped by item (CSR-like), each group by priority tier, then index. */
function targetsByItem(c: CompiledEconomy, period: number): { ptr: Int32Array; list: Int32Array } {
  const n = c.items.ids.length;
  const { item, priority } = c.targets;
  const ptr = new Int32Array(n + 1);
  const picked: number[] = [];
  for (let t = 0; t < item.length; t++) {
    if (item[t] < 0 || !targetInPeriod(c, t, period)) continue;
    picked.push(t);
    ptr[item[t] + 1]++;
  }
  for (let i = 0; i < n; i++) ptr[i + 1] += ptr[i];
  picked.sort((a, b) => item[a] - item[b] || priority[a] - priority[b] || a - b);
  return { ptr, list: Int32Array.from(picked) };
}

/** Per item: the claims of the techniques on a loop with it, and all other claims. */
interface Claims {
  readonly loop: Float64Array;
  readonly other: Float64Array;
}

/** Shares granted from a supply: loop claims first, then the others (see blockage-types.ts). */
function grant(supply: Float64Array, claims: Claims, tol: number, loopShare: Float64Array, share: Float64Array): void {
  for (let i = 0; i < supply.length; i++) {
    const s = supply[i];
    const dl = claims.loop[i];
    const sl = dl > 0 && s < dl * (1 - tol) ? s / dl : 1;
    const rest = Math.max(0, s - sl * dl);
    const d = claims.other[i];
    loopShare[i] = sl;
    share[i] = d > 0 && rest < d * (1 - tol) ? rest / d : 1;
  }
}

/**
 * The greatest fixed point of the rationing propagation (see blockage-types.ts): per technique
 * the fraction of its plan it can run, per item the granted shares, and the limiting input.
 * `loopEntry` marks the entries of `c.inputs` whose technique is on a loop with the item.
 */
function propagate(
  c: CompiledEconomy,
  activity: Float64Array,
  imports: Float64Array,
  claims: Claims,
  loopEntry: Uint8Array,
  tol: number,
  maxIterations: number,
): { fraction: Float64Array; share: Float64Array; loopShare: Float64Array; limiting: Int32Array; supply: Float64Array; iterations: number; converged: boolean } {
  const n = imports.length;
  const t = activity.length;
  const { rowPtr, colIdx, values } = c.inputs;
  const fraction = new Float64Array(t).fill(1);
  const next = new Float64Array(t);
  const limiting = new Int32Array(t).fill(-1);
  const run = new Float64Array(t);
  const supply = new Float64Array(n);
  const share = new Float64Array(n);
  const loopShare = new Float64Array(n);
  const settle = (): void => {
    for (let j = 0; j < t; j++) run[j] = fraction[j] * activity[j];
    matvec(c.outputs, run, supply);
    for (let i = 0; i < n; i++) supply[i] += imports[i];
    grant(supply, claims, tol, loopShare, share);
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    settle();
    next.fill(1);
    limiting.fill(-1);
    for (let i = 0; i < n; i++) {
      if (share[i] >= 1 && loopShare[i] >= 1) continue;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = colIdx[p];
        const s = loopEntry[p] === 1 ? loopShare[i] : share[i];
        if (values[p] > 0 && s < next[j]) {
          next[j] = s;
          limiting[j] = i;
        }
      }
    }
    let change = 0;
    for (let j = 0; j < t; j++) {
      if (activity[j] === 0) {
        next[j] = 1;
        limiting[j] = -1;
      }
      const d = fraction[j] - next[j];
      if (d > change) change = d;
      fraction[j] = next[j];
    }
    if (change <= FRACTION_STEP) {
      converged = true;
      break;
    }
  }
  if (!converged) settle();
  return { fraction, share, loopShare, limiting, supply, iterations, converged };
}

/** Covered amount per target: by priority tier after the techniques' claims, or proportionally. */
function coverTargets(
  c: CompiledEconomy,
  byItem: { ptr: Int32Array; list: Int32Array },
  rule: BlockageRule,
  supply: Float64Array,
  share: Float64Array,
  loopShare: Float64Array,
  claims: Claims,
): Float64Array {
  const covered = new Float64Array(c.targets.item.length);
  const { amount, priority } = c.targets;
  const { ptr, list } = byItem;
  for (let i = 0; i + 1 < ptr.length; i++) {
    if (ptr[i] === ptr[i + 1]) continue;
    if (rule === 'proportional') {
      for (let k = ptr[i]; k < ptr[i + 1]; k++) covered[list[k]] = share[i] * amount[list[k]];
      continue;
    }
    let left = Math.max(0, supply[i] - loopShare[i] * claims.loop[i] - share[i] * claims.other[i]);
    let k = ptr[i];
    while (k < ptr[i + 1]) {
      let end = k;
      let tier = 0;
      while (end < ptr[i + 1] && priority[list[end]] === priority[list[k]]) tier += amount[list[end++]];
      const s = tier > 0 ? Math.min(1, left / tier) : 1;
      for (let q = k; q < end; q++) covered[list[q]] = s * amount[list[q]];
      left = Math.max(0, left - s * tier);
      k = end;
    }
  }
  return covered;
}

/** Position of entry (row, col) in a CSR matrix, or −1. */
function entry(m: CsrMatrix, row: number, col: number): number {
  for (let p = m.rowPtr[row]; p < m.rowPtr[row + 1]; p++) if (m.colIdx[p] === col) return p;
  return -1;
}

/** Marks the entries (i, j) of `c.inputs` where technique j makes an item on a loop with item i. */
function loopEntries(c: CompiledEconomy, madeBy: CsrMatrix): Uint8Array {
  const { component, onLoop } = itemComponents(c, madeBy);
  const { rowPtr, colIdx } = c.inputs;
  const mark = new Uint8Array(colIdx.length);
  for (let i = 0; i < rowPtr.length - 1; i++) {
    if (onLoop[i] === 0) continue;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIdx[p];
      for (let q = madeBy.rowPtr[j]; q < madeBy.rowPtr[j + 1]; q++) {
        if (madeBy.values[q] > 0 && component[madeBy.colIdx[q]] === component[i]) {
          mark[p] = 1;
          break;
        }
      }
    }
  }
  return mark;
}

// The structure of an economy does not change: its transposed outputs and loop marks are kept
// per compiled economy (weakly: they go when the economy goes).
const madeByCache = new WeakMap<CompiledEconomy, CsrMatrix>();
const loopCache = new WeakMap<CompiledEconomy, Uint8Array>();

function madeByOf(c: CompiledEconomy): CsrMatrix {
  let m = madeByCache.get(c);
  if (m === undefined) {
    m = transpose(c.outputs); // techniques × items
    madeByCache.set(c, m);
  }
  return m;
}

function loopEntriesOf(c: CompiledEconomy, madeBy: CsrMatrix): Uint8Array {
  let m = loopCache.get(c);
  if (m === undefined) {
    m = loopEntries(c, madeBy);
    loopCache.set(c, m);
  }
  return m;
}

/** Supply that does not come from production in the period: imports and stock drawn. */
function outsideSupply(imports: Float64Array, fromStock: Float64Array): Float64Array {
  const out = Float64Array.from(imports);
  for (let i = 0; i < out.length; i++) out[i] += fromStock[i];
  return out;
}

/**
 * What the deficits of a balance report block: which targets go short and which techniques
 * cannot run as planned, transitively along the chains of supply, under the rationing model
 * described in blockage-types.ts. Pure: returns data, prints nothing.
 */
export function blockedByDeficits(report: BalanceReport, options: BlockageOptions = {}): BlockageReport {
  const rule = options.rule ?? 'priority';
  const maxIterations = options.maxIterations ?? 1000;
  const maxSteps = options.maxSteps ?? 500;
  const c = report.economy;
  const tol = report.tolerance;
  const items = report.items;
  const activity = report.techniques.activity;
  const n = items.gap.length;
  const nt = activity.length;

  const madeBy = madeByOf(c);
  const loopEntry =
    options.loopsFirst === false || report.deficits.length === 0 ? new Uint8Array(c.inputs.colIdx.length) : loopEntriesOf(c, madeBy);
  const loop = new Float64Array(n);
  const other = new Float64Array(n);
  {
    const { rowPtr, colIdx, values } = c.inputs;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) if (loopEntry[p] === 1) s += values[p] * activity[colIdx[p]];
      loop[i] = s;
      other[i] = Math.max(0, items.intermediate[i] - s) + items.exports[i] + items.toStock[i] + (rule === 'proportional' ? items.final[i] : 0);
    }
  }
  const claims: Claims = { loop, other };
  const { fraction, share, loopShare, limiting, supply, iterations, converged } = propagate(c, activity, outsideSupply(items.imports, items.fromStock), claims, loopEntry, tol, maxIterations);

  const run = new Float64Array(nt);
  for (let j = 0; j < nt; j++) run[j] = fraction[j] * activity[j];
  const output = matvec(c.outputs, run, new Float64Array(n));
  const used = matvec(c.inputs, run, new Float64Array(n));
  const lostOutput = new Float64Array(n);
  const idle = new Float64Array(n);
  const shortfall = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lostOutput[i] = Math.max(0, items.output[i] - output[i]);
    const allotted = loopShare[i] * loop[i] + share[i] * Math.max(0, items.intermediate[i] - loop[i]);
    idle[i] = Math.max(0, allotted - used[i]);
    const s = items.use[i] - supply[i];
    shortfall[i] = s > tol * items.use[i] ? s : 0;
  }

  const byItem = targetsByItem(c, report.period);
  const covered = coverTargets(c, byItem, rule, supply, share, loopShare, claims);

  const blockedTechnique = (j: number): BlockedTechnique => {
    const i = limiting[j];
    const p = entry(c.inputs, i, j);
    const granted = loopEntry[p] === 1 ? loopShare[i] : share[i];
    return {
      technique: j,
      id: c.techniques.ids[j],
      planned: activity[j],
      allowed: run[j],
      fraction: fraction[j],
      reason: i,
      reasonId: c.items.ids[i],
      missing: c.inputs.values[p] * activity[j] * (1 - granted),
    };
  };
  const targetShort = (t: number): boolean => c.targets.amount[t] - covered[t] > tol * c.targets.amount[t];
  const blockedTarget = (t: number): BlockedTarget => {
    const i = c.targets.item[t];
    return {
      target: t,
      item: i,
      itemId: c.items.ids[i],
      priority: c.targets.priority[t],
      amount: c.targets.amount[t],
      covered: covered[t],
      shortfall: c.targets.amount[t] - covered[t],
    };
  };

  const techniques: BlockedTechnique[] = [];
  for (let j = 0; j < nt; j++) if (limiting[j] >= 0 && activity[j] > 0 && fraction[j] < 1) techniques.push(blockedTechnique(j));
  techniques.sort((a, b) => a.fraction - b.fraction || a.technique - b.technique);
  const targets: BlockedTarget[] = [];
  for (let k = 0; k < byItem.list.length; k++) if (targetShort(byItem.list[k])) targets.push(blockedTarget(byItem.list[k]));
  targets.sort((a, b) => a.priority - b.priority || b.shortfall - a.shortfall || a.target - b.target);

  // Chains: depth-first from each root deficit.
  const seenItem = new Int32Array(n).fill(-1);
  const seenTechnique = new Int32Array(nt).fill(-1);
  const chains: BlockageChain[] = [];
  for (let r = 0; r < report.deficits.length; r++) {
    const root = report.deficits[r];
    const steps: BlockageStep[] = [];
    let truncated = false;
    type Pending = { kind: 'item'; item: number; depth: number; lost: number; cause: number } | { kind: 'technique'; technique: number; depth: number };
    const stack: Pending[] = [{ kind: 'item', item: root, depth: 0, lost: 0, cause: -1 }];
    seenItem[root] = r;
    while (stack.length > 0) {
      if (steps.length >= maxSteps) {
        truncated = true;
        break;
      }
      const top = stack.pop() as Pending;
      if (top.kind === 'technique') {
        const j = top.technique;
        steps.push({ kind: 'technique', depth: top.depth, ...blockedTechnique(j) });
        const children: Pending[] = [];
        for (let p = madeBy.rowPtr[j]; p < madeBy.rowPtr[j + 1]; p++) {
          const k = madeBy.colIdx[p];
          if (seenItem[k] === r || madeBy.values[p] <= 0) continue;
          if (shortfall[k] <= 0 && share[k] >= 1 && loopShare[k] >= 1) continue;
          seenItem[k] = r;
          children.push({ kind: 'item', item: k, depth: top.depth + 1, lost: madeBy.values[p] * (activity[j] - run[j]), cause: j });
        }
        for (let q = children.length - 1; q >= 0; q--) stack.push(children[q]);
        continue;
      }
      const i = top.item;
      steps.push({
        kind: 'item',
        depth: top.depth,
        item: i,
        id: c.items.ids[i],
        shortfall: top.cause < 0 ? Math.max(-items.gap[i], shortfall[i]) : shortfall[i],
        lost: top.lost,
        cause: top.cause,
      });
      for (let k = byItem.ptr[i]; k < byItem.ptr[i + 1]; k++) {
        const tg = byItem.list[k];
        if (targetShort(tg) && steps.length < maxSteps) steps.push({ kind: 'target', depth: top.depth + 1, ...blockedTarget(tg) });
      }
      const children: Pending[] = [];
      for (let p = c.inputs.rowPtr[i]; p < c.inputs.rowPtr[i + 1]; p++) {
        const j = c.inputs.colIdx[p];
        if (limiting[j] !== i || fraction[j] >= 1 || activity[j] === 0 || seenTechnique[j] === r) continue;
        seenTechnique[j] = r;
        children.push({ kind: 'technique', technique: j, depth: top.depth + 1 });
      }
      for (let q = children.length - 1; q >= 0; q--) stack.push(children[q]);
    }
    chains.push({ root, id: c.items.ids[root], deficit: -items.gap[root], steps, truncated: truncated || stack.length > 0 });
  }

  return {
    rule,
    status: converged ? 'converged' : 'max-iterations',
    iterations,
    share,
    loopShare,
    fraction,
    limitingItem: limiting,
    supply,
    lostOutput,
    idle,
    techniques,
    targets,
    chains,
  };
}
