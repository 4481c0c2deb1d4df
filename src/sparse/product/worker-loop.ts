/**
 * The protocol of a product worker, shared by the JS and WebAssembly kernels. The control array:
 * [0] generation (bumped by the caller for each request), [1] workers done, [2] workers ready,
 * [3] command (0 stop, 1 gather, 2 scatter), [4] failure flag. The worker takes the current
 * generation, says it is ready (the caller sends no request before all are), then for each new
 * generation runs `work(command)` and counts itself done; a throw sets the flag. A worker that
 * joins a pool late thus waits for the next request.
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
