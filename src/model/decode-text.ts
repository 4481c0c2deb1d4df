import { InputError, inputError, type Location } from './errors.js';

/** The encoding files are read in unless another is named (docs/model.md, "Encoding"). */
export const DEFAULT_ENCODING = 'utf-8';

const EXAMPLES = 'utf-8, latin1, iso-8859-15, windows-1250, utf-16le, shift_jis, gb18030';

/**
 * The canonical name of an encoding label that Node's TextDecoder knows (`UTF8` → `utf-8`,
 * `latin1` → `windows-1252`, which Node decodes as ISO-8859-1); an unknown label is an InputError
 * at `where` (by default the `--encoding` option).
 */
export function encodingName(label: string, where: Location = { path: ['--encoding'] }): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw inputError('invalid-option', `unknown encoding; name one that Node's TextDecoder knows, such as ${EXAMPLES}`, where, label);
  }
}

/** Line and column (1-based, in characters) at the end of `text`. */
function endPosition(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: text.length - lineStart + 1 };
}

/** True when the first `length` bytes hold a sequence the encoding cannot decode (bytes cut off at the end do not count). */
function failsWithin(bytes: Uint8Array, length: number, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return false;
  } catch {
    return true;
  }
}

function decodes(bytes: Uint8Array, length: number, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length));
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the first undecodable bytes of `bytes` begin: the end of the longest prefix that decodes
 * into whole characters before the first invalid sequence (or before a sequence cut off by the end).
 */
function firstUndecodable(bytes: Uint8Array, encoding: string): number {
  let start = bytes.length;
  if (failsWithin(bytes, bytes.length, encoding)) {
    // The shortest prefix in which the decoder meets an invalid sequence: its last byte showed it.
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (failsWithin(bytes, mid, encoding)) hi = mid;
      else lo = mid + 1;
    }
    start = lo - 1;
  }
  // The bad sequence starts after the last whole character before that byte.
  while (start > 0 && !decodes(bytes, start, encoding)) start--;
  return start;
}

/**
 * Decodes a file's bytes in `encoding` (UTF-8 by default), strictly: a byte-order mark is dropped,
 * and bytes that are not valid in the encoding are an InputError naming the file, the line and
 * column, the byte offset and the bytes, and saying how to name another encoding. Text is never
 * silently turned into U+FFFD.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: string = DEFAULT_ENCODING): string {
  const name = encodingName(encoding, { file, path: ['encoding'] });
  try {
    return new TextDecoder(name, { fatal: true }).decode(bytes);
  } catch {
    throw undecodable(bytes, file, name);
  }
}

function undecodable(bytes: Uint8Array, file: string, encoding: string): InputError {
  const offset = firstUndecodable(bytes, encoding);
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset));
  const { line, column } = endPosition(before);
  let end = Math.min(bytes.length, offset + 1);
  while (end < bytes.length && end < offset + 4 && bytes[end] >= 0x80) end++;
  const shown = Array.from(bytes.subarray(offset, end), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const hint =
    encoding === DEFAULT_ENCODING
      ? 'if the file is in another encoding, name it with --encoding (e.g. --encoding latin1 for Latin-1 text)'
      : 'name the file’s real encoding with --encoding';
  return inputError('invalid-encoding', `not valid ${encoding} text at byte offset ${offset}; ${hint}`, { file, line, column }, shown);
}

/** Line, column (1-based) and offset of the first U+FFFD (the replacement character) in `text`, if any. */
export function replacementCharacterAt(text: string): { line: number; column: number; offset: number } | undefined {
  const offset = text.indexOf('\uFFFD');
  return offset < 0 ? undefined : { ...endPosition(text.slice(0, offset)), offset };
}
