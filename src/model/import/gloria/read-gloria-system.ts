import type { SparseSupplyUse, SutRowBlock } from '../../sut/index.js';
import type { CsrMatrix } from '../../../sparse/csr.js';
import type { Location } from '../../errors.js';
import { readWorkbook } from '../read-workbook.js';
import { scanNumberGrid } from '../scan-number-grid.js';
import { openSource, type SourceFiles } from '../source-files.js';
import { findGloriaFiles, readmeLabels, resultFile, type GloriaFiles, type GloriaLabels, type GloriaSelection } from './gloria-files.js';

export interface GloriaReadOptions extends GloriaSelection {
  /** basic (Markup001, the default) or purchaser (Markup005, as pymrio reads purchasers' prices). */
  readonly markup?: 'basic' | 'purchaser';
  /** Called as the big files are read: the share of the file's bytes read, and the file's name. */
  readonly onProgress?: (fraction: number, detail: string) => void;
  /**
   * Called once the ReadMe's labels are read, before any matrix is: the importer may refuse here
   * (a table too big for what it was asked to make) before gigabytes are read.
   */
  readonly beforeMatrices?: (labels: GloriaLabels, found: GloriaFiles) => void;
}

/** GLORIA's download read as sparse supply and use tables of the regions kept, with what the importer says about it. */
export interface GloriaSystem {
  readonly found: GloriaFiles;
  readonly labels: GloriaLabels;
  /** Indices (into labels.regions) of the regions kept: those whose rows or columns of T hold a non-zero. */
  readonly kept: readonly number[];
  readonly sut: SparseSupplyUse;
  /** The satellites' final-use rows (YQ), satellites × (kept regions × final-demand categories), when read. */
  readonly finalUseRows: Record<string, Float64Array>;
  /** Where T is (for errors about its cells). */
  readonly tFile: string;
  readonly read: string[];
  readonly dropped: string[];
}

/**
 * Reads GLORIA's download (the MRIO zip or folder, the ReadMe for labels, the satellite accounts
 * if beside it) without holding any matrix whole as text or T dense: each CSV is streamed
 * (scanNumberGrid) and only what the supply–use system needs is kept — T's industry × product
 * blocks (supply) and product × industry blocks (use) as sparse matrices, Y's product rows, V's and
 * TQ's industry columns, YQ. A negative entry of supply or use, a ragged row, a cell not a number,
 * a file with too few or too many rows are InputErrors at the file, line and cell. Non-zero cells
 * of T outside the supply and use blocks (industry × industry, product × product: none in GLORIA's
 * layout) are left out and said so.
 */
