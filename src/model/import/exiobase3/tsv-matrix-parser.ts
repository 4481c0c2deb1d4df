import { inputError } from '../../errors.js';
import { MAX_MAGNITUDE } from '../../magnitude.js';
import { DecimalScanner } from './decimal-scanner.js';

/** How a labelled matrix is laid out in its text file (pymrio's `nr_index_col`, `nr_header`). */
export interface TsvMatrixLayout {
  /** Label columns on the left of every row (region, sector; or stressor). */
  readonly indexColumns: number;
  /** Rows of column labels on top (region, then sector or category). */
  readonly headerRows: number;
}

/**
 * A labelled matrix read from a tab-separated file as pandas writes it: `headerRows` rows of
 * column labels, optionally a row of index names (data cells empty, as pandas writes it when the
 * index has names), then one row per label tuple. Numbers are row-major in `values`.
 */
export interface TsvMatrix {
  /** How errors name the file. */
  readonly file: string;
  readonly layout: TsvMatrixLayout;
  /** Per header row, the labels of the data columns: columnLabels[level][column]. */
  readonly columnLabels: readonly (readonly string[])[];
  /** The lead cells of the header rows and of the index-name row: what the levels are called. */
  readonly levelNames: readonly (readonly string[])[];
  /** Per data row, its labels: rowLabels[row][level]. */
  readonly rowLabels: readonly (readonly string[])[];
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
  /** The 1-based line of data row i is rowLines[i]. */
  readonly rowLines: Int32Array;
  /** Empty cells (read as 0), and where the first one is. */
  readonly emptyCells: number;
  readonly firstEmpty?: { readonly row: number; readonly tableColumn: number };
}

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Reads a labelled tab-separated matrix from its bytes, chunk by chunk as they come from a file or
 * a zip entry (`push`, then `finish`), straight into a Float64Array: label cells become strings,
 * number cells are read from the bytes by DecimalScanner (no string per cell). A chunk may end
 * anywhere; only the cell it cuts is carried to the next.
 *
 * Every refusal is an InputError at the file's row and column with the cell's text: a row with
 * more or fewer cells than the header, a cell that is not a number (`1,5`, `abc`, `NaN`, `inf`),
 * a number beyond 1e30, bytes of a label that are not UTF-8, a quoted label with a tab or a line
 * break in it. Empty number cells read as 0 and are counted. Blank lines are skipped.
 */
export class TsvMatrixParser {
  private readonly scanner = new DecimalScanner();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private tail: Uint8Array = new Uint8Array(0);
  /** 1-based line being read, and 0-based cell within it. */
  private line = 1;
  private cell = 0;
  private lineCells: string[] = [];
  private readonly headers: string[][] = [];
  private namesRow: string[] | undefined;
  /** 'header': reading header rows; 'first': the first row after them (maybe index names); 'data'. */
  private phase: 'header' | 'first' | 'data';
  private namesCandidate = false;
  private namesSeen = false;
  private rowBegun = false;
  private atStart = true;
  private cols = -1;
  private rowCount = 0;
  private values: Float64Array;
  private rowLines: Int32Array;
  private readonly rowLabels: string[][] = [];
  private emptyCells = 0;
  private firstEmpty: { row: number; tableColumn: number } | undefined;

  /**
   * `expectedRows`: how many data rows to make room for at once (a number, or 'columns' for a
   * square matrix: as many as it has data columns); more are made room for as they come.
   */
  constructor(
    readonly file: string,
    readonly layout: TsvMatrixLayout,
    private readonly expectedRows: number | 'columns' = 64,
  ) {
    this.phase = layout.headerRows > 0 ? 'header' : 'first';
    this.values = new Float64Array(0);
    this.rowLines = new Int32Array(typeof expectedRows === 'number' ? Math.max(1, expectedRows) : 64);
  }

  /** Reads the next bytes of the file. */
  push(bytes: Uint8Array): void {
    let chunk = bytes;
    if (this.atStart && this.tail.length + chunk.length >= 3) {
      this.atStart = false;
      const head = concat(this.tail, chunk);
      this.tail = new Uint8Array(0);
      chunk = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    } else if (this.atStart) {
      this.tail = concat(this.tail, chunk);
      return;
    }
    let start = 0;
    if (this.tail.length > 0) {
      let d = 0;
      while (d < chunk.length && chunk[d] !== TAB && chunk[d] !== LF) d++;
      if (d === chunk.length) {
        this.tail = concat(this.tail, chunk);
        return;
      }
      const joined = concat(this.tail, chunk.subarray(0, d + 1));
      this.tail = new Uint8Array(0);
      this.run(joined, 0, joined.length);
      start = d + 1;
    }
    let last = chunk.length - 1;
    while (last >= start && chunk[last] !== TAB && chunk[last] !== LF) last--;
    if (last >= start) this.run(chunk, start, last + 1);
    this.tail = chunk.slice(last + 1);
  }

