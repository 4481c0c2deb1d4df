import { inputError } from '../model/errors.js';
import { sumOverflow } from './sum-overflow.js';
import { checkVector } from './validate.js';

export interface Effects {
  /** m_j y_j: the amount attributable to final demand for item j. */
  readonly perItem: Float64Array;
  /** m · y = Σ_j m_j y_j. */
  readonly total: number;
}

/**
 * The amounts behind a final demand: for multipliers m (per unit of final demand, from
 * `coefficientMultipliers`, `outputMultipliers` or `labourValues`) and final demand y,
 * per item m_j y_j and the total m · y, in the multipliers' unit.
 */
export function effects(m: ArrayLike<number>, y: ArrayLike<number>): Effects {
  const n = m.length;
  if (y.length !== n) throw inputError('wrong-length', `y must have ${n} entries, as many as the multipliers`, { path: ['y'] }, y.length);
  const yy = checkVector(y, n, 'y');
  const perItem = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const e = m[j] * yy[j];
    perItem[j] = e;
    total += e;
  }
  sumOverflow([['the total m · y', total]]);
  return { perItem, total };
}
