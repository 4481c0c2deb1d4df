/**
 * Counter-based pseudo-random numbers for the benchmark generators: a value depends only on a key
 * and a counter, so a generator can draw the same numbers again in a second pass without storing
 * them. The mixer is a 32-bit integer hash (lowbias32); it is small enough for V8 to inline.
 */

/** Mixes a 32-bit integer into a well-spread 32-bit unsigned integer. */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d);
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The key of stream `stream` (a column, a row) under `seed`. */
export function streamKey(seed: number, stream: number): number {
  return mix32((mix32(seed >>> 0) + Math.imul(stream, 0x9e3779b9)) | 0);
}

/** The `counter`-th uniform number in [0, 1) of the stream with key `key`. */
export function uniform(key: number, counter: number): number {
  return mix32((key + Math.imul(counter + 1, 0x632be5ab)) | 0) / 4294967296;
}
