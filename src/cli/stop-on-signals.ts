/**
 * On the first SIGINT or SIGTERM, stops what a long-running command runs (`steps`, one after the
 * other, each one's failure ignored so that the next still runs) and lets the process end with
 * exit code 0.
 */
export function stopOnSignals(...steps: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      for (const step of steps) await step().catch(() => undefined);
      process.exitCode = 0;
    })();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
