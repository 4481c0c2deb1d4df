/**
 * Whether random reads over a vector of a given size miss the cache, measured on this machine:
 * the split layout (split-layout.ts) pays where the far entries' reads of x miss, and where that
 * starts depends on the processor (on one 2-core machine a product over 10⁶ products, x of 8 MB,
 * was 1.3 times faster plain than split; on the one the split was tuned on it was 3 times slower).
 * Internal to the sparse package.
 */

/** Reads per timing, and timings per size (the fastest counts). */
const READS = 1 << 17;
const TIMINGS = 5;
/** Bytes of a vector that stays in the cache: the baseline. */
const CACHED_BYTES = 256 * 1024;
/**
 * Random reads over x at least this many times slower than over a cached vector mark a size
 * whose products should be split. On one 2-core machine, over ten probes, 8 MiB took 3.1–4.6
 * times as long as 256 KiB (and a plain product over the benchmark's economy of 10⁶ products, x
 * of 8 MB, was as fast as a split one serially and 1.3 times faster on two threads), 16 MiB
 * 5.1–6.4 times (and split products at 2·10⁶ 1.4 times faster), 32 MiB and more 8–10 times.
 */
const MISS_RATIO = 6;

const measured = new Map<number, number>();

/** Nanoseconds a random read over a vector of `bytes` (a power of two) takes, the fastest of TIMINGS runs (memoised). */
function readTime(bytes: number): number {
  let ns = measured.get(bytes);
  if (ns === undefined) {
    const x = new Float64Array(bytes / 8).fill(1); // written, so that its pages are its own
    const mask = x.length - 1;
    let best = Infinity;
    let sum = 0;
    // One run more than is timed, first: the engine compiles the loop during it.
    for (let r = 0; r <= TIMINGS; r++) {
      let i = (r * 7919) & mask;
      const started = performance.now();
      for (let q = 0; q < READS; q++) {
        i = (Math.imul(i, 1103515245) + 12345) & mask;
        sum += x[i];
      }
      if (r > 0) best = Math.min(best, performance.now() - started);
    }
    ns = sum > 0 ? (best * 1e6) / READS : best; // sum is read so that the loop is not dropped
    measured.set(bytes, ns);
  }
  return ns;
}

/**
 * Whether random reads over a vector of `bytes` take at least MISS_RATIO times as long as over a
 * cached one; measured once per power of two (a few milliseconds, and the vector's page faults).
 */
export function randomReadsMiss(bytes: number): boolean {
  const size = 2 ** Math.ceil(Math.log2(Math.max(bytes, CACHED_BYTES)));
  const cached = readTime(CACHED_BYTES);
  return readTime(size) >= MISS_RATIO * cached;
}
