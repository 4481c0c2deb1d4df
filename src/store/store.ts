import type { Database } from 'better-sqlite3';
import { AlertsRepo } from './alerts-repo.js';
import { EnterprisesRepo } from './enterprises-repo.js';
import { JobsRepo } from './jobs-repo.js';
import { ModelsRepo } from './models-repo.js';
import { PlansRepo } from './plans-repo.js';
import { ReportsRepo } from './reports-repo.js';
import { ScenariosRepo } from './scenarios-repo.js';
import { TokensRepo } from './tokens-repo.js';

/**
 * The planning service's persistence: one SQLite database, a repository per table. Each
 * repository method is one transaction; `transaction` groups several into one (nested calls
 * join the outer transaction), so that a write either happens whole or not at all.
 */
export class Store {
  readonly models: ModelsRepo;
  readonly scenarios: ScenariosRepo;
  readonly plans: PlansRepo;
  readonly enterprises: EnterprisesRepo;
  readonly tokens: TokensRepo;
  readonly reports: ReportsRepo;
  readonly alerts: AlertsRepo;
  readonly jobs: JobsRepo;

  constructor(
    readonly db: Database,
    /** The database file (":memory:" for an in-memory store). */
    readonly path: string,
  ) {
    this.models = new ModelsRepo(db);
    this.scenarios = new ScenariosRepo(db);
    this.plans = new PlansRepo(db);
    this.enterprises = new EnterprisesRepo(db);
    this.tokens = new TokensRepo(db);
    this.reports = new ReportsRepo(db);
    this.alerts = new AlertsRepo(db);
    this.jobs = new JobsRepo(db);
  }

  /** Runs `body` in one transaction: if it throws, nothing it wrote remains. */
  transaction<T>(body: () => T): T {
    return this.db.transaction(body)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