  /** Ends the file: the matrix read, or an InputError if the file ended early. */
  finish(): TsvMatrix {
    if (this.atStart) {
      this.atStart = false;
      const head = this.tail;
      this.tail = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    }
    if (this.tail.length > 0) {
      const t = concat(this.tail, Uint8Array.of(LF));
      this.tail = new Uint8Array(0);
      this.run(t, 0, t.length);
    }
    if (this.phase === 'header') {
      throw inputError('truncated', `the file ends within its ${this.layout.headerRows} header rows`, { file: this.file, row: this.line, tableColumn: 1 });
    }
    const cols = Math.max(this.cols, 0);
    const values = this.values.length === this.rowCount * cols ? this.values : this.values.slice(0, this.rowCount * cols);
    const levelNames = this.headers.map((h) => h.slice(0, this.layout.indexColumns));
    if (this.namesRow !== undefined) levelNames.push(this.namesRow);
    return {
      file: this.file,
      layout: this.layout,
      columnLabels: this.columnLabelLevels(),
      levelNames,
      rowLabels: this.rowLabels,
      rows: this.rowCount,
      columns: cols,
      values,
      rowLines: this.rowLines.slice(0, this.rowCount),
      emptyCells: this.emptyCells,
      ...(this.firstEmpty === undefined ? {} : { firstEmpty: this.firstEmpty }),
    };
  }

  private columnLabelLevels(): string[][] {
    const ic = this.layout.indexColumns;
    return this.headers.map((h) => h.slice(ic));
  }

  /** Reads bytes [pos, end) of `b`, which end just after a tab or a line feed. */
  private run(b: Uint8Array, pos: number, end: number): void {
    let p = pos;
    while (p < end) {
      if (this.phase === 'data' && this.cell >= this.layout.indexColumns) {
        if (!this.rowBegun) this.beginDataRow();
        p = this.numbers(b, p, end);
        continue;
      }
      // A label cell (or any cell of a header row, or the first row after the headers).
      let d = p;
      while (b[d] !== TAB && b[d] !== LF) d++;
      let cellEnd = d;
      if (cellEnd > p && b[cellEnd - 1] === CR && b[d] === LF) cellEnd--;
      if (this.phase === 'first' && this.cell >= this.layout.indexColumns) {
        // The first row after the headers: index names (every data cell empty) or the first data row.
        if (cellEnd > p || this.namesSeen) {
          this.startData();
          continue;
        }
        this.namesCandidate = true;
      } else this.lineCells.push(this.label(b, p, cellEnd));
      this.cell++;
      p = d + 1;
      if (b[d] === LF) this.endLine();
    }
  }

  /** From the header rows to the data rows: the first row after the headers is data. */
  /**
   * The first data row begins: its cells so far were labels and (if it is not a row of index names
   * after all) empty number cells.
   */
  private startData(): void {
    this.phase = 'data';
    if (this.namesCandidate) {
      this.beginDataRow();
      for (let c = this.layout.indexColumns; c < this.cell; c++) this.empty(c);
      this.namesCandidate = false;
    }
  }

  private beginDataRow(): void {
    const ic = this.layout.indexColumns;
    if (this.rowCount === 0 && this.expectedRows === 'columns' && this.cols > this.rowLines.length) this.rowLines = new Int32Array(this.cols);
    if (this.rowCount === this.rowLines.length) {
      const lines = new Int32Array(this.rowLines.length * 2);
      lines.set(this.rowLines);
      this.rowLines = lines;
    }
    const need = (this.rowCount + 1) * this.cols;
    if (need > this.values.length) {
      const grown = new Float64Array(Math.max(need, this.rowLines.length * this.cols));
      grown.set(this.values);
      this.values = grown;
    }
    this.rowLines[this.rowCount] = this.line;
    this.rowLabels.push(this.lineCells.slice(0, ic));
    this.rowBegun = true;
  }

  /** The end of a line (its line feed read). */
  private endLine(): void {
    const ic = this.layout.indexColumns;
    if (this.phase === 'header') {
      if (this.cell === 1 && this.lineCells[0] === '') {
        // a blank line
      } else {
        this.headers.push(this.lineCells);
        if (this.headers.length === 1) this.cols = this.lineCells.length - ic;
        else if (this.lineCells.length - ic !== this.cols) this.raggedHeader();
        if (this.headers.length === this.layout.headerRows) this.phase = 'first';
      }
    } else if (this.phase === 'first') {
      if (this.cell === 1 && this.lineCells[0] === '') {
        // a blank line
      } else if (this.cell <= ic) {
        throw inputError('ragged-row', `the row has ${this.cell} cells, only labels, where the header has ${ic + this.cols}`, { file: this.file, row: this.line, tableColumn: this.cell + 1 });
      } else if (this.namesCandidate) {
        this.namesRow = this.lineCells;
        this.namesCandidate = false;
        this.namesSeen = true;
      }
    } else if (this.cell === 1 && this.lineCells.length === 1 && this.lineCells[0] === '') {
      // a blank line among the data rows
    } else if (this.cell < ic + this.cols) {
      throw inputError('ragged-row', `the row has ${this.cell} cells where the header has ${ic + this.cols}`, { file: this.file, row: this.line, tableColumn: this.cell + 1 });
    }
    this.line++;
    this.cell = 0;
    this.lineCells = [];
  }

