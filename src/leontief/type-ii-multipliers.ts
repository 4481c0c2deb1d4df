import type { CsrMatrix } from '../sparse/csr.js';
import { closeModel, resolveClosure, type HouseholdClosure } from './closed-model.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
import { itemLabel, solveMany, worseStatus } from './solve.js';
import type { IoSystem, LeontiefOptions, SolveReport } from './types.js';
import { asSystem, checkSquare } from './validate.js';

/**
 * One quantity's multipliers, per item j (a unit of final demand for j), after Miller & Blair
 * (2009, section 6.2): the initial effect e_j, the first-round effect Σᵢ eᵢ a_ij, the
 * industrial-support effect (the rest of the open model's total), the consumption-induced effect
 * (what the households' spending of their income adds), and the ratios Type I = simple / initial
 * and Type II = total / initial (NaN where the initial effect is 0). Quantities are in their own
 * unit per unit of final demand.
 */
export interface QuantityMultipliers {
  /** 'output', the income row's name, or an extension row's name. */
  readonly name: string;
  readonly initial: Float64Array;
  readonly firstRound: Float64Array;
  readonly industrialSupport: Float64Array;
  readonly induced: Float64Array;
  /** Type I (open model): initial + first round + industrial support = Σᵢ eᵢ L_ij. */
  readonly simple: Float64Array;
  /** Type II (closed model): simple + induced. */
  readonly total: Float64Array;
  readonly typeI: Float64Array;
  readonly typeII: Float64Array;
}

export interface TypeIIResult extends SolveReport {
  readonly incomeName: string;
  /** Output first, then household income, then each extension row. */
  readonly quantities: readonly QuantityMultipliers[];
}

/**
 * Type I and Type II multipliers of output, household income and any coefficient rows (employment,
 * value added, emissions …), with the model closed with respect to households (`closeModel`).
 * Two solves over the open model (e L for every quantity) and two over the closed one. Household
 * income's Type II total is the households' row of the closed inverse, L̄_{n+1, j} (Miller & Blair
 * eq. 6.14); for the others it is Σ_{i ≤ n} eᵢ L̄_ij.
 */
export function typeIIMultipliers(sys: IoSystem | CsrMatrix, closure: HouseholdClosure, rows: CoefficientRows = [], opts: LeontiefOptions = {}): TypeIIResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const resolved = resolveClosure(s, closure, n);
  const extra = resolveRows(s, rows, n);
  const names = ['output', resolved.incomeName, ...extra.names];
  const es = [new Float64Array(n).fill(1), resolved.h, ...extra.rows];
  const label = { ...itemLabel(s), rows: names };
  const open = solveMany(s.A, es, true, opts, { ...label, quantity: 'the Type I multiplier', key: 'simple' });
  const Abar = closeModel(s.A, resolved);
  const closedRhs = es.map((e, q) => {
    const out = new Float64Array(n + 1);
    if (q === 1) out[n] = 1;
    else out.set(e);
    return out;
  });
  const closed = solveMany(Abar, closedRhs, true, opts, { quantity: 'the Type II multiplier', key: 'total', rows: names });
  // First-round effects Σᵢ eᵢ a_ij: one pass over A.
  const firstRound = es.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let p = s.A.rowPtr[i]; p < s.A.rowPtr[i + 1]; p++) {
      const j = s.A.colIdx[p];
      const a = s.A.values[p];
      es.forEach((e, q) => {
        firstRound[q][j] += e[i] * a;
      });
    }
  }
  const quantities = es.map((e, q): QuantityMultipliers => {
    const simple = open.x[q];
    const total = closed.x[q].subarray(0, n);
    const industrialSupport = new Float64Array(n);
    const induced = new Float64Array(n);
    const typeI = new Float64Array(n);
    const typeII = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      industrialSupport[j] = simple[j] - e[j] - firstRound[q][j];
      induced[j] = total[j] - simple[j];
      typeI[j] = e[j] === 0 ? Number.NaN : simple[j] / e[j];
      typeII[j] = e[j] === 0 ? Number.NaN : total[j] / e[j];
    }
    return { name: names[q], initial: Float64Array.from(e), firstRound: firstRound[q], industrialSupport, induced, simple, total: Float64Array.from(total), typeI, typeII };
  });
  const report: SolveReport = {
    status: worseStatus(open.status, closed.status),
    iterations: open.iterations + closed.iterations,
    relativeResidual: Math.max(open.relativeResidual, closed.relativeResidual),
    ...(open.spectralRadius !== undefined ? { spectralRadius: open.spectralRadius } : closed.spectralRadius !== undefined ? { spectralRadius: closed.spectralRadius } : {}),
  };
  return { ...report, incomeName: resolved.incomeName, quantities };
}
