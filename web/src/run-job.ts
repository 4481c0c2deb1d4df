import type { Api } from './api.js';
import type { Job, SolveOptions } from './api-types.js';

export interface JobOutcome {
  readonly status: 'done' | 'failed' | 'cancelled';
  readonly planId?: string;
  readonly message?: string;
}

/** A solve in progress: its outcome, and a way to cancel it. */
export interface RunningJob {
  readonly jobId: string;
  readonly outcome: Promise<JobOutcome>;
  cancel(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorText(job: Job): string {
  if (job.error === undefined) return `the job ended ${job.status}`;
  return job.error;
}

/** Starts a solve of the scenario (with the objective and solver of `options`) and polls its job until it ends, reporting progress. */
export async function runJob(api: Api, scenarioId: string | number, onProgress: (fraction: number | undefined, text: string) => void, options: SolveOptions = {}): Promise<RunningJob> {
  const { jobId } = await api.solve(scenarioId, options);
  let cancelled = false;
  const outcome = (async (): Promise<JobOutcome> => {
    let wait = 150;
    for (;;) {
      const job = await api.job(jobId);
      if (job.status === 'done') return job.result === undefined ? { status: 'failed', message: 'the job gave no plan' } : { status: 'done', planId: String(job.result.planId) };
      if (job.status === 'failed') return { status: 'failed', message: errorText(job) };
      if (job.status === 'cancelled') return { status: 'cancelled' };
      onProgress(job.progress?.fraction, job.progress?.text ?? (job.status === 'queued' ? 'queued' : 'solving'));
      await sleep(wait);
      if (cancelled) wait = 100;
      else wait = Math.min(600, wait * 1.3);
    }
  })();
  return {
    jobId: String(jobId),
    outcome,
    async cancel() {
      cancelled = true;
      await api.cancelJob(jobId);
    },
  };
}
