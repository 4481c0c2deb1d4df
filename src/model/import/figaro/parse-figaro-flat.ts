import { inputError, type Location } from '../../errors.js';
import type { DataFile } from '../mrio/find-data-files.js';
import { forEachRecord } from '../mrio/for-each-record.js';
import type { MatrixLayout, PrimaryRow, RawMatrix } from '../mrio/parse-matrix-csv.js';
import type { RegionCode } from '../mrio/product-grid.js';
import { parseCellNumber } from '../parse-cell-number.js';
import type { DelimitedRow } from '../read-delimited.js';

/** The columns of a FIGARO flat file that the importer reads (`rowIi`/`colIi` industry by industry, `rowPi`/`colPi` product by product). */
const NEEDED = ['refArea', 'row', 'counterpartArea', 'col', 'obsValue'] as const;

/** Growable columns of (row key, column key, value) triples. */
class Triples {
  rows = new Int32Array(1 << 16);
  cols = new Int32Array(1 << 16);
  values = new Float64Array(1 << 16);
  /** The record each triple was read from. */
  records = new Int32Array(1 << 16);
  length = 0;
  push(r: number, c: number, v: number, record: number): void {
    if (this.length === this.rows.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.rows = grow(this.rows, (n) => new Int32Array(n));
      this.cols = grow(this.cols, (n) => new Int32Array(n));
      this.values = grow(this.values, (n) => new Float64Array(n));
      this.records = grow(this.records, (n) => new Int32Array(n));
    }
    this.records[this.length] = record;
    this.rows[this.length] = r;
    this.cols[this.length] = c;
    this.values[this.length++] = v;
  }
}

/**
 * Reads a FIGARO flat file (one record per cell of the matrix: `refArea, rowIi|rowPi,
 * counterpartArea, colIi|colPi, obsValue`, other columns such as `icioiRow` ignored), streamed, into
 * the blocks of the matrix it flattens: row label `{refArea}_{row}`, column label
 * `{counterpartArea}_{col}`, read with `layout` as the matrix format is. A missing column, a ragged
 * record, a number that is not one, a cell given twice or a label the layout does not know is an
 * InputError at its record.
 */
export async function parseFigaroFlat(data: DataFile, layout: MatrixLayout, encoding: string | undefined): Promise<RawMatrix> {
  const file = data.where;
  let at: number[] | undefined;
  let width = 0;
  const rowKeys = new Map<string, number>();
  const rowFirst: number[] = [];
  const colKeys = new Map<string, number>();
  const colFirst: number[] = [];
  const triples = new Triples();
  const key = (m: Map<string, number>, first: number[], k: string, row: number): number => {
    let i = m.get(k);
    if (i === undefined) {
      i = m.size;
      m.set(k, i);
      first.push(row);
    }
    return i;
  };
  await forEachRecord(
    data.source,
    data.name,
    (rec: DelimitedRow) => {
      if (at === undefined) {
        at = headerColumns(rec, file);
        width = rec.cells.length;
        return;
      }
      if (rec.cells.length !== width) throw inputError('ragged-row', `record has ${rec.cells.length} cells where the header has ${width}`, { file, row: rec.row, tableColumn: Math.min(rec.cells.length, width) + 1 }, rec.cells.length);
      const c = rec.cells;
      const r = key(rowKeys, rowFirst, `${c[at[0]].trim()}_${c[at[1]].trim()}`, rec.row);
      const k = key(colKeys, colFirst, `${c[at[2]].trim()}_${c[at[3]].trim()}`, rec.row);
      triples.push(r, k, parseCellNumber(c[at[4]], { file, row: rec.row, tableColumn: at[4] + 1 }, { emptyIsZero: true }), rec.row);
    },
    encoding === undefined ? {} : { encoding },
  );
  if (at === undefined) throw inputError('empty-table', 'the file has no header record', { file, line: 1 });
  const valueColumn = at[4] + 1;
  return gather({ file, layout, rowKeys, rowFirst, colKeys, colFirst, triples, valueColumn, labelColumns: [at[0] + 1, at[2] + 1] });
}

function headerColumns(rec: DelimitedRow, file: string): number[] {
  const names = rec.cells.map((c) => c.trim().toLowerCase());
  return NEEDED.map((want) => {
    const k = want === 'row' || want === 'col' ? names.findIndex((nm) => nm === `${want}ii` || nm === `${want}pi`) : names.indexOf(want.toLowerCase());
    if (k < 0) {
      const shown = want === 'row' || want === 'col' ? `${want}Ii or ${want}Pi` : want;
      throw inputError('missing-column', `the flat file has no column ${shown} (FIGARO's flat files have refArea, rowIi|rowPi, counterpartArea, colIi|colPi, obsValue)`, { file, row: rec.row, tableColumn: rec.cells.length + 1 }, shown);
    }
    return k;
  });
}

