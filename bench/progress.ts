/** Environment variable holding the benchmark's start (ms since the epoch), passed on to its cases. */
const START = 'PLENTY_BENCH_START';

const start = Number(process.env[START] ?? Date.now());
process.env[START] = String(start);

/** A progress line on stderr, prefixed with the seconds since the whole benchmark started. */
export function progress(message: string): void {
  console.error(`[${((Date.now() - start) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}
