import { AsyncLocalStorage } from 'node:async_hooks';
import { openStore, type OpenStoreOptions } from './open-store.js';
import type {
  AlertsRepository,
  EnterprisesRepository,
  JobsRepository,
  ModelsRepository,
  PlansRepository,
  PlentyRepositories,
  PlentyStore,
  PlentyTransaction,
  ReportsRepository,
  ScenariosRepository,
  TokensRepository,
} from './plenty-store.js';
import type { StoreDamagedError } from './store-damaged-error.js';
import { storeUnavailable } from './store-unavailable.js';
import type { Store } from './store.js';

/** A repository's methods as async ones. */
type Async<R> = { readonly [K in keyof R]: R[K] extends (...args: infer A) => infer T ? (...args: A) => Promise<T> : never };

/** The repository with every method run through `run` (which returns a Promise of the method's result). */
function asyncRepo<R extends object>(repo: R, run: <T>(operation: () => T) => Promise<T>): Async<R> {
  const methods: Record<string, unknown> = {};
  let proto: object | null = Object.getPrototypeOf(repo) as object | null;
  while (proto !== null && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key in methods) continue;
      const value: unknown = Reflect.get(repo, key);
      if (typeof value === 'function') methods[key] = (...args: unknown[]): Promise<unknown> => run(() => (value as (...a: unknown[]) => unknown).apply(repo, args));
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return methods as Async<R>;
}

/** An open transaction: whether its body may still call, and what ended it early. */
interface TransactionState {
  active: boolean;
  /** The error with which the database abandoned the whole transaction (SQLite rolled it back). */
  aborted: { readonly error: unknown } | undefined;
}

