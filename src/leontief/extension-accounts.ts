import type { IoExtension } from '../model/import/types.js';
import type { CsrMatrix } from '../sparse/csr.js';
import type { ColumnSource, LuFactors } from '../sparse/index.js';
import { importStartParts, importStartResidual, multiplierResiduals } from './domestic-blocks.js';
import { solveMany, solveStream, worseStatus, type MultiSolve } from './solve.js';
import type { LeontiefOptions, LeontiefStatus, SolveReport, SpectralBounds } from './types.js';

/** The region structure of a multi-regional table, shared by all its extensions. */
export interface RegionLayout {
  /** Regions, sectors per region, final-demand categories per region. */
  readonly R: number;
  readonly ns: number;
  readonly C: number;
  /** Per region r: its final demand with categories summed (pymrio's Y_agg[:, r]), length n. */
  readonly yAgg: readonly Float64Array[];
  /** Per region r: L · yAgg[r], the gross output that region r's final demand requires. */
  readonly outputByRegion: readonly Float64Array[];
  /** Column sums of Y (length R · C). */
  readonly colSumY: Float64Array;
  /**
   * Per region r: LU factors of I − (Aᵀ)_rr (domestic-blocks.ts), for the starting points of the
   * import solves; absent (or undefined for a region): they start from zero.
   */
  readonly domestic?: readonly (LuFactors | undefined)[];
  /**
   * A in row form (the transpose of the Aᵀ the solves run over), with `domestic`: the import
   * solves' starting residuals are then found from region r's rows of A instead of by a product
   * (importStartResidual).
   */
  readonly A?: CsrMatrix;
}

/**
 * The accounts of one extension (stressors × products, dense row-major; `_reg` and `_cap`
 * stressors × regions). Names follow pymrio.
 */
export interface ExtensionAccounts extends SolveReport {
  readonly name: string;
  readonly stressors: IoExtension['stressors'];
  /** Number of stressors (rows). */
  readonly k: number;
  readonly F: Float64Array;
  readonly F_Y?: Float64Array;
  /** S = F diag(1/x): stressor per unit of gross output. */
  readonly S: Float64Array;
  /** S_Y = F_Y diag(1/colsum Y): direct stressor per unit of each final-demand column. */
  readonly S_Y?: Float64Array;
  /** M = S (I − A)⁻¹: stressor per unit of final demand (footprint multipliers). */
  readonly M: Float64Array;
  /** M_down = S (Gᵀ − I): downstream multipliers (pymrio's definition). */
  readonly M_down: Float64Array;
  /** Consumption-based accounts: column (r, s) = the footprint of region r's final demand for sector s. */
  readonly D_cba: Float64Array;
  /** Production-based accounts: S diag(x_tot), x_tot = L · rowsum(Y). */
  readonly D_pba: Float64Array;
  /** Imports embodied in region r's final demand for sector s (stressors occurring outside r). */
  readonly D_imp: Float64Array;
  /** Exports: S diag(x_exp), x_exp_i = output of i for final demand of other regions than i's. */
  readonly D_exp: Float64Array;
  readonly D_cba_reg: Float64Array;
  readonly D_pba_reg: Float64Array;
  readonly D_imp_reg: Float64Array;
  readonly D_exp_reg: Float64Array;
  /** Per capita (`_reg` / population); present when the table has population. */
  readonly D_cba_cap?: Float64Array;
  readonly D_pba_cap?: Float64Array;
  readonly D_imp_cap?: Float64Array;
  readonly D_exp_cap?: Float64Array;
}

/** Sums stressors × (regions × w) into stressors × regions. */
function perRegion(m: Float64Array, k: number, R: number, w: number, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(k * R);
  for (let q = 0; q < k; q++) {
    for (let r = 0; r < R; r++) {
      let s = 0;
      const base = q * R * w + r * w;
      for (let c = 0; c < w; c++) s += m[base + c];
      out[q * R + r] += s;
    }
  }
  return out;
}

function perCapita(reg: Float64Array, k: number, R: number, population: ArrayLike<number>): Float64Array {
  const out = new Float64Array(k * R);
  for (let q = 0; q < k; q++) for (let r = 0; r < R; r++) out[q * R + r] = reg[q * R + r] / population[r];
  return out;
}

/** The rows of S = F diag(1/x), one array per stressor (invX: 1/x, 0 where x is 0). */
export function stressorRows(e: IoExtension, invX: Float64Array): Float64Array[] {
  const n = invX.length;
  const rows: Float64Array[] = [];
  for (let q = 0; q < e.stressors.length; q++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) row[j] = e.F[q * n + j] * invX[j];
    rows.push(row);
  }
  return rows;
}

