import { inputError } from '../errors.js';
import { readInputFile, type ReadInputOptions } from '../read-input-file.js';

/** Field separator of a delimited text file. */
export type Delimiter = ',' | '\t' | ';';

export interface DelimitedOptions extends ReadInputOptions {
  /** Field separator; 'auto' (the default) picks tab, semicolon or comma from the first records. */
  readonly delimiter?: Delimiter | 'auto';
}

/** One record of a delimited file. Cell k (0-based) is table column k + 1. */
export interface DelimitedRow {
  /** 1-based record number, counting blank records and header rows. */
  readonly row: number;
  /** 1-based line on which the record starts (differs from `row` after quoted line breaks). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface DelimitedTable {
  readonly file: string;
  readonly delimiter: Delimiter;
  /** Records in file order; blank records are left out (their numbers are kept by the others). */
  readonly rows: readonly DelimitedRow[];
}

/**
 * Picks the field separator from the first records (up to 50), ignoring quoted text: the one of
 * tab, semicolon and comma that splits the most records into the same number (above one) of
 * fields; on a tie the one giving more fields, then tab before semicolon before comma. A `;` file
 * with decimal commas, or a `,` file with a title line, is read with the right separator.
 */
function detectDelimiter(text: string): Delimiter {
  const candidates: Delimiter[] = ['\t', ';', ','];
  const counts = candidates.map(() => [] as number[]);
  let fields = candidates.map(() => 1);
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < 50; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        candidates.forEach((_, k) => counts[k].push(fields[k]));
        fields = candidates.map(() => 1);
        records++;
      } else {
        const k = candidates.indexOf(ch as Delimiter);
        if (k >= 0) fields[k]++;
      }
    }
  }
  if (records < 50) candidates.forEach((_, k) => counts[k].push(fields[k]));
  let best: Delimiter = ',';
  let bestScore = [0, 0];
  candidates.forEach((d, k) => {
    const freq = new Map<number, number>();
    for (const c of counts[k]) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    for (const [width, records2] of freq) {
      if (records2 > bestScore[0] || (records2 === bestScore[0] && width > bestScore[1])) {
        best = d;
        bestScore = [records2, width];
      }
    }
  });
  return best;
}

/**
 * Splits delimited text (CSV after RFC 4180, or TSV with the same quoting) into records of cells.
 * Quoted fields may hold separators, doubled quotes and line breaks; LF, CRLF and CR end records;
 * a leading byte-order mark is dropped. An unterminated quote, or text after a closing quote, is an
 * InputError naming the row and column.
 */
export function parseDelimited(text: string, file: string, options: DelimitedOptions = {}): DelimitedTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;
  const sep = delimiter.charCodeAt(0);
  const rows: DelimitedRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let row = 0;
  while (i < n) {
    row++;
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell: string;
      if (text.charCodeAt(i) === 34) {
        const openLine = line;
        const column = cells.length + 1;
        i++;
        let value = '';
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          if (q < 0) break;
          const chunk = text.slice(i, q);
          value += chunk;
          for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          throw inputError('unterminated-quote', 'a quoted cell is not closed before the end of the file', { file, row, tableColumn: column, line: openLine });
        }
        const next = i < n ? text.charCodeAt(i) : -1;
        if (next !== -1 && next !== sep && next !== 10 && next !== 13) {
          throw inputError('bad-quote', 'text follows the closing quote of a cell', { file, row, tableColumn: column, line }, text.slice(i, Math.min(n, i + 20)));
        }
        cell = value;
      } else {
        let j = i;
        while (j < n) {
          const ch = text.charCodeAt(j);
          if (ch === sep || ch === 10 || ch === 13) break;
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i >= n) {
        endOfRecord = true;
      } else {
        const ch = text.charCodeAt(i);
        if (ch === sep) {
          i++;
        } else {
          // CR, LF or CRLF
          i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ row, line: startLine, cells });
  }
  return { file, delimiter, rows };
}

/** Reads a delimited file; a missing or unreadable file is an InputError naming it. */
export async function readDelimited(path: string, options: DelimitedOptions = {}): Promise<DelimitedTable> {
  return parseDelimited(await readTextFile(path, options), path, options);
}

/**
 * Reads a text file of a table, decoded strictly (UTF-8 unless `options.encoding` names another;
 * see readInputFile); a missing or unreadable file is an InputError naming it.
 */
export async function readTextFile(path: string, options: ReadInputOptions = {}): Promise<string> {
  return readInputFile(path, options, { missing: 'missing-file', unreadable: 'unreadable-file' });
}
