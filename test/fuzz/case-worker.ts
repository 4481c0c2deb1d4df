/**
 * The thread the fuzz cases run in: the main thread watches it and ends it when a case takes too
 * long (a solve that ignores its time limit would otherwise hang the suite). Messages: `run`
 * (a case; answered with its findings and the Node.js warnings it raised), `reset`, `close`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openLocalRunner, type LocalRunner } from './local-runner.js';
import { watchWarnings } from './oracle.js';
import type { TargetName } from './target.js';

/** Byte arrays come through the message channel as Uint8Array: the runners want Buffers. */
function buffers(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return v.map(buffers);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, buffers(x)]));
  return v;
}

const { target, scratch } = workerData as { target: TargetName; scratch: string };
const warnings = watchWarnings();
let runner: LocalRunner | undefined;
const port = parentPort;
if (port === null) throw new Error('case-worker runs as a worker thread');

port.on('message', (m: { id: number; kind: 'run' | 'reset' | 'close'; payload?: unknown }) => {
  void (async () => {
    try {
      if (m.kind === 'run') {
        runner ??= await openLocalRunner(target, scratch);
        const findings = [...(await runner.run(buffers(m.payload))), ...(await warnings.drain(target))];
        port.postMessage({ id: m.id, findings });
      } else {
        await runner?.close();
        runner = undefined;
        if (m.kind === 'close') warnings.stop();
        port.postMessage({ id: m.id, findings: [] });
      }
    } catch (err) {
      port.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  })();
});
