import { inputError } from '../model/errors.js';
import type { IoExtension, IoTable } from '../model/import/types.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { transpose } from '../sparse/transpose.js';
import { denseLeontiefInverse } from './dense-inverse.js';
import { DOMESTIC_BLOCK_MAX, domesticBlockFactors } from './domestic-blocks.js';
import { extensionAccounts, solveMultipliers, stressorRows, type ExtensionAccounts, type RegionLayout } from './extension-accounts.js';
import { importSolveCounts, importsByFinalDemand, type ImportsSolved } from './imports-by-final-demand.js';
import { solveMany, worseStatus, type MultiSolve } from './solve.js';
import { DEFAULT_MAX_DENSE_INVERSE, type LeontiefOptions, type LeontiefStatus, type SolveReport, type SpectralBounds } from './types.js';

export interface MrioOptions extends LeontiefOptions {
  /**
   * Form the dense inverses L and G. Default: when n ≤ maxDenseInverse. Asking for them above
   * that size is refused with an InputError.
   */
  readonly denseInverses?: boolean;
  /**
   * How D_imp is solved for: 'stressors', R · k transposed solves per extension (the multiplier of
   * each stressor outside each region); 'final-demand', n solves shared by all extensions (the
   * output each region's final demand for each product requires, pymrio's x_diag, region by
   * region); 'auto' (default): the one with fewer solves (final demand when the extensions have
   * more stressors together than a region has sectors).
   */
  readonly importSolves?: 'auto' | 'stressors' | 'final-demand';
}

/**
 * The accounts of a multi-regional input–output table, as pymrio defines them (`calc_all`).
 * Products are region-major (product k = r · sectors + s); matrices are dense row-major unless
 * they are CSR; `k` is the number of stressors of an extension, R of regions, n of products.
 */
export interface MrioAccounts extends SolveReport {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly categories: readonly string[];
  /** Per product: its region and sector (the row and column labels of Z, A, L …). */
  readonly products: readonly { readonly region: string; readonly sector: string }[];
  readonly n: number;
  /** Gross output: the table's x if it states one, else rowsum(Z) + rowsum(Y). */
  readonly x: Float64Array;
  /** A = Z diag(1/x), 1/0 → 0 (n × n). */
  readonly A: CsrMatrix;
  /** Ghosh allocation coefficients B = diag(1/x) Z, 1/0 → 0 (n × n). */
  readonly B: CsrMatrix;
  /** L = (I − A)⁻¹, dense n × n, only when dense inverses are formed. */
  readonly L?: Float64Array;
  /** G = (I − B)⁻¹, dense n × n, only when dense inverses are formed. */
  readonly G?: Float64Array;
  /** One entry per extension (or the one asked for). */
  readonly extensions: readonly ExtensionAccounts[];
}

function checkLength(a: ArrayLike<number>, expected: number, file: string, what: string): void {
  if (a.length !== expected) {
    throw inputError('wrong-shape', `${what} has ${a.length} entries, expected ${expected}`, { file, path: [what] }, a.length);
  }
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw inputError('not-finite', `${what} has a non-finite entry`, { file, path: [what, i] }, a[i]);
  }
}

function checkTable(t: IoTable, extensions: readonly IoExtension[]): void {
  const R = t.regions.length;
  const n = R * t.sectors.length;
  const RC = R * t.categories.length;
  const file = t.name;
  if (R === 0 || t.sectors.length === 0) throw inputError('empty', 'the table has no regions or no sectors', { file }, `${R} × ${t.sectors.length}`);
  checkLength(t.Z, n * n, file, 'Z');
  checkLength(t.Y, n * RC, file, 'Y');
  if (t.x !== undefined) checkLength(t.x, n, file, 'x');
  if (t.population !== undefined) checkLength(t.population, R, file, 'population');
  for (const e of extensions) {
    checkLength(e.F, e.stressors.length * n, file, `${e.name}.F`);
    if (e.FY !== undefined) checkLength(e.FY, e.stressors.length * RC, file, `${e.name}.F_Y`);
  }
}

