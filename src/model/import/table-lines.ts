import { inputError } from '../errors.js';
import { normalizeLabel } from './classify-table-label.js';
import { cellText, type TableLayout } from './find-table-layout.js';

/** A data row or data column of a table with its labels (the row's label cells, or the column's header cells). */
export interface TableLine {
  /** 1-based row number (rows) or column number (columns) in the file. */
  readonly place: number;
  readonly labels: readonly string[];
}

/** The data rows and columns of a layout as lines with their labels. */
export function tableLines(layout: TableLayout): { rows: TableLine[]; cols: TableLine[] } {
  const rows = layout.dataRows.map((r) => ({ place: r.row, labels: r.cells.slice(0, layout.labelColumns).map(cellText) }));
  const cols = layout.dataColumns.map((c) => ({ place: c + 1, labels: layout.headerRows.map((h) => cellText(h.cells[c])) }));
  return { rows, cols };
}

/** Label sets of a line compared loosely: trimmed, case and separators ignored. */
function sameLabel(a: string, b: string): boolean {
  return a === b || (a !== '' && normalizeLabel(a) === normalizeLabel(b));
}

/** The first non-empty label of a line, from `preferred` (a label column or header row) if it has one. */
export function lineId(line: TableLine, preferred: number): string {
  const own = line.labels[preferred] ?? '';
  return own !== '' ? own : (line.labels.find((l) => l !== '') ?? '');
}

/**
 * Finds the lines a mapping names: each label is matched against every label of every line (code,
 * description, …), exactly, else loosely. A label no line carries, or one that two lines carry, is
 * an InputError at the mapping key, with the labels the table has nearest in form.
 */
export function findLines(lines: readonly TableLine[], labels: readonly string[], key: string, file: string, what: 'row' | 'column'): number[] {
  return labels.map((label, k) => {
    let found = lines.flatMap((l, i) => (l.labels.some((x) => x === label.trim()) ? [i] : []));
    if (found.length === 0) found = lines.flatMap((l, i) => (l.labels.some((x) => sameLabel(x, label)) ? [i] : []));
    if (found.length === 0) throw inputError('label-mismatch', `the mapping names a ${what} no ${what} of the table carries (${what}s are named by any of their labels)`, { file, path: [key, k] }, label);
    if (found.length > 1) throw inputError('ambiguous-label', `the mapping names a ${what} that ${found.length} ${what}s carry (at ${found.map((i) => lines[i].place).join(', ')}); name it by a label only one of them has`, { file, path: [key, k] }, label);
    return found[0];
  });
}
