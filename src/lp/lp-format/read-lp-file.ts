import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { inputError } from '../../model/errors.js';
import type { LinearProgram } from '../lp-types.js';
import { readLp } from './read-lp.js';
import { readMps } from './read-mps.js';

/**
 * Reads a linear program from a file, by its extension: .mps (free or fixed MPS) or .lp (CPLEX LP
 * format), either optionally gzipped (.mps.gz, .lp.gz).
 */
export async function readLpFile(path: string): Promise<LinearProgram> {
  const lower = path.toLowerCase();
  const gz = lower.endsWith('.gz');
  const base = gz ? lower.slice(0, -3) : lower;
  const kind = base.endsWith('.mps') || base.endsWith('.fixed.mps') ? 'mps' : base.endsWith('.lp') ? 'lp' : undefined;
  if (kind === undefined) throw inputError('unknown-format', 'unknown linear program format: the file name must end in .mps or .lp (optionally .gz)', { file: path }, path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw inputError(code === 'ENOENT' ? 'not-found' : 'unreadable', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`, { file: path });
  }
  let text: string;
  try {
    text = (gz ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    throw inputError('bad-gzip', 'not a valid gzip file', { file: path });
  }
  return kind === 'mps' ? readMps(text, { file: path }) : readLp(text, { file: path });
}