export async function readGloriaSystem(path: string, options: GloriaReadOptions = {}): Promise<GloriaSystem> {
  const found = await findGloriaFiles(path, options);
  const read: string[] = [];
  const dropped: string[] = [];
  const labels = readmeLabels(await readWorkbook(found.readme, found.readme, { whole: true }), found.readme);
  read.push(`labels from ${found.readme}: ${labels.regions.length} regions, ${labels.sectors.length} sectors, ${labels.finalDemand.length} final-demand and ${labels.valueAdded.length} value-added categories, ${labels.satellites.length} satellite accounts`);
  options.beforeMatrices?.(labels, found);
  const R = labels.regions.length;
  const S = labels.sectors.length;
  const F = labels.finalDemand.length;
  const A = labels.valueAdded.length;
  const N = R * 2 * S;
  const mrio = await openSource(found.mrio);
  const markup = options.markup === 'purchaser' ? 5 : 1;
  try {
    const scan = async (source: SourceFiles, name: string, rows: number, columns: number, because: string, visit: (row: number, column: number, value: number) => void, negative?: (row: number, column: number) => string | undefined): Promise<void> => {
      const size = source.entry(name).size;
      const short = name.slice(name.lastIndexOf('/') + 1);
      await scanNumberGrid(
        await source.stream(name),
        source.where(name),
        {
          rows,
          columns,
          because,
          delimiter: 'comma',
          ...(negative === undefined ? {} : { negative }),
          ...(options.onProgress === undefined ? {} : { onBytes: (b: number) => options.onProgress?.(size > 0 ? Math.min(1, b / size) : 0, short) }),
        },
        visit,
      );
    };
    const because = `the ReadMe's ${R} regions and ${S} sectors make ${N}`;
    const tName = resultFile(mrio, 'T', found, markup);
    const tFile = mrio.where(tName);
    // T row by row: each row's supply or use entries (its other non-zeros are counted, not kept).
    const t = new RowEntries(N);
    const active = new Uint8Array(R);
    let outside = 0;
    let firstOutside: Location | undefined;
    const isIndustry = (k: number): boolean => k % (2 * S) < S;
    await scan(
      mrio,
      tName,
      N,
      N,
      because,
      (row, column, v) => {
        active[Math.floor(row / (2 * S))] = 1;
        active[Math.floor(column / (2 * S))] = 1;
        if (isIndustry(row) !== isIndustry(column)) t.add(row, column, v);
        else {
          outside++;
          firstOutside ??= { file: tFile, row: row + 1, tableColumn: column + 1 };
        }
      },
      (row, column) => (isIndustry(row) !== isIndustry(column) ? `a ${isIndustry(row) ? 'supply' : 'use'} entry of T is negative: a model has no negative flows` : undefined),
    );
    t.end(N);
    if (outside > 0) dropped.push(`${outside} non-zero cell(s) of T outside its supply and use blocks (industry × industry or product × product; the first at row ${firstOutside?.row}, column ${firstOutside?.tableColumn})`);
    const kept = labels.regions.map((_, r) => r).filter((r) => active[r] === 1);
    for (let r = 0; r < R; r++) if (active[r] === 0) dropped.push(`region ${JSON.stringify(labels.regions[r])}: its rows and columns of T are all zero`);
    const keptIndex = new Int32Array(R).fill(-1);
    kept.forEach((r, k) => (keptIndex[r] = k));
    const n = kept.length * S;
    /** Index of T's row or column k (industry or product of a region) among the kept regions' sectors, −1 for a region left out. */
    const local = (k: number): number => {
      const r = keptIndex[Math.floor(k / (2 * S))];
      return r < 0 ? -1 : r * S + ((k % (2 * S)) % S);
    };
    const sut0 = splitSupplyUse(t, N, n, isIndustry, local);
    t.release(); // T's entries live on in supply and use: not held twice while the rest is read
    read.push(`T ${N} × ${N} from ${tFile} (Markup00${markup}): ${sut0.supplyEntries} supply and ${sut0.useEntries} use entries`);

    const K = kept.length * F;
    /** Column c of Y or YQ (region × category) among the kept regions', −1 for a region left out. */
    const yLocal = (c: number): number => {
      const r = keptIndex[Math.floor(c / F)];
      return r < 0 ? -1 : r * F + (c % F);
    };
    const finalUse = new Float64Array(n * K);
    await scan(mrio, resultFile(mrio, 'Y', found, markup), N, R * F, `${because} rows and ${R} regions × ${F} final-demand categories make ${R * F} columns`, (row, column, v) => {
      if (isIndustry(row)) return;
      const i = local(row);
      const c = yLocal(column);
      if (i >= 0 && c >= 0) finalUse[i * K + c] = v;
    });
    const vaName = resultFile(mrio, 'V', found, 1);
    const va = new Float64Array(kept.length * A * n);
    await scan(mrio, vaName, R * A, N, `${R} regions × ${A} value-added categories make ${R * A} rows, ${because} columns`, (row, column, v) => {
      if (!isIndustry(column)) return;
      const r = keptIndex[Math.floor(row / A)];
      const j = local(column);
      if (r >= 0 && j >= 0) va[(r * A + (row % A)) * n + j] = v;
    });
    read.push(`Y ${N} × ${R * F}, V ${R * A} × ${N} from ${found.mrio}`);
    const vaRows: string[] = [];
    for (const r of kept) for (let a = 0; a < A; a++) vaRows.push(`${labels.regions[r]}/${labels.valueAdded[a]}`);
    const rowBlocks: SutRowBlock[] = [{ name: 'VA', rows: vaRows, values: va, valueAdded: true }];
    const finalUseRows: Record<string, Float64Array> = {};
    if (found.satellites !== undefined) {
      const sat = await openSource(found.satellites);
      try {
        const k = labels.satellites.length;
        const q = new Float64Array(k * n);
        const qy = new Float64Array(k * K);
        await scan(sat, resultFile(sat, 'TQ', found, 1), k, N, `the ReadMe's ${k} satellite accounts make ${k} rows, ${because} columns`, (row, column, v) => {
          if (!isIndustry(column)) return;
          const j = local(column);
          if (j >= 0) q[row * n + j] = v;
        });
        await scan(sat, resultFile(sat, 'YQ', found, 1), k, R * F, `the ReadMe's ${k} satellite accounts make ${k} rows, ${R} regions × ${F} final-demand categories ${R * F} columns`, (row, column, v) => {
          const c = yLocal(column);
          if (c >= 0) qy[row * K + c] = v;
        });
        read.push(`satellite accounts TQ ${k} × ${N}, YQ ${k} × ${R * F} from ${found.satellites}`);
        rowBlocks.push({ name: 'Q', rows: labels.satellites.map((s) => s.id), values: q, valueAdded: false, units: labels.satellites.map((s) => s.unit), compartments: labels.satellites.map((s) => s.head) });
        finalUseRows.Q = qy;
      } finally {
        await sat.close();
      }
    } else {
      dropped.push('no satellite accounts: no GLORIA_SatelliteAccounts folder or zip beside the MRIO');
    }
    const products = Array.from({ length: n }, (_, k) => `${labels.regions[kept[Math.floor(k / S)]]}/${labels.sectors[k % S]}`);
    const categories = Array.from({ length: K }, (_, c) => `${labels.regions[kept[Math.floor(c / F)]]}/${labels.finalDemand[c % F]}`);
    return {
      found,
      labels,
      kept,
      sut: { products, industries: products, supply: sut0.supply, useByIndustry: sut0.useByIndustry, categories, finalUse, rowBlocks },
      finalUseRows,
      tFile,
      read,
      dropped,
    };
  } finally {
    await mrio.close();
  }
}

