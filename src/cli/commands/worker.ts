import { inputError } from '../../model/errors.js';
import { stopOnSignals } from '../stop-on-signals.js';
import { SolveWorker } from '../../server/solve-worker.js';
import { isPostgresUrl, openPlentyStore, PostgresStore } from '../../store/index.js';

export interface WorkerFlags {
  readonly store?: string;
  readonly concurrency?: string;
  readonly leaseSeconds?: string;
}

/**
 * `plenty worker`: a solve worker on a PostgreSQL store (src/server/solve-worker.ts). Prints
 * `worker ID ready (…)` as the first line of stdout once it takes jobs; on SIGINT or SIGTERM it
 * gives its running jobs back to the queue and stops.
 */
export async function workerCommand(flags: WorkerFlags): Promise<void> {
  const concurrency = Number(flags.concurrency ?? '1');
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw inputError('invalid-option', '--concurrency must be a whole number from 1 to 64', { path: ['--concurrency'] }, flags.concurrency);
  const leaseSeconds = Number(flags.leaseSeconds ?? '30');
  if (!(Number.isFinite(leaseSeconds) && leaseSeconds >= 2 && leaseSeconds <= 3600)) throw inputError('invalid-option', '--lease-seconds must be a number from 2 to 3600', { path: ['--lease-seconds'] }, flags.leaseSeconds);
  const spec = flags.store ?? process.env.PLENTY_STORE;
  if (spec === undefined || spec === '') throw inputError('invalid-option', 'a worker needs --store postgres://… (or PLENTY_STORE): solve workers share a PostgreSQL store', { path: ['--store'] }, spec);
  if (!isPostgresUrl(spec)) throw inputError('invalid-option', 'a worker needs a postgres:// store: with an SQLite store the service runs its jobs itself', { path: ['--store'] }, spec);
  const store = await openPlentyStore(spec);
  if (!(store instanceof PostgresStore)) {
    await store.close();
    throw new Error(`${spec} opened as a ${store.kind} store`);
  }
  let worker: SolveWorker;
  try {
    worker = await SolveWorker.start(store, { concurrency, leaseMs: Math.round(leaseSeconds * 1000), log: (line) => process.stdout.write(`${line}\n`) });
  } catch (err) {
    await store.close();
    throw err;
  }
  process.stdout.write(`worker ${worker.id} ready (concurrency ${concurrency}, lease ${leaseSeconds} s)\n`);
  stopOnSignals(() => worker.stop(), () => store.close());
}
