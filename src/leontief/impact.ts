import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
import { itemLabel, solveOne } from './solve.js';
import { sumOverflow } from './sum-overflow.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

/** The change of one coefficient row's quantity (labour, value added, emissions …). */
export interface RowImpact {
  readonly name: string;
  /** c_j Δx_j: change where it occurs, by producing item j. */
  readonly perItem: Float64Array;
  /** Σ_j c_j Δx_j (equal to m · Δy with m = c (I − A)⁻¹). */
  readonly total: number;
}

export interface ImpactResult extends SolveReport {
  /** Δy = y1 − y0. */
  readonly deltaFinalDemand: Float64Array;
  /** Δx = (I − A)⁻¹ Δy: change of gross output per item (its unit); NaN when the solve did not converge (see `status`). */
  readonly deltaOutput: Float64Array;
  /** Σ_i Δx_i (meaningful when all items share one unit). */
  readonly totalDeltaOutput: number;
  /** One entry per coefficient row. */
  readonly rows: readonly RowImpact[];
}

export interface ImpactOptions extends LeontiefOptions {
  /** Coefficient rows to report (default: every row of `sys.primary`, if any). */
  readonly rows?: CoefficientRows;
}

/**
 * Impact of a change of final demand from y0 to y1: Δx = (I − A)⁻¹ (y1 − y0) by one solve (the
 * model is linear, so only the difference is solved), and for each coefficient row c the change
 * c_j Δx_j per producing item and its total.
 */
export function impact(sys: IoSystem | CsrMatrix, y0: ArrayLike<number>, y1: ArrayLike<number>, opts: ImpactOptions = {}): ImpactResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const a = checkVector(y0, n, 'y0', s);
  const b = checkVector(y1, n, 'y1', s);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) dy[i] = b[i] - a[i];
  const rowsSpec = opts.rows ?? (s.primary !== undefined && s.resources !== undefined ? s.resources.ids : []);
  const resolved = resolveRows(s, rowsSpec, n);
  const r = solveOne(s.A, dy, false, opts, { quantity: 'the change of gross output', key: 'deltaOutput', ...itemLabel(s) });
  const dx = r.x;
  let totalDeltaOutput = 0;
  for (let i = 0; i < n; i++) totalDeltaOutput += dx[i];
  const rows = resolved.rows.map((c, k) => {
    const perItem = new Float64Array(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const e = c[j] * dx[j];
      perItem[j] = e;
      total += e;
    }
    return { name: resolved.names[k], perItem, total };
  });
  sumOverflow([['the total change of gross output', totalDeltaOutput], ...rows.map((row): [string, number] => [`the total change of ${row.name}`, row.total])]);
  const base = {
    status: r.status,
    iterations: r.iterations,
    relativeResidual: r.relativeResidual,
    deltaFinalDemand: dy,
    deltaOutput: dx,
    totalDeltaOutput,
    rows,
  };
  return r.spectralRadius === undefined ? base : { ...base, spectralRadius: r.spectralRadius };
}