/** A matrix's non-zero entries row by row, as rows arrive in order (a CSR grown as it is read). */
class RowEntries {
  readonly rowPtr: Int32Array;
  colIdx = new Int32Array(1 << 16);
  values = new Float64Array(1 << 16);
  size = 0;
  private row = 0;

  constructor(rows: number) {
    this.rowPtr = new Int32Array(rows + 1);
  }

  add(row: number, column: number, v: number): void {
    while (this.row < row) this.rowPtr[++this.row] = this.size;
    if (this.size === this.colIdx.length) {
      const length = Math.ceil(this.size * 1.5);
      const c = new Int32Array(length);
      c.set(this.colIdx);
      const x = new Float64Array(length);
      x.set(this.values);
      this.colIdx = c;
      this.values = x;
    }
    this.colIdx[this.size] = column;
    this.values[this.size++] = v;
  }

  end(rows: number): void {
    while (this.row < rows) this.rowPtr[++this.row] = this.size;
  }

  /** Lets go of the entries (the matrix is empty after). */
  release(): void {
    this.colIdx = new Int32Array(0);
    this.values = new Float64Array(0);
    this.size = 0;
  }
}

/**
 * T's entries as the supply table by product (p × m, from T's industry rows × product columns)
 * and the use table by industry (m × p, from T's product rows × industry columns), both among the
 * kept regions (`local` maps T's index to it, −1 for one left out), in two passes: count, place.
 */
function splitSupplyUse(t: RowEntries, N: number, n: number, isIndustry: (k: number) => boolean, local: (k: number) => number): { supply: CsrMatrix; useByIndustry: CsrMatrix; supplyEntries: number; useEntries: number } {
  /** Each entry of T among the kept regions: whether its row is an industry's, and its row and column among the kept. */
  const forEach = (visit: (industryRow: boolean, i: number, j: number, e: number) => void): void => {
    for (let row = 0; row < N; row++) {
      const i = local(row);
      if (i < 0) continue;
      const industryRow = isIndustry(row);
      for (let e = t.rowPtr[row]; e < t.rowPtr[row + 1]; e++) {
        const j = local(t.colIdx[e]);
        if (j >= 0) visit(industryRow, i, j, e);
      }
    }
  };
  // Supply by product: the product is T's column; use by industry: the industry is T's column.
  const supplyPtr = new Int32Array(n + 1);
  const usePtr = new Int32Array(n + 1);
  forEach((industryRow, _i, j) => (industryRow ? supplyPtr[j + 1]++ : usePtr[j + 1]++));
  for (let k = 0; k < n; k++) {
    supplyPtr[k + 1] += supplyPtr[k];
    usePtr[k + 1] += usePtr[k];
  }
  const supply = { rows: n, cols: n, rowPtr: supplyPtr, colIdx: new Int32Array(supplyPtr[n]), values: new Float64Array(supplyPtr[n]) };
  const useByIndustry = { rows: n, cols: n, rowPtr: usePtr, colIdx: new Int32Array(usePtr[n]), values: new Float64Array(usePtr[n]) };
  const supplyNext = supplyPtr.slice(0, n);
  const useNext = usePtr.slice(0, n);
  // Rows of T ascend, so each row of the results gets its entries in ascending order.
  forEach((industryRow, i, j, e) => {
    const m = industryRow ? supply : useByIndustry;
    const p = industryRow ? supplyNext[j]++ : useNext[j]++;
    m.colIdx[p] = i;
    m.values[p] = t.values[e];
  });
  return { supply, useByIndustry, supplyEntries: supplyPtr[n], useEntries: usePtr[n] };
}
