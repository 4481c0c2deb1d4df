import type { PlentyStore } from '../store/index.js';
import type { Jobs } from './job-runner.js';

/** What every route needs: the store (the use cases in service/ take it) and the job runner. */
export interface ServerContext {
  readonly store: PlentyStore;
  readonly jobs: Jobs;
  /** The planner token handed out by /api/session (only when the service was started open). */
  readonly sessionToken: string | undefined;
}
