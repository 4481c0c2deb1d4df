import { readFile } from 'node:fs/promises';
import { inputError } from './errors.js';

/** Reads a user's file as UTF-8; a missing or unreadable file is an InputError naming it. */
export async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT') throw inputError('file-not-found', 'file not found', { file: path });
    if (code === 'EISDIR') throw inputError('file-unreadable', 'is a folder, not a file', { file: path });
    throw inputError('file-unreadable', `cannot read the file: ${e instanceof Error ? e.message : String(e)}`, { file: path });
  }
}
