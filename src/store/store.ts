import type { Database } from 'better-sqlite3';
import { AlertsRepo } from './alerts-repo.js';
import { EnterprisesRepo } from './enterprises-repo.js';
import { JobsRepo } from './jobs-repo.js';
import { ModelsRepo } from './models-repo.js';
import { PlansRepo } from './plans-repo.js';
import { ReportsRepo } from './reports-repo.js';
import { ScenariosRepo } from './scenarios-repo.js';
import { isDamageError, StoreDamagedError } from './store-damaged-error.js';
import { TokensRepo } from './tokens-repo.js';

/** SQLite's refusal of a write on a read-only connection (what `query_only` gives). */
const isReadOnlyRefusal = (err: unknown): boolean => err !== null && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_READONLY');

/**
 * The planning service's persistence: one SQLite database, a repository per table. Each
 * repository method is one transaction; `transaction` groups several into one (nested calls
 * join the outer transaction), so that a write either happens whole or not at all.
 *
 * Damage found at run time: when a query through a repository or `transaction` meets a corrupt
 * page (SQLITE_CORRUPT, SQLITE_NOTADB), the store turns read-only (SQLite's `query_only`) and
 * that error, and every write refused from then on, is thrown as a StoreDamagedError. Reads that
 * do not touch the damage still work. `damaged` tells whether it has happened.
 */
export class Store {
  private damage: StoreDamagedError | undefined;

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
    this.models = this.guard(new ModelsRepo(db));
    this.scenarios = this.guard(new ScenariosRepo(db));
    this.plans = this.guard(new PlansRepo(db));
    this.enterprises = this.guard(new EnterprisesRepo(db));
    this.tokens = this.guard(new TokensRepo(db));
    this.reports = this.guard(new ReportsRepo(db));
    this.alerts = this.guard(new AlertsRepo(db));
    this.jobs = this.guard(new JobsRepo(db));
  }

  /** Runs `body` in one transaction: if it throws, nothing it wrote remains. */
  transaction<T>(body: () => T): T {
    return this.guarded(() => this.db.transaction(body)());
  }

  /** The damage found at run time (the first error that showed it), or undefined while none was. */
  get damaged(): StoreDamagedError | undefined {
    return this.damage;
  }

  /**
   * What an error met on this store's database means: a StoreDamagedError when it shows the file
   * damaged (the store turns read-only then) or is a write refused since; undefined otherwise.
   */
  damageOf(err: unknown): StoreDamagedError | undefined {
    if (err instanceof StoreDamagedError) return err;
    if (isDamageError(err)) {
      if (this.damage === undefined) {
        this.damage = new StoreDamagedError(this.path, (err as Error).message, { cause: err });
        try {
          this.db.pragma('query_only = ON');
        } catch {
          // A connection that cannot even take the flag refuses writes anyway.
        }
      }
      return new StoreDamagedError(this.path, this.damage.sqliteMessage, { cause: err });
    }
    if (this.damage !== undefined && isReadOnlyRefusal(err)) return new StoreDamagedError(this.path, this.damage.sqliteMessage, { cause: err });
    return undefined;
  }

  /** Runs one operation on the database, its errors read by `damageOf`. */
  private guarded<T>(operation: () => T): T {
    try {
      return operation();
    } catch (err) {
      throw this.damageOf(err) ?? err;
    }
  }

  /** The repository with every method run through `guarded`. */
  private guard<R extends object>(repo: R): R {
    return new Proxy(repo, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => this.guarded(() => (value as (...a: unknown[]) => unknown).apply(target, args));
      },
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
