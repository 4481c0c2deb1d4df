/**
 * The child process the fuzz cases run in: the parent watches it, ends it when a case takes too
 * long (a solve that ignores its time limit), and notices when it dies (a fatal error of V8 ends
 * the whole process, which a worker thread would not survive either). Arguments: the target and
 * the scratch folder. Messages: `run` (a case; answered with its findings and the Node.js
 * warnings it raised), `reset`, `close`.
 */
import { openLocalRunner, type LocalRunner } from './local-runner.js';
import { watchWarnings } from './oracle.js';
import type { TargetName } from './target.js';

/** Byte arrays may come through the channel as Uint8Array: the runners want Buffers. */
function buffers(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return v.map(buffers);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, buffers(x)]));
  return v;
}

const [target, scratch] = process.argv.slice(2) as [TargetName, string];
const send = (m: unknown): void => {
  process.send?.(m);
};
const warnings = watchWarnings();
let runner: LocalRunner | undefined;

process.on('message', (m: { id: number; kind: 'run' | 'reset' | 'close'; payload?: unknown }) => {
  void (async () => {
    try {
      if (m.kind === 'run') {
        runner ??= await openLocalRunner(target, scratch);
        const findings = [...(await runner.run(buffers(m.payload))), ...(await warnings.drain(target))];
        send({ id: m.id, findings });
      } else {
        await runner?.close();
        runner = undefined;
        send({ id: m.id, findings: [] });
        if (m.kind === 'close') process.disconnect();
      }
    } catch (err) {
      send({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  })();
});