/** One operation at a time, in the order asked (a chain of Promises). */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  /** Runs `operation` once every operation asked before it has settled. */
  run<T>(operation: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(operation);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * The PlentyStore on one SQLite connection (better-sqlite3, synchronous): the existing
 * repositories (src/store/*-repo.ts) behind async methods. Every operation, and every
 * transaction from BEGIN to COMMIT, holds the store's mutex, so nothing interleaves into an open
 * transaction; a call on the store itself from inside a transaction's body (which would wait for
 * that transaction forever) is refused with an error. Damage found at run time turns the store
 * read-only (see Store): `damaged` and `damageOf` tell.
 */
export class SqliteStore implements PlentyStore {
  readonly kind = 'sqlite' as const;
  readonly models: ModelsRepository;
  readonly scenarios: ScenariosRepository;
  readonly plans: PlansRepository;
  readonly enterprises: EnterprisesRepository;
  readonly tokens: TokensRepository;
  readonly reports: ReportsRepository;
  readonly alerts: AlertsRepository;
  readonly jobs: JobsRepository;
  private readonly mutex = new Mutex();
  private readonly current = new AsyncLocalStorage<TransactionState>();
  private closing = false;
  private savepoints = 0;

  constructor(
    /** The synchronous store underneath (its connection, the file tools' view). */
    readonly sqlite: Store,
  ) {
    const repos = this.repositories(<T>(operation: () => T): Promise<T> => this.exclusive(operation));
    this.models = repos.models;
    this.scenarios = repos.scenarios;
    this.plans = repos.plans;
    this.enterprises = repos.enterprises;
    this.tokens = repos.tokens;
    this.reports = repos.reports;
    this.alerts = repos.alerts;
    this.jobs = repos.jobs;
  }

  get location(): string {
    return this.sqlite.path;
  }

  get open(): boolean {
    return !this.closing && this.sqlite.db.open;
  }

  get damaged(): StoreDamagedError | undefined {
    return this.sqlite.damaged;
  }

  damageOf(err: unknown): StoreDamagedError | undefined {
    return this.sqlite.damageOf(err);
  }

  unavailable(err: unknown): string | undefined {
    return storeUnavailable(err);
  }

  async transaction<T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T> {
    this.refuseInsideTransaction();
    return this.mutex.run(async () => {
      this.assertOpen();
      const { db } = this.sqlite;
      const state: TransactionState = { active: true, aborted: undefined };
      const tx = this.transactionView(state);
      try {
        this.guarded(() => db.prepare('BEGIN').run());
        const result = await this.current.run(state, () => body(tx));
        if (state.aborted !== undefined) throw state.aborted.error;
        this.guarded(() => db.prepare('COMMIT').run());
        return result;
      } catch (err) {
        try {
          if (db.open && db.inTransaction) db.prepare('ROLLBACK').run();
        } catch {
          // A connection that cannot roll back (found damaged) ends the transaction unwritten anyway.
        }
        throw err;
      } finally {
        state.active = false;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.mutex.run(() => this.sqlite.close());
  }

  /** The repositories with each method run by `run`. */
  private repositories(run: <T>(operation: () => T) => Promise<T>): PlentyRepositories {
    const s = this.sqlite;
    return {
      models: asyncRepo(s.models, run),
      scenarios: asyncRepo(s.scenarios, run),
      plans: asyncRepo(s.plans, run),
      enterprises: asyncRepo(s.enterprises, run),
      tokens: asyncRepo(s.tokens, run),
      reports: asyncRepo(s.reports, run),
      alerts: asyncRepo(s.alerts, run),
      jobs: asyncRepo(s.jobs, run),
    };
  }

  /** The repositories of an open transaction: direct calls on the connection, refused once it ended. */
  private transactionView(state: TransactionState): PlentyTransaction {
    const { db } = this.sqlite;
    const run = <T>(operation: () => T): Promise<T> => {
      try {
        this.assertUsable(state);
        return Promise.resolve(operation());
      } catch (err) {
        // SQLite rolled the whole transaction back (a full disk, an I/O error): nothing more of it may run.
        if (state.active && state.aborted === undefined && !db.inTransaction) state.aborted = { error: err };
        return Promise.reject(err as Error);
      }
    };
    const tx: PlentyTransaction = {
      ...this.repositories(run),
      savepoint: async <T>(body: (inner: PlentyTransaction) => Promise<T>): Promise<T> => {
        this.assertUsable(state);
        const name = `plenty_${++this.savepoints}`;
        this.guarded(() => db.prepare(`SAVEPOINT ${name}`).run());
        try {
          const result = await body(tx);
          this.assertUsable(state);
          this.guarded(() => db.prepare(`RELEASE ${name}`).run());
          return result;
        } catch (err) {
          if (db.open && db.inTransaction) {
            db.prepare(`ROLLBACK TO ${name}`).run();
            db.prepare(`RELEASE ${name}`).run();
          } else if (state.active && state.aborted === undefined) state.aborted = { error: err };
          throw err;
        }
      },
    };
    return tx;
  }

  /** Runs one operation on the store itself: after every operation and transaction asked before it. */
  private exclusive<T>(operation: () => T): Promise<T> {
    try {
      this.refuseInsideTransaction();
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return this.mutex.run(() => {
      this.assertOpen();
      return operation();
    });
  }

  /** A call on the store (not the transaction) from inside a transaction's body would wait for it forever. */
  private refuseInsideTransaction(): void {
    if (this.current.getStore()?.active === true) {
      throw new Error("a call on the store inside one of its transactions (it would wait for that transaction's end): make it through the transaction's repositories");
    }
  }

  private assertOpen(): void {
    if (!this.sqlite.db.open) throw new Error(`the store ${this.sqlite.path} is closed`);
  }

  private assertUsable(state: TransactionState): void {
    if (!state.active) throw new Error('the transaction has ended: its repositories can no longer be used');
    if (state.aborted !== undefined) throw state.aborted.error;
    this.assertOpen();
  }

  /** Runs a statement of the transaction's own, its errors read as damage like the repositories'. */
  private guarded<T>(operation: () => T): T {
    try {
      return operation();
    } catch (err) {
      throw this.damageOf(err) ?? err;
    }
  }
}

/** Opens (creating if needed) the SQLite store of a data folder (see openStore) as a PlentyStore. */
export function openSqliteStore(options: OpenStoreOptions = {}): SqliteStore {
  return new SqliteStore(openStore(options));
}
