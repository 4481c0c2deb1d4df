import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { AsyncBuffer } from 'hyparquet';
import { inputError } from '../errors.js';

/** A Parquet file to read from: its bytes on demand (hyparquet's AsyncBuffer) and a way to let it go. */
export interface ParquetSource extends AsyncBuffer {
  /** Bytes [start, end) in memory the source reuses: valid until the next call. */
  read(start: number, end: number): Uint8Array;
  close(): void;
}

/** A source over bytes already in memory (tests, small models). */
export function bytesSource(bytes: Uint8Array): ParquetSource {
  return {
    byteLength: bytes.byteLength,
    slice: (start, end = bytes.byteLength) => bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end) as ArrayBuffer,
    read: (start, end) => bytes.subarray(start, end),
    close: () => undefined,
  };
}

/**
 * A source over a file, read range by range as the reader asks (a row group at a time), so that a
 * file of gigabytes is never held whole. A missing or unreadable file is an InputError naming it.
 */
export function fileSource(path: string): ParquetSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT') throw inputError('file-not-found', 'file not found', { file: path });
    throw inputError('file-unreadable', `cannot read the file: ${e instanceof Error ? e.message : String(e)}`, { file: path });
  }
  const size = fstatSync(fd).size;
  let scratch = Buffer.alloc(0);
  const fill = (buffer: Buffer, length: number, start: number): number => {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  };
  return {
    byteLength: size,
    slice(start, end = size) {
      // Its own ArrayBuffer (offset 0), which hyparquet views without copying.
      const buffer = Buffer.allocUnsafeSlow(end - start);
      const done = fill(buffer, buffer.length, start);
      return (done === buffer.length ? buffer.buffer : buffer.buffer.slice(0, done)) as ArrayBuffer;
    },
    read(start, end) {
      if (scratch.length < end - start) scratch = Buffer.allocUnsafeSlow(Math.max(end - start, 2 * scratch.length));
      return scratch.subarray(0, fill(scratch, end - start, start));
    },
    close: () => closeSync(fd),
  };
}
