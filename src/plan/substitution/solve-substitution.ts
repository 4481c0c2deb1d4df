import type { CsrMatrix } from '../../sparse/csr.js';
import { matvecTransposed } from '../../sparse/matvec-transposed.js';
import { solveLeontief } from '../../sparse/solve-leontief.js';
import type { SolveOptions } from '../../sparse/solve-result.js';
import { transpose } from '../../sparse/transpose.js';
import type { SubstitutionResult, SubstitutionSystem } from './substitution-system.js';
import { validateSubstitutionSystem } from './validate-substitution-system.js';

export interface SubstitutionOptions {
  /** Final demand per product; gross outputs are computed for it (default: none). */
  readonly finalDemand?: Float64Array;
  /** Relative improvement below which a technique is not switched (default 1e-9). */
  readonly tolerance?: number;
  /** Largest number of policy-iteration rounds (default 100). */
  readonly maxIterations?: number;
  /** Options of the sparse solves (default tolerance 1e-12). */
  readonly solve?: SolveOptions;
}

/**
 * The least-cost choice of technique per product in a Leontief substitution system, by policy
 * iteration on valuations: fix a choice, solve p (I − A_choice) = l, let every product switch to a
 * technique that is cheaper at those valuations (l_j + Σ_k a_kj p_k < p_i), repeat until none is.
 * Each round lowers the valuations, so it ends after finitely many rounds (usually a handful).
 * Then the gross outputs x = (I − A_choice)⁻¹ y for the final demand y.
 *
 * The non-substitution theorem (Samuelson 1951; Arrow, Koopmans, Georgescu-Roegen): with one
 * primary resource, single-output techniques and constant returns, if the economy is productive
 * at all, one choice of techniques minimises the resource cost of every final demand y ≥ 0 at
 * once. So the choice and the valuations here do not depend on y, and p·y is the least total use
 * of the resource for y (the optimum of min l·x s.t. (B − A)x ≥ y, x ≥ 0, whose duals are p).
 *
 * The first choice is each product's technique with the least direct resource use per unit. A
 * choice whose system is not productive ends with status 'not-productive'.
 */
export function solveSubstitution(system: SubstitutionSystem, options: SubstitutionOptions = {}): SubstitutionResult {
  validateSubstitutionSystem(system, options.finalDemand);
  const n = system.products;
  const { techniqueProduct, output, primary } = system;
  const T = techniqueProduct.length;
  const tol = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 100;
  const solveOptions: SolveOptions = { tolerance: 1e-12, ...options.solve };
  // Per unit of output: inputs by technique (rows = techniques) and primary use.
  const byTechnique = transpose(system.inputs);
  const unitPrimary = new Float64Array(T);
  for (let j = 0; j < T; j++) unitPrimary[j] = primary[j] / output[j];

  const choice = new Int32Array(n).fill(-1);
  for (let j = 0; j < T; j++) {
    const i = techniqueProduct[j];
    if (choice[i] < 0 || unitPrimary[j] < unitPrimary[choice[i]]) choice[i] = j;
  }
  const cost = new Float64Array(T);
  let valuations: Float64Array;
  let residual: number;
  let iterations = 0;
  let status: SubstitutionResult['status'] = 'iteration-limit';
  let message: string | undefined;
  for (;;) {
    const AT = chosenTranspose(byTechnique, choice, output, n);
    const l = new Float64Array(n);
    for (let i = 0; i < n; i++) l[i] = unitPrimary[choice[i]];
    // p (I − A) = l  ⇔  (I − Aᵀ) pᵀ = lᵀ: a gather over the chosen techniques' rows.
    const solved = solveLeontief(AT, l, solveOptions);
    iterations++;
    if (solved.status !== 'converged') {
      status = solved.status === 'not-productive' ? 'not-productive' : 'not-converged';
      message = `the valuation solve for the choice of round ${iterations} ended ${solved.status}`;
      valuations = solved.x;
      residual = solved.relativeResidual;
      break;
    }
    valuations = solved.x;
    residual = solved.relativeResidual;
    // Cost of every technique per unit of output at these valuations.
    matvecTransposed(system.inputs, valuations, cost);
    let switched = 0;
    for (let j = 0; j < T; j++) {
      const cj = unitPrimary[j] + cost[j] / output[j];
      cost[j] = cj;
    }
    for (let j = 0; j < T; j++) {
      const i = techniqueProduct[j];
      const current = cost[choice[i]];
      if (cost[j] < current - tol * (1 + Math.abs(current))) {
        choice[i] = j;
        switched++;
      }
    }
    if (switched === 0) {
      status = 'optimal';
      break;
    }
    if (iterations >= maxIterations) {
      message = `still switching ${switched} techniques after ${iterations} rounds`;
      break;
    }
  }
  // Optimality residual: how much cheaper the cheapest technique is than the valuation.
  for (let j = 0; j < T; j++) {
    const i = techniqueProduct[j];
    const gapJ = (valuations[i] - cost[j]) / (1 + Math.abs(valuations[i]));
    if (status === 'optimal' && gapJ > residual) residual = gapJ;
  }
  const activity = new Float64Array(T);
  let grossOutput: Float64Array = new Float64Array(0);
  const y = options.finalDemand;
  if (y !== undefined && status === 'optimal') {
    const A = transpose(chosenTranspose(byTechnique, choice, output, n));
    const q = solveLeontief(A, y, solveOptions);
    grossOutput = q.x;
    residual = Math.max(residual, q.relativeResidual);
    if (q.status !== 'converged') {
      status = q.status === 'not-productive' ? 'not-productive' : 'not-converged';
      message = `the gross-output solve ended ${q.status}`;
    }
    for (let i = 0; i < n; i++) activity[choice[i]] = grossOutput[i] / output[choice[i]];
  }
  const result = { status, choice, valuations, grossOutput, activity, iterations, residual };
  return message === undefined ? result : { ...result, message };
}

/** A_choiceᵀ: row i holds the inputs per unit of output of the technique chosen for product i. */
function chosenTranspose(byTechnique: CsrMatrix, choice: Int32Array, output: Float64Array, n: number): CsrMatrix {
  const { rowPtr, colIdx, values } = byTechnique;
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + rowPtr[choice[i] + 1] - rowPtr[choice[i]];
  const idx = new Int32Array(ptr[n]);
  const val = new Float64Array(ptr[n]);
  for (let i = 0; i < n; i++) {
    const j = choice[i];
    const s = 1 / output[j];
    let q = ptr[i];
    for (let p = rowPtr[j]; p < rowPtr[j + 1]; p++) {
      idx[q] = colIdx[p];
      val[q++] = values[p] * s;
    }
  }
  return { rows: n, cols: n, rowPtr: ptr, colIdx: idx, values: val };
}
