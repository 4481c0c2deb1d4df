import type { PlentyTransaction } from '../store/index.js';

/** What a running task may do: watch for cancellation, report progress. */
export interface JobContext {
  readonly signal: AbortSignal;
  progress(fraction: number | null, text: string | null): void;
}

/**
 * A job's work. Resolves with a function that stores what it made through the transaction it is
 * given and returns the plan's id: the runner calls it in the same transaction that marks the job
 * done (a crash leaves neither). Expected failures throw with a user-facing message.
 */
export type JobTask = (ctx: JobContext) => Promise<(tx: PlentyTransaction) => Promise<number>>;
