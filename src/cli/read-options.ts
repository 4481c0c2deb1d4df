import { encodingName } from '../model/decode-text.js';
import type { ReadInputOptions } from '../model/read-input-file.js';

/** The `--encoding` option of the commands that read files. */
export interface EncodingFlags {
  readonly encoding?: string;
}

/**
 * How a command reads its input files: the encoding named by `--encoding` (checked here, before
 * anything is read: an unknown name is an InputError at the option), else UTF-8.
 */
export function readOptions(flags: EncodingFlags): ReadInputOptions {
  return flags.encoding === undefined ? {} : { encoding: encodingName(flags.encoding, { path: ['--encoding'] }) };
}