/** M = S (I − A)⁻¹ of an extension, each stressor's row x (I − A) = s solved as (I − Aᵀ) xᵀ = sᵀ over Aᵀ. */
export function solveMultipliers(e: IoExtension, At: CsrMatrix, rows: readonly Float64Array[], opts: LeontiefOptions): MultiSolve {
  return solveMany(At, rows, false, opts, { rows: e.stressors.map((s) => s.id), quantity: `the multiplier of extension ${e.name}`, key: 'M' });
}

/**
 * Computes one extension's accounts, given Aᵀ (the row systems x (I − A) = s are solved as
 * (I − Aᵀ) xᵀ = sᵀ, over Aᵀ formed once for all extensions and regions). Solves: k transposed solves for M, k solves with B for
 * M_down, and k · R transposed solves for the imports (S with one region's columns zeroed), so
 * that D_imp is a sum of non-negative terms, never a difference; or, given `imports`, takes D_imp
 * from there (importsByFinalDemand: n solves shared by all extensions) with how its solves went.
 */
export function extensionAccounts(
  e: IoExtension,
  At: CsrMatrix,
  B: CsrMatrix,
  invX: Float64Array,
  layout: RegionLayout,
  population: ArrayLike<number> | undefined,
  opts: LeontiefOptions,
  imports?: { readonly D_imp: Float64Array; readonly report: SolveReport },
  multipliers?: MultiSolve,
): ExtensionAccounts {
  const { R, ns, C, yAgg, outputByRegion, colSumY } = layout;
  const n = R * ns;
  const k = e.stressors.length;
  const F = e.F;

  const S = new Float64Array(k * n);
  const rows = stressorRows(e, invX);
  rows.forEach((row, q) => S.set(row, q * n));
  let S_Y: Float64Array | undefined;
  if (e.FY !== undefined) {
    const FY = e.FY;
    const RC = R * C;
    S_Y = new Float64Array(k * RC);
    for (let q = 0; q < k; q++) for (let c = 0; c < RC; c++) S_Y[q * RC + c] = colSumY[c] === 0 ? 0 : FY[q * RC + c] / colSumY[c];
  }

  let status = 'converged' as LeontiefStatus;
  let iterations = 0;
  let relativeResidual = 0;
  let spectralRadius: SpectralBounds | undefined;
  const note = (r: SolveReport): void => {
    status = worseStatus(status, r.status);
    iterations += r.iterations;
    relativeResidual = Math.max(relativeResidual, r.relativeResidual);
    if (r.spectralRadius !== undefined) spectralRadius = r.spectralRadius;
  };

  const label = { rows: e.stressors.map((s) => s.id) };
  const mSolve = multipliers ?? solveMultipliers(e, At, rows, opts);
  note(mSolve);
  const M = new Float64Array(k * n);
  for (let q = 0; q < k; q++) M.set(mSolve.x[q], q * n);

  const gSolve = solveMany(B, rows, false, opts, { ...label, quantity: `the downstream multiplier of extension ${e.name}`, key: 'M_down' });
  note(gSolve);
  const M_down = new Float64Array(k * n);
  for (let q = 0; q < k; q++) {
    const g = gSolve.x[q];
    const s = rows[q];
    for (let j = 0; j < n; j++) M_down[q * n + j] = g[j] - s[j];
  }

  // Output for final demand, total and for other regions than the producer's.
  const xTot = new Float64Array(n);
  const xExp = new Float64Array(n);
  for (let r = 0; r < R; r++) {
    const xr = outputByRegion[r];
    for (let i = 0; i < n; i++) {
      xTot[i] += xr[i];
      if (Math.floor(i / ns) !== r) xExp[i] += xr[i];
    }
  }

  const D_cba = new Float64Array(k * n);
  const D_imp = imports?.D_imp ?? new Float64Array(k * n);
  if (imports !== undefined) note(imports.report);
  const D_pba = new Float64Array(k * n);
  const D_exp = new Float64Array(k * n);
  for (let q = 0; q < k; q++) {
    for (let j = 0; j < n; j++) {
      D_pba[q * n + j] = S[q * n + j] * xTot[j];
      D_exp[q * n + j] = S[q * n + j] * xExp[j];
    }
  }
  // D_cba[q, (r, s)] = Σ_r' M[q, (r', s)] · yAgg[r][(r', s)].
  for (let r = 0; r < R; r++) {
    const y = yAgg[r];
    for (let q = 0; q < k; q++) {
      for (let s = 0; s < ns; s++) {
        let sum = 0;
        for (let r2 = 0; r2 < R; r2++) sum += M[q * n + r2 * ns + s] * y[r2 * ns + s];
        D_cba[q * n + r * ns + s] = sum;
      }
    }
  }
  // D_imp: the same with multipliers of S restricted to the stressors outside region r, each
  // solve started from M less region r's domestic part (see importStart); all regions' solves in
  // one stream over one product (a region's right-hand sides made when its block comes).
  if (imports === undefined) {
    const warm = mSolve.status === 'converged' ? layout.domestic : undefined;
    // The multipliers' own residuals, for the starts' residuals (one product for all stressors).
    const rowsOfA = layout.A;
    const eps = warm !== undefined && rowsOfA !== undefined ? multiplierResiduals(At, rows, mSolve.x) : undefined;
    /** The residual of the start last handed out, for `residual` (asked right after `start`). */
    let startResidual: { i: number; res: Float64Array } | undefined;
    // The (region, stressor) pairs whose stressor has an entry outside the region (else D_imp is 0).
    const pairs: number[] = [];
    for (let r = 0; r < R; r++) {
      for (let q = 0; q < k; q++) {
        const row = rows[q];
        let outside = false;
        for (let j = 0; j < n && !outside; j++) if (row[j] !== 0 && (j < r * ns || j >= (r + 1) * ns)) outside = true;
        if (outside) pairs.push(r * k + q);
      }
    }
    const source: ColumnSource = {
      count: pairs.length,
      column: (i) => {
        const r = Math.floor(pairs[i] / k);
        const o = Float64Array.from(rows[pairs[i] % k]);
        o.fill(0, r * ns, (r + 1) * ns);
        return o;
      },
      start: (i) => {
        const r = Math.floor(pairs[i] / k);
        const q = pairs[i] % k;
        const parts = importStartParts(mSolve.x[q], rows[q], r, ns, warm?.[r]);
        startResidual = parts === undefined || eps === undefined || rowsOfA === undefined ? undefined : { i, res: importStartResidual(eps[q], rows[q], parts.c, r, ns, rowsOfA) };
        return parts?.x0;
      },
      residual: (i) => (startResidual?.i === i ? startResidual.res : undefined),
      take: (i, m) => {
        const r = Math.floor(pairs[i] / k);
        const q = pairs[i] % k;
        const y = yAgg[r];
        for (let s = 0; s < ns; s++) {
          let sum = 0;
          for (let r2 = 0; r2 < R; r2++) sum += m[r2 * ns + s] * y[r2 * ns + s];
          D_imp[q * n + r * ns + s] = sum;
        }
      },
    };
    const sol = solveStream(At, source, false, opts, { ...label, quantity: `the imported multiplier of extension ${e.name}`, key: 'D_imp' });
    note(sol);
    if (sol.status !== 'converged') D_imp.fill(Number.NaN);
  }

  const D_cba_reg = perRegion(D_cba, k, R, ns);
  const D_pba_reg = perRegion(D_pba, k, R, ns);
  const D_imp_reg = perRegion(D_imp, k, R, ns);
  const D_exp_reg = perRegion(D_exp, k, R, ns);
  if (e.FY !== undefined) {
    perRegion(e.FY, k, R, C, D_cba_reg);
    perRegion(e.FY, k, R, C, D_pba_reg);
  }

  if (status === 'not-productive') {
    for (const a of [M, M_down, D_cba, D_pba, D_imp, D_exp, D_cba_reg, D_pba_reg, D_imp_reg, D_exp_reg]) a.fill(Number.NaN);
  }
  const acc: ExtensionAccounts = {
    status,
    iterations,
    relativeResidual,
    name: e.name,
    stressors: e.stressors,
    k,
    F,
    S,
    M,
    M_down,
    D_cba,
    D_pba,
    D_imp,
    D_exp,
    D_cba_reg,
    D_pba_reg,
    D_imp_reg,
    D_exp_reg,
    ...(e.FY === undefined ? {} : { F_Y: e.FY }),
    ...(S_Y === undefined ? {} : { S_Y }),
    ...(spectralRadius === undefined ? {} : { spectralRadius }),
    ...(population === undefined
      ? {}
      : {
          D_cba_cap: perCapita(D_cba_reg, k, R, population),
          D_pba_cap: perCapita(D_pba_reg, k, R, population),
          D_imp_cap: perCapita(D_imp_reg, k, R, population),
          D_exp_cap: perCapita(D_exp_reg, k, R, population),
        }),
  };
  return acc;
}
