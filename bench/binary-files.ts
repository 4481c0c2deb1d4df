import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** Largest write or read per call (a single call is limited to about 2 GB). */
const CHUNK = 1 << 28;

/** Writes a typed array as raw little-endian bytes (the platform order on every supported CPU). */
export function writeArray(path: string, array: Int32Array | Float64Array): void {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const fd = openSync(path, 'w');
  try {
    for (let off = 0; off < bytes.length; ) {
      off += writeSync(fd, bytes, off, Math.min(CHUNK, bytes.length - off));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a file of raw little-endian float64 values. */
export function readFloat64(path: string): Float64Array {
  return readArray(path, 8, (n) => new Float64Array(n), 'float64');
}

/** Reads a file of raw little-endian int32 values. */
export function readInt32(path: string): Int32Array {
  return readArray(path, 4, (n) => new Int32Array(n), 'int32');
}

function readArray<T extends Int32Array | Float64Array>(path: string, width: number, make: (n: number) => T, what: string): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size % width !== 0) throw new Error(`${path}: ${size} bytes is not a whole number of ${what} values`);
    const out = make(size / width);
    const bytes = new Uint8Array(out.buffer);
    for (let off = 0; off < size; ) {
      const got = readSync(fd, bytes, off, Math.min(CHUNK, size - off), off);
      if (got === 0) throw new Error(`${path}: file ended after ${off} of ${size} bytes`);
      off += got;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