  private raggedHeader(): never {
    const ic = this.layout.indexColumns;
    throw inputError('ragged-row', `header row ${this.headers.length} has ${this.lineCells.length} cells where the first has ${ic + this.cols}`, { file: this.file, row: this.line, tableColumn: Math.min(this.lineCells.length, ic + this.cols) + 1 });
  }

  /**
   * The number cells of a data row from `p` on, until `end` or the row's end; returns where it
   * stopped. The hot loop: one pass over the bytes, no allocation.
   */
  private numbers(b: Uint8Array, p0: number, end: number): number {
    const ic = this.layout.indexColumns;
    const cols = this.cols;
    const values = this.values;
    const scanner = this.scanner;
    const base = this.rowCount * cols - ic;
    let cell = this.cell;
    let p = p0;
    while (p < end) {
      const c = b[p];
      let v = 0;
      if (c === TAB || c === LF || c === CR) {
        this.empty(cell);
      } else {
        const q = scanner.scan(b, p, end);
        const next = q < 0 ? -1 : b[q];
        if (q < 0 || (next !== TAB && next !== LF && next !== CR)) this.notANumber(b, p, cell);
        v = scanner.value;
        if (!(v <= MAX_MAGNITUDE && v >= -MAX_MAGNITUDE)) this.tooLarge(b, p, q, cell);
        p = q;
      }
      if (cell - ic >= cols) this.tooManyCells(cell);
      values[base + cell] = v;
      cell++;
      let d = b[p];
      if (d === CR) {
        p++;
        d = b[p];
      }
      p++;
      if (d === LF) {
        this.cell = cell;
        this.endDataRow();
        return p;
      }
      if (d !== TAB) {
        this.cell = cell;
        this.notANumber(b, p - 1, cell - 1);
      }
    }
    this.cell = cell;
    return p;
  }

  private endDataRow(): void {
    const ic = this.layout.indexColumns;
    if (this.cell < ic + this.cols) {
      throw inputError('ragged-row', `the row has ${this.cell} cells where the header has ${ic + this.cols}`, { file: this.file, row: this.line, tableColumn: this.cell + 1 });
    }
    this.rowCount++;
    this.rowBegun = false;
    this.line++;
    this.cell = 0;
    this.lineCells = [];
  }

  /** A label cell's text: UTF-8, a pair of enclosing quotes removed (pandas quotes labels with quotes in them). */
  private label(b: Uint8Array, start: number, end: number): string {
    let s = start;
    let e = end;
    if (e - s >= 1 && b[s] === QUOTE) {
      if (e - s < 2 || b[e - 1] !== QUOTE) {
        throw inputError('bad-label', 'a quoted label with a tab or a line break in it, or an unclosed quote', { file: this.file, row: this.line, tableColumn: this.cell + 1 }, this.text(b, start, end));
      }
      s++;
      e--;
      return this.decode(b, s, e).replaceAll('""', '"');
    }
    return this.decode(b, s, e);
  }

  private decode(b: Uint8Array, start: number, end: number): string {
    try {
      return this.decoder.decode(b.subarray(start, end));
    } catch {
      throw inputError('bad-encoding', 'bytes that are not UTF-8', { file: this.file, row: this.line, tableColumn: this.cell + 1 }, Buffer.from(b.subarray(start, end)).toString('latin1'));
    }
  }

  /** A cell's text for an error message (up to the next tab or line end). */
  private text(b: Uint8Array, start: number, end?: number): string {
    let e = start;
    const stop = end ?? b.length;
    while (e < stop && b[e] !== TAB && b[e] !== LF && b[e] !== CR) e++;
    return Buffer.from(b.subarray(start, Math.min(e, start + 80))).toString('latin1');
  }

  private empty(cell: number): void {
    if (this.emptyCells === 0) this.firstEmpty = { row: this.line, tableColumn: cell + 1 };
    this.emptyCells++;
  }

  private notANumber(b: Uint8Array, p: number, cell: number): never {
    throw inputError('not-a-number', 'the cell is not a number', { file: this.file, row: this.line, tableColumn: cell + 1 }, this.cellText(b, p));
  }

  private tooLarge(b: Uint8Array, p: number, q: number, cell: number): never {
    const v = this.scanner.value;
    const what = Number.isFinite(v) ? `is beyond ${String(MAX_MAGNITUDE)} in magnitude` : 'is too large';
    throw inputError('too-large', `the number ${what}`, { file: this.file, row: this.line, tableColumn: cell + 1 }, this.text(b, p, q));
  }

  private tooManyCells(cell: number): never {
    const ic = this.layout.indexColumns;
    throw inputError('ragged-row', `the row has more cells than the header's ${ic + this.cols}`, { file: this.file, row: this.line, tableColumn: cell + 1 });
  }

  /** The whole text of the cell that starts at or contains position p (back to its tab). */
  private cellText(b: Uint8Array, p: number): string {
    let s = p;
    while (s > 0 && b[s - 1] !== TAB && b[s - 1] !== LF) s--;
    return this.text(b, s);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