/**
 * All accounts of a multi-regional table, as pymrio computes them (definitions in pymrio's
 * `calc_all`): x, A, L (small n only), B and G (Ghosh, G small n only) and, per extension,
 * S = F diag(1/x), S_Y = F_Y diag(1/colsum Y), M = S L (by transposed solves, L is never needed),
 * M_down = S (Gᵀ − I) (by solves with B), D_cba, D_pba, D_imp, D_exp per region-sector, their
 * region totals `_reg` (F_Y added to D_cba_reg and D_pba_reg) and per capita `_cap`.
 *
 * `extensionName` restricts the extension accounts to one extension (an unknown name is an
 * InputError). Status and residual are the worst over all solves; when A is not productive every
 * computed number is NaN and the status says so.
 */
export function mrioAccounts(table: IoTable, extensionName?: string, opts: MrioOptions = {}): MrioAccounts {
  let extensions = table.extensions;
  if (extensionName !== undefined) {
    extensions = table.extensions.filter((e) => e.name === extensionName);
    if (extensions.length === 0) {
      throw inputError(
        'unknown-id',
        `no extension with this name (known: ${table.extensions.map((e) => e.name).join(', ')})`,
        { file: table.name, path: ['extensions'] },
        extensionName,
      );
    }
  }
  checkTable(table, extensions);
  const R = table.regions.length;
  const ns = table.sectors.length;
  const n = R * ns;
  const C = table.categories.length;
  const { Z, Y } = table;

  // Gross output.
  let x: Float64Array;
  if (table.x !== undefined) x = Float64Array.from(table.x);
  else {
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Z[i * n + j];
      for (let j = 0; j < R * C; j++) s += Y[i * R * C + j];
      x[i] = s;
    }
  }
  const invX = new Float64Array(n);
  for (let i = 0; i < n; i++) invX[i] = x[i] === 0 ? 0 : 1 / x[i];

  // A = Z diag(1/x) and B = diag(1/x) Z, sparse over the non-zero flows.
  let nnz = 0;
  for (let k = 0; k < n * n; k++) if (Z[k] !== 0) nnz++;
  // One pass over Z for both (B's entries as allocationCoefficients forms them, z_ij · (1/x_i)):
  // on the EXIOBASE benchmark's Z (9,800², 15.1 million non-zeros) 1.3 CPU s instead of 1.95.
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(nnz);
  const av = new Float64Array(nnz);
  const bv = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = p;
    const base = i * n;
    const invRow = invX[i];
    for (let j = 0; j < n; j++) {
      const z = Z[base + j];
      if (z !== 0) {
        colIdx[p] = j;
        av[p] = z * invX[j];
        bv[p] = z * invRow;
        p++;
      }
    }
  }
  rowPtr[n] = p;
  const A: CsrMatrix = { rows: n, cols: n, rowPtr, colIdx, values: av };
  const B: CsrMatrix = { rows: n, cols: n, rowPtr: rowPtr.slice(), colIdx: colIdx.slice(), values: bv };

  let status: LeontiefStatus = 'converged';
  let spectralRadius: SpectralBounds | undefined;
  const limit = opts.maxDenseInverse ?? DEFAULT_MAX_DENSE_INVERSE;
  let L: Float64Array | undefined;
  let G: Float64Array | undefined;
  if (opts.denseInverses ?? n <= limit) {
    const l = denseLeontiefInverse(A, 'The Leontief inverse L', opts);
    const g = denseLeontiefInverse(B, 'The Ghosh inverse G', opts);
    L = l.inverse;
    G = g.inverse;
    if (l.status !== 'converged') {
      status = 'not-productive';
      spectralRadius = l.spectralRadius;
    }
  }

  // Final demand per region (categories summed) and the output it requires: xr_r = L Y_agg[:, r].
  const yAgg: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += Y[i * R * C + r * C + c];
      col[i] = s;
    }
    yAgg.push(col);
  }
  const byRegion = solveMany(A, yAgg, false, opts, { quantity: 'the gross output for final demand', key: 'outputByRegion', rows: table.regions });
  status = worseStatus(status, byRegion.status);
  if (byRegion.spectralRadius !== undefined) spectralRadius = byRegion.spectralRadius;
  let iterations = byRegion.iterations;
  let relativeResidual = byRegion.relativeResidual;

  const At = extensions.length > 0 ? transpose(A) : A;
  const plain: RegionLayout = { R, ns, C, yAgg, outputByRegion: byRegion.x, colSumY: columnSums(Y, n, R * C) };
  // D_imp by final demand (n solves for all extensions) or by stressors (R · k per extension).
  const route = opts.importSolves ?? 'auto';
  if (route !== 'auto' && route !== 'stressors' && route !== 'final-demand') {
    throw inputError('bad-option', "importSolves must be 'auto', 'stressors' or 'final-demand'", { path: ['importSolves'] }, String(route));
  }
  let imports: ImportsSolved | undefined;
  let multipliers: MultiSolve[] | undefined;
  if (extensions.length > 0 && byRegion.status === 'converged' && route !== 'stressors') {
    const S = extensions.map((e) => stressorRows(e, invX));
    const counts = importSolveCounts(plain, S);
    if (route === 'final-demand' || counts.finalDemand < counts.stressors) {
      // The multipliers first: the imports by final demand are the footprints less their domestic part.
      const M = extensions.map((e, i) => solveMultipliers(e, At, S[i], opts));
      multipliers = M;
      const failed = M.reduce<LeontiefStatus>((w, m) => worseStatus(w, m.status), 'converged');
      imports =
        failed === 'converged'
          ? importsByFinalDemand(A, plain, S, M.map((m) => m.x), opts)
          : // Without the multipliers there are no imports either (and no solves are spent on them).
            { D_imp: S.map((rows) => new Float64Array(rows.length * n).fill(Number.NaN)), status: failed, iterations: 0, relativeResidual: 0 };
    }
  }
  // Else the regions' diagonal blocks of Aᵀ factorised once, for the starting points of the import solves.
  const domestic = imports === undefined && extensions.length > 0 && R > 1 && ns <= DOMESTIC_BLOCK_MAX ? domesticBlockFactors(At, R, ns) : undefined;
  const layout: RegionLayout = domestic === undefined ? plain : { ...plain, domestic, A };
  const accounts: ExtensionAccounts[] = [];
  for (const [index, e] of extensions.entries()) {
    // The shared solves' iterations are counted once, with the first extension.
    const given = imports === undefined ? undefined : { D_imp: imports.D_imp[index], report: { ...imports, iterations: index === 0 ? imports.iterations : 0 } };
    const acc = extensionAccounts(e, At, B, invX, layout, table.population, opts, given, multipliers?.[index]);
    status = worseStatus(status, acc.status);
    if (acc.spectralRadius !== undefined) spectralRadius = acc.spectralRadius;
    iterations += acc.iterations;
    relativeResidual = Math.max(relativeResidual, acc.relativeResidual);
    accounts.push(acc);
  }

  const products: { region: string; sector: string }[] = [];
  for (const region of table.regions) for (const sector of table.sectors) products.push({ region, sector });
  const result: MrioAccounts = {
    status,
    iterations,
    relativeResidual,
    regions: table.regions,
    sectors: table.sectors,
    categories: table.categories,
    products,
    n,
    x,
    A,
    B,
    extensions: accounts,
    ...(L === undefined ? {} : { L }),
    ...(G === undefined ? {} : { G }),
    ...(spectralRadius === undefined ? {} : { spectralRadius }),
  };
  return result;
}

function columnSums(m: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) out[j] += m[base + j];
  }
  return out;
}
