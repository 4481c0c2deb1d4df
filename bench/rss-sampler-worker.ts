import { workerData } from 'node:worker_threads';

// The sampling side of RssSampler: stores the largest RSS seen (kilobytes) in shared memory.
const { shared, intervalMs } = workerData as { shared: Int32Array; intervalMs: number };
setInterval(() => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(shared, 0)) Atomics.store(shared, 0, kb);
}, intervalMs);
