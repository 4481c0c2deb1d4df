import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
import { itemLabel, solveOne, worseStatus } from './solve.js';
import type { IoSystem, LeontiefOptions, LeontiefStatus, SolveReport, SpectralBounds } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

/**
 * How a set of items is taken out of the economy (Miller & Blair 2009, section 12.2.5, after
 * Dietzenbacher & Lahr): `total` removes their rows and columns of A and their final demand (the
 * economy without them); `backward` removes their columns of A (they buy no intermediate inputs,
 * demand for them stays); `forward` removes their rows of the Ghosh allocation coefficients B (they
 * sell no intermediate output; the supply-side model driven by the primary inputs of the base
 * solution).
 */
export type ExtractionKind = 'total' | 'backward' | 'forward';

/** Before and after of one quantity: gross output summed over items, or an extension row. */
export interface ExtractionLoss {
  readonly name: string;
  readonly before: number;
  readonly after: number;
  /** before − after. */
  readonly loss: number;
  /** loss / before (NaN when before is 0). */
  readonly relative: number;
}

export interface ExtractionResult extends SolveReport {
  readonly kind: ExtractionKind;
  readonly extracted: readonly number[];
  /** Gross output per item before and after the extraction. */
  readonly xBefore: Float64Array;
  readonly xAfter: Float64Array;
  /** Gross output summed over items first, then one entry per coefficient row. */
  readonly losses: readonly ExtractionLoss[];
}

function checkItems(items: readonly number[], n: number, path: string): Uint8Array {
  const mark = new Uint8Array(n);
  items.forEach((i, k) => {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw inputError('unknown-id', `item index out of range 0…${n - 1}`, { path: [path, k] }, i);
    mark[i] = 1;
  });
  return mark;
}

/** A copy of m with the marked rows and/or columns set to zero (same structure). */
function zeroed(m: CsrMatrix, rows: Uint8Array | undefined, cols: Uint8Array | undefined): CsrMatrix {
  const values = Float64Array.from(m.values);
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      if (rows?.[i] === 1 || cols?.[m.colIdx[p]] === 1) values[p] = 0;
    }
  }
  return { ...m, values };
}

/** Ghosh allocation coefficients of the base solution: b_ij = a_ij x_j / x_i (0 where x_i = 0). */
function allocationOf(A: CsrMatrix, x: Float64Array): CsrMatrix {
  const values = new Float64Array(A.values.length);
  for (let i = 0; i < A.rows; i++) {
    const inv = x[i] === 0 ? 0 : 1 / x[i];
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) values[p] = A.values[p] * x[A.colIdx[p]] * inv;
  }
  return { ...A, values };
}

interface Prepared {
  readonly s: IoSystem;
  readonly n: number;
  readonly y: Float64Array;
  readonly names: readonly string[];
  readonly rows: readonly Float64Array[];
  readonly base: SolveReport & { readonly x: Float64Array };
  /** Primary inputs of the base solution, v_j = x_j (1 − Σᵢ a_ij), for the forward kind. */
  readonly v: Float64Array;
  readonly B: CsrMatrix;
}

function prepare(sys: IoSystem | CsrMatrix, y: ArrayLike<number>, rowsIn: CoefficientRows, opts: LeontiefOptions): Prepared {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const yy = checkVector(y, n, 'y', s);
  const { names, rows } = resolveRows(s, rowsIn, n);
  const base = solveOne(s.A, yy, false, opts, { quantity: 'the gross output', key: 'x', ...itemLabel(s) });
  const colSum = new Float64Array(n);
  for (let p = 0; p < s.A.rowPtr[n]; p++) colSum[s.A.colIdx[p]] += s.A.values[p];
  const v = new Float64Array(n);
  for (let j = 0; j < n; j++) v[j] = base.x[j] * (1 - colSum[j]);
  return { s, n, y: yy, names, rows, base, v, B: allocationOf(s.A, base.x) };
}

