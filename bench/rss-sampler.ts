import { Worker } from 'node:worker_threads';

/**
 * Samples process.memoryUsage.rss() from a worker thread, so that sampling goes on while the main
 * thread is busy in a synchronous solve. The largest sample since the last `take()` is kept in
 * shared memory (kilobytes).
 */
export class RssSampler {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 20) {
    this.worker = new Worker(new URL('./rss-sampler-worker.js', import.meta.url), {
      workerData: { shared: this.shared, intervalMs },
    });
    this.worker.unref();
  }

  /** The largest sample (bytes) since the previous call, and starts a new phase. */
  take(): number {
    const kb = Math.max(Atomics.exchange(this.shared, 0, 0), Math.round(process.memoryUsage.rss() / 1024));
    return kb * 1024;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
