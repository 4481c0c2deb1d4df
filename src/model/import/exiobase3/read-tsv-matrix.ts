import { InputError, inputError } from '../../errors.js';
import type { SourceFiles } from '../source-files.js';
import { TsvMatrixParser, type TsvMatrix, type TsvMatrixLayout } from './tsv-matrix-parser.js';

/**
 * Reads the labelled matrix in file `name` of a download (zip or folder) as its bytes stream in
 * (TsvMatrixParser): a 1.5 GB Z.txt is never held as text. `expectedRows` sizes the number array
 * at once when the row count is known (Z, Y, x). A read error of the stream (a damaged or
 * truncated zip entry) is an InputError naming the file.
 */
export async function readTsvMatrix(source: SourceFiles, name: string, layout: TsvMatrixLayout, expectedRows?: number | 'columns'): Promise<TsvMatrix> {
  const file = source.where(name);
  const parser = new TsvMatrixParser(file, layout, expectedRows);
  const stream = await source.stream(name);
  try {
    for await (const chunk of stream) parser.push(chunk as Uint8Array);
  } catch (err) {
    stream.destroy();
    if (err instanceof InputError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('invalid-archive', `the file could not be read to its end (a damaged or truncated archive?): ${why}`, { file });
  }
  return parser.finish();
}
