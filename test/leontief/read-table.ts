import { readFileSync } from 'node:fs';

/** Splits CSV text into rows of cells (RFC 4180 quotes; no embedded newlines needed here). */
export function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

export function readCsv(path: string, sep = ','): string[][] {
  return parseCsv(readFileSync(path, 'utf8'), sep);
}

/** A numeric table with row labels (one array per label column) and column labels (per header row). */
export interface LabelledMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowLabels: string[][];
  readonly colLabels: string[][];
  /** Row-major. */
  readonly data: Float64Array;
}

/** Reads a pymrio-style CSV: `headerRows` header rows, `labelCols` leading label columns. */
export function readLabelled(path: string, headerRows: number, labelCols: number): LabelledMatrix {
  const all = readCsv(path);
  const colLabels = all.slice(0, headerRows).map((r) => r.slice(labelCols));
  const body = all.slice(headerRows);
  const rows = body.length;
  const cols = all[0].length - labelCols;
  const data = new Float64Array(rows * cols);
  const rowLabels = body.map((r) => r.slice(0, labelCols));
  body.forEach((r, i) => {
    for (let j = 0; j < cols; j++) {
      const v = Number(r[labelCols + j]);
      if (r[labelCols + j] === '' || !Number.isFinite(v)) throw new Error(`${path}: bad number at row ${i + headerRows + 1}, column ${j + labelCols + 1}: ${r[labelCols + j]}`);
      data[i * cols + j] = v;
    }
  });
  return { rows, cols, rowLabels, colLabels, data };
}
