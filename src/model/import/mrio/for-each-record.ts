import { DEFAULT_ENCODING, encodingName } from '../../decode-text.js';
import { InputError, inputError, type Issue } from '../../errors.js';
import { parseDelimited, type Delimiter, type DelimitedRow } from '../read-delimited.js';
import type { SourceFiles } from '../source-files.js';

/** Text decoded before it is split into records: about 4 MB at a time. */
const SEGMENT_CHARS = 1 << 22;

/**
 * Streams the delimited text file `name` of a download record by record (for files too large to
 * hold as one string: a FIGARO flat file has nine million records), calling `onRecord` with each
 * record's cells and its 1-based row and line. Decoding is strict (UTF-8 unless `encoding` names
 * another): bytes that do not decode are an InputError naming the file and the line. Quoting is
 * RFC 4180's (read-delimited.ts), quoted line breaks included; the separator (comma, tab or
 * semicolon) is detected from the first record.
 */
export async function forEachRecord(
  source: SourceFiles,
  name: string,
  onRecord: (row: DelimitedRow) => void,
  options: { readonly encoding?: string } = {},
): Promise<void> {
  const file = source.where(name);
  const encoding = encodingName(options.encoding ?? DEFAULT_ENCODING, { file, path: ['encoding'] });
  const decoder = new TextDecoder(encoding, { fatal: true });
  let pending = '';
  let rowsBefore = 0;
  let linesBefore = 0;
  let delimiter: Delimiter | undefined;

  const flush = (text: string, last: boolean): string => {
    // Split at the last line break; the rest waits for more text unless this is the end.
    const cut = last ? text.length : text.lastIndexOf('\n') + 1;
    if (cut === 0) return text;
    const part = text.slice(0, cut);
    let parsed;
    try {
      parsed = parseDelimited(part, file, delimiter === undefined ? {} : { delimiter });
    } catch (err) {
      // A quoted cell that spans the cut: wait for more text.
      if (!last && err instanceof InputError && err.issues[0]?.code === 'unterminated-quote') return text;
      throw rebase(err, rowsBefore, linesBefore);
    }
    delimiter = parsed.delimiter;
    // Lines of the part (it ends with a line break), and records: lines less the line breaks quoted in cells.
    let quoted = 0;
    for (const r of parsed.rows) {
      onRecord({ row: r.row + rowsBefore, line: r.line + linesBefore, cells: r.cells });
      for (const c of r.cells) if (c.indexOf('\n') >= 0) quoted += lineCount(c) - 1;
    }
    const breaks = lineCount(part) - 1;
    rowsBefore += breaks - quoted;
    linesBefore += breaks;
    return text.slice(cut);
  };

  const stream = await source.stream(name);
  let flushing = false;
  try {
    for await (const chunk of stream) {
      try {
        pending += decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw undecodable(file, encoding, linesBefore + lineCount(pending));
      }
      if (pending.length >= SEGMENT_CHARS) {
        flushing = true;
        pending = flush(pending, false);
        flushing = false;
      }
    }
    try {
      pending += decoder.decode();
    } catch {
      throw undecodable(file, encoding, linesBefore + lineCount(pending));
    }
  } catch (err) {
    // Errors of the records (and of onRecord) as they are; others are the stream's: a damaged file.
    if (err instanceof InputError || flushing) throw err;
    throw inputError('invalid-archive', `the file could not be read to its end (a damaged or truncated download?): ${err instanceof Error ? err.message : String(err)}`, { file, line: linesBefore + 1 });
  }
  flush(pending, true);
}

function lineCount(text: string): number {
  let n = 1;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

function undecodable(file: string, encoding: string, line: number): InputError {
  const hint = encoding === DEFAULT_ENCODING ? 'if the file is in another encoding, name it with --encoding' : 'name the file’s real encoding with --encoding';
  return inputError('invalid-encoding', `not valid ${encoding} text (at or after this line); ${hint}`, { file, line });
}

/** An error of a segment's parse, with its rows and lines counted from the file's start. */
function rebase(err: unknown, rows: number, lines: number): unknown {
  if (!(err instanceof InputError)) return err;
  const issues: Issue[] = err.issues.map((i) => ({
    ...i,
    location: {
      ...i.location,
      ...(i.location.row === undefined ? {} : { row: i.location.row + rows }),
      ...(i.location.line === undefined ? {} : { line: i.location.line + lines }),
    },
  }));
  return new InputError(issues);
}