interface Gathered {
  readonly file: string;
  readonly layout: MatrixLayout;
  readonly rowKeys: Map<string, number>;
  readonly rowFirst: number[];
  readonly colKeys: Map<string, number>;
  readonly colFirst: number[];
  readonly triples: Triples;
  readonly valueColumn: number;
  readonly labelColumns: readonly [number, number];
}

/** The matrix the triples flatten, in the shape parseMatrixCsv gives. */
function gather(g: Gathered): RawMatrix {
  const { file, layout } = g;
  const rowPlace = (row: number): Location => ({ file, row, tableColumn: g.labelColumns[0] });
  const colPlace = (row: number): Location => ({ file, row, tableColumn: g.labelColumns[1] });
  const colLabels = [...g.colKeys.keys()];
  const industries: RegionCode[] = [];
  const industryCol: number[] = [];
  const finals: RegionCode[] = [];
  const finalCol: number[] = [];
  const colRole = new Int32Array(colLabels.length); // ≥ 0: industry index; < 0: -(final index) - 1
  colLabels.forEach((label, k) => {
    const col = layout.column(label);
    if (col.kind === 'industry') {
      colRole[k] = industries.length;
      industries.push({ region: col.region, code: col.code });
      industryCol.push(k);
    } else if (col.kind === 'final') {
      colRole[k] = -finals.length - 1;
      finals.push({ region: col.region, code: col.code });
      finalCol.push(k);
    } else throw inputError('unknown-column', `column label (counterpartArea_col) is not one of ${layout.columnsAre}`, colPlace(g.colFirst[k]), label);
  });
  const n = industries.length;
  const F = finals.length;
  const industryByLabel = new Map(industryCol.map((k, j) => [colLabels[k], j]));
  const regions = new Set(industries.map((l) => l.region));
  // Each row key: an industry's row, or a primary input.
  const rowLabels = [...g.rowKeys.keys()];
  const rowRole = new Int32Array(rowLabels.length);
  const primary: PrimaryRow[] = [];
  const guessed: string[] = [];
  rowLabels.forEach((label, r) => {
    const i = industryByLabel.get(label);
    if (i !== undefined) {
      rowRole[r] = i;
      return;
    }
    const what = layout.row(label);
    if (what?.kind === 'primary') {
      rowRole[r] = -primary.length - 1;
      primary.push({ id: what.id, row: g.rowFirst[r], industry: new Float64Array(n), final: new Float64Array(F) });
      if (what.guessed === true) guessed.push(label);
      return;
    }
    const parts = layout.split(label);
    if (parts !== undefined && !regions.has(parts.region)) throw inputError('unknown-region', `row of area ${parts.region}, which has no industry columns in the table`, rowPlace(g.rowFirst[r]), label);
    throw inputError('unknown-sector', `row ${label} is neither an industry of the table nor a primary input (area W2)`, rowPlace(g.rowFirst[r]), label);
  });
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * F);
  const seen = new Uint8Array(rowLabels.length * colLabels.length);
  const t = g.triples;
  for (let e = 0; e < t.length; e++) {
    const cell = t.rows[e] * colLabels.length + t.cols[e];
    if (seen[cell] === 1) throw inputError('duplicate-entry', `the cell ${rowLabels[t.rows[e]]} × ${colLabels[t.cols[e]]} is given twice`, { file, row: t.records[e], tableColumn: g.valueColumn }, t.values[e]);
    seen[cell] = 1;
    const r = rowRole[t.rows[e]];
    const c = colRole[t.cols[e]];
    const v = t.values[e];
    if (r >= 0) {
      if (c >= 0) Z[r * n + c] = v;
      else Y[r * F + (-c - 1)] = v;
    } else {
      const p = primary[-r - 1];
      if (c >= 0) p.industry[c] = v;
      else p.final[-c - 1] = v;
    }
  }
  const hasRow = new Set(rowLabels);
  const missing = industryCol.findIndex((k) => !hasRow.has(colLabels[k]));
  if (missing >= 0) throw inputError('missing-row', `industry ${colLabels[industryCol[missing]]} has a column but no row`, colPlace(g.colFirst[industryCol[missing]]), colLabels[industryCol[missing]]);
  return {
    file,
    industries,
    industryPlace: (j) => colPlace(g.colFirst[industryCol[j]]),
    finals,
    finalPlace: (c) => colPlace(g.colFirst[finalCol[c]]),
    reversedFinal: false,
    hasOutputColumn: false,
    hasDiscrepancy: false,
    Z,
    Y,
    output: new Float64Array(n).fill(Number.NaN),
    discrepancy: new Float64Array(n),
    primary,
    guessedPrimary: guessed,
  };
}
