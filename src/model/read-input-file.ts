import { readFile } from 'node:fs/promises';
import { decodeText, DEFAULT_ENCODING } from './decode-text.js';
import { inputError } from './errors.js';

/** How to read a user's file. */
export interface ReadInputOptions {
  /** The file's text encoding, any label Node's TextDecoder knows; default UTF-8 (docs/model.md, "Encoding"). */
  readonly encoding?: string;
}

/** Error codes for a file that is missing or cannot be read (importers keep their own names). */
export interface FileErrorCodes {
  readonly missing: string;
  readonly unreadable: string;
}

const CODES: FileErrorCodes = { missing: 'file-not-found', unreadable: 'file-unreadable' };

/** Reads a user's file as bytes; a missing or unreadable file is an InputError naming it. */
export async function readInputBytes(path: string, codes: FileErrorCodes = CODES): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT') throw inputError(codes.missing, 'file not found', { file: path });
    if (code === 'EISDIR') throw inputError(codes.unreadable, 'is a folder, not a file', { file: path });
    throw inputError(codes.unreadable, `cannot read the file: ${e instanceof Error ? e.message : String(e)}`, { file: path });
  }
}

/**
 * Reads a user's text file, decoded strictly (decodeText: UTF-8 unless `options.encoding` names
 * another; bytes that do not decode are a located InputError). A missing or unreadable file is an
 * InputError naming it.
 */
export async function readInputFile(path: string, options: ReadInputOptions = {}, codes: FileErrorCodes = CODES): Promise<string> {
  return decodeText(await readInputBytes(path, codes), path, options.encoding ?? DEFAULT_ENCODING);
}