function lossOf(name: string, before: number, after: number): ExtractionLoss {
  const loss = before - after;
  return { name, before, after, loss, relative: before === 0 ? Number.NaN : loss / before };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function extractOne(p: Prepared, mark: Uint8Array, extracted: readonly number[], kind: ExtractionKind, opts: LeontiefOptions): ExtractionResult {
  const { s } = p;
  let after: SolveReport & { readonly x: Float64Array };
  const label = { quantity: 'the gross output after the extraction', key: 'x', ...itemLabel(s) };
  if (kind === 'forward') {
    after = solveOne(zeroed(p.B, mark, undefined), p.v, true, opts, label);
  } else {
    const A = kind === 'total' ? zeroed(s.A, mark, mark) : zeroed(s.A, undefined, mark);
    const y = kind === 'total' ? p.y.map((v, i) => (mark[i] === 1 ? 0 : v)) : p.y;
    after = solveOne(A, y, false, opts, label);
  }
  const sum = (x: Float64Array): number => x.reduce((a, b) => a + b, 0);
  const losses = [lossOf('output', sum(p.base.x), sum(after.x)), ...p.rows.map((r, k) => lossOf(p.names[k], dot(r, p.base.x), dot(r, after.x)))];
  const status: LeontiefStatus = worseStatus(p.base.status, after.status);
  const spectralRadius: SpectralBounds | undefined = p.base.spectralRadius ?? after.spectralRadius;
  return {
    status,
    iterations: p.base.iterations + after.iterations,
    relativeResidual: Math.max(p.base.relativeResidual, after.relativeResidual),
    ...(spectralRadius === undefined ? {} : { spectralRadius }),
    kind,
    extracted,
    xBefore: p.base.x,
    xAfter: after.x,
    losses: status === 'converged' ? losses : losses.map((l) => lossOf(l.name, Number.NaN, Number.NaN)),
  };
}

/**
 * Hypothetical extraction of a set of items (indices into A): gross output and every coefficient
 * row (employment, emissions …) before and after, with the loss, absolute and relative. The loss of
 * the total kind includes the extracted items' own output. Extracting nothing loses nothing.
 */
export function hypotheticalExtraction(
  sys: IoSystem | CsrMatrix,
  y: ArrayLike<number>,
  extracted: readonly number[],
  kind: ExtractionKind,
  rows: CoefficientRows = [],
  opts: LeontiefOptions = {},
): ExtractionResult {
  const p = prepare(sys, y, rows, opts);
  return extractOne(p, checkItems(extracted, p.n, 'extracted'), extracted, kind, opts);
}

/** One group's place in the ranking. */
export interface RankedExtraction {
  readonly name: string;
  readonly items: readonly number[];
  readonly losses: readonly ExtractionLoss[];
}

/**
 * Every group (by default every item on its own) extracted in turn, ranked by the gross-output loss,
 * largest first: the key sectors (or regions) by Dietzenbacher and Lahr's measure. One solve per
 * group, so meant for national tables or for groups such as regions of a multi-regional one.
 */
export function extractionRanking(
  sys: IoSystem | CsrMatrix,
  y: ArrayLike<number>,
  kind: ExtractionKind,
  groups?: readonly { readonly name: string; readonly items: readonly number[] }[],
  rows: CoefficientRows = [],
  opts: LeontiefOptions = {},
): SolveReport & { readonly ranking: readonly RankedExtraction[] } {
  const p = prepare(sys, y, rows, opts);
  const ids = p.s.items?.ids;
  const list = groups ?? Array.from({ length: p.n }, (_, i) => ({ name: ids?.[i] ?? String(i), items: [i] }));
  let status: LeontiefStatus = p.base.status;
  let iterations = p.base.iterations;
  let relativeResidual = p.base.relativeResidual;
  let spectralRadius = p.base.spectralRadius;
  const ranking: RankedExtraction[] = [];
  for (const [g, group] of list.entries()) {
    const r = extractOne(p, checkItems(group.items, p.n, `groups[${g}].items`), group.items, kind, opts);
    status = worseStatus(status, r.status);
    iterations += r.iterations - p.base.iterations;
    relativeResidual = Math.max(relativeResidual, r.relativeResidual);
    spectralRadius ??= r.spectralRadius;
    ranking.push({ name: group.name, items: group.items, losses: r.losses });
    if (status !== 'converged') break;
  }
  ranking.sort((a, b) => b.losses[0].loss - a.losses[0].loss);
  return { status, iterations, relativeResidual, ...(spectralRadius === undefined ? {} : { spectralRadius }), ranking };
}
