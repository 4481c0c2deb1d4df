import type { Worker } from 'node:worker_threads';

/**
 * The protocol of a product worker, shared by the JS and WebAssembly kernels. The control array:
 * [0] generation (bumped by the caller for each request), [1] workers done, [2] workers ready,
 * [3] command (0 stop, 1 gather, 2 scatter), [4] failure flag. The worker takes the current
 * generation, says it is ready (the caller sends no request before all are), then for each new
 * generation runs `work(command)` and counts itself done; a throw sets the flag. A worker that
 * joins a pool late thus waits for the next request. The parallel draws of the Monte Carlo analysis
 * (src/leontief) use the same protocol, with the draw in [5].
 */
export function serveProducts(ctrl: Int32Array, work: (command: number) => void): void {
  let generation = Atomics.load(ctrl, 0);
  Atomics.add(ctrl, 2, 1);
  Atomics.notify(ctrl, 2);
  for (;;) {
    Atomics.wait(ctrl, 0, generation);
    generation = Atomics.load(ctrl, 0);
    const command = Atomics.load(ctrl, 3);
    if (command === 0) break;
    try {
      work(command);
    } catch {
      Atomics.store(ctrl, 4, 1);
    }
    Atomics.add(ctrl, 1, 1);
    Atomics.notify(ctrl, 1);
  }
}

/** The caller's side: tells every worker to stop (command 0). */
export function stopServing(ctrl: Int32Array): void {
  Atomics.store(ctrl, 3, 0);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

/**
 * The caller's side: waits, at most `timeoutMs`, until every one of `workers` has said it is ready.
 * False when they did not all start in time: they are then told to stop and terminated.
 */
export function awaitServing(ctrl: Int32Array, workers: readonly Worker[], timeoutMs = 10_000): boolean {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = Atomics.load(ctrl, 2);
    if (ready >= workers.length) return true;
    if (Date.now() > deadline) {
      stopServing(ctrl);
      for (const w of workers) void w.terminate();
      return false;
    }
    Atomics.wait(ctrl, 2, ready, 100);
  }
}

/** The caller's side: sends `command` (≥ 1) to the workers as a new request; the caller then does its own part and calls awaitServed. */
export function request(ctrl: Int32Array, command: number): void {
  Atomics.store(ctrl, 1, 0);
  Atomics.store(ctrl, 3, command);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

/** The caller's side: blocks until `helpers` workers are done with the request; throws (saying `what` failed) when one of them did. */
export function awaitServed(ctrl: Int32Array, helpers: number, what: string): void {
  for (;;) {
    const done = Atomics.load(ctrl, 1);
    if (done >= helpers) break;
    Atomics.wait(ctrl, 1, done);
  }
  if (Atomics.load(ctrl, 4) !== 0) throw new Error(`${what}: a worker failed`);
}
