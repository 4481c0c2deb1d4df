import type { CsrMatrix } from '../sparse/csr.js';
import { resolveRow, type CoefficientRow } from './coefficient-rows.js';
import { itemLabel, solveOne, worseStatus } from './solve.js';
import { sumOverflow } from './sum-overflow.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

/** The labour-value identity for one final demand y: v · y = l · x where (I − A) x = y. */
export interface LabourIdentity {
  /** v · y: labour embodied in the final demand (its value). */
  readonly valueOfFinalDemand: number;
  /** l · x: labour performed to produce the gross output x. */
  readonly totalLabour: number;
  /** |v·y − l·x| / max(|l·x|, tiny). */
  readonly relativeDifference: number;
  /** The gross output x used. */
  readonly grossOutput: Float64Array;
}

export interface LabourValuesResult extends SolveReport {
  readonly name: string;
  /** l: direct labour per unit of gross output. */
  readonly direct: Float64Array;
  /** v = l (I − A)⁻¹: labour embodied per unit of each item, directly and indirectly. */
  readonly values: Float64Array;
  /** Present when a final demand was given. */
  readonly identity?: LabourIdentity;
}

export interface LabourValuesOptions extends LeontiefOptions {
  /** A final demand y for which to check v · y = l · x. */
  readonly finalDemand?: ArrayLike<number>;
}

/**
 * Labour values v = l (I − A)⁻¹ (Marx's values; Leontief's total labour coefficients): the labour,
 * in the labour row's unit (e.g. hours), embodied directly and indirectly in one unit of each item
 * (in that item's unit). Found by one transposed solve v (I − A) = l.
 *
 * With `finalDemand` y, also the identity v · y = l · x where x = (I − A)⁻¹ y: the value of the
 * final product equals the labour performed; both sides and their relative difference are returned.
 * Rescaling an item's unit by s rescales its value by s and leaves both sides unchanged.
 */
export function labourValues(sys: IoSystem | CsrMatrix, labourRow: CoefficientRow, opts: LabourValuesOptions = {}): LabourValuesResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const { name, row: l } = resolveRow(s, labourRow, n, 'labourRow');
  const y = opts.finalDemand === undefined ? undefined : checkVector(opts.finalDemand, n, 'finalDemand', s);
  const items = itemLabel(s);
  const r = solveOne(s.A, l, true, opts, { quantity: 'the labour value', key: 'values', ...items });
  const base = { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, name, direct: l, values: r.x };
  let result: LabourValuesResult = r.spectralRadius === undefined ? base : { ...base, spectralRadius: r.spectralRadius };
  if (y !== undefined) {
    const g = solveOne(s.A, y, false, opts, { quantity: 'the gross output', key: 'grossOutput', ...items });
    let vy = 0;
    let lx = 0;
    for (let j = 0; j < n; j++) {
      vy += r.x[j] * y[j];
      lx += l[j] * g.x[j];
    }
    sumOverflow([['v·y, the labour embodied in the final demand', vy], ['l·x, the labour performed for it', lx]]);
    const relativeDifference = Math.abs(vy - lx) / Math.max(Math.abs(lx), Number.MIN_VALUE);
    result = {
      ...result,
      status: worseStatus(result.status, g.status),
      iterations: result.iterations + g.iterations,
      relativeResidual: Math.max(result.relativeResidual, g.relativeResidual),
      identity: { valueOfFinalDemand: vy, totalLabour: lx, relativeDifference, grossOutput: g.x },
    };
  }
  return result;
}
