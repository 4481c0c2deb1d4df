import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
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
} from '../plenty-store.js';
import { StoreDamagedError } from '../store-damaged-error.js';
import { PgAlertsRepo } from './alerts-repo.js';
import { PgEnterprisesRepo } from './enterprises-repo.js';
import { PgJobQueue } from './job-queue.js';
import { PgJobsRepo } from './jobs-repo.js';
import { PgModelsRepo } from './models-repo.js';
import { PgPlansRepo } from './plans-repo.js';
import { postgresUnavailable } from './postgres-unavailable.js';
import { PgReportsRepo } from './reports-repo.js';
import { PgScenariosRepo } from './scenarios-repo.js';
import { prepared, type Sql } from './sql.js';
import { PgTokensRepo } from './tokens-repo.js';

/** The repositories over one way of running statements. */
function repositories(sql: Sql): PlentyRepositories {
  return {
    models: new PgModelsRepo(sql),
    scenarios: new PgScenariosRepo(sql),
    plans: new PgPlansRepo(sql),
    enterprises: new PgEnterprisesRepo(sql),
    tokens: new PgTokensRepo(sql),
    reports: new PgReportsRepo(sql),
    alerts: new PgAlertsRepo(sql),
    jobs: new PgJobsRepo(sql),
  };
}

/** One open transaction on one client: whether its body may still call, and what abandoned it. */
interface TransactionState {
  readonly client: pg.PoolClient;
  /** Savepoints made so far (their names are numbered). */
  savepoints: number;
  /** The error after which PostgreSQL abandoned the transaction (any statement's error outside a savepoint undone since). */
  aborted: { readonly error: unknown } | undefined;
}

/** A scope of a transaction (the whole body, or one savepoint's body): valid until that body settles. */
interface Scope {
  active: boolean;
}

/** Runs statements on the transaction's client while `scope` is active; an error abandons the transaction. */
function transactionSql(state: TransactionState, scope: Scope): Sql {
  const sql: Sql = {
    query: async (text, values) => {
      if (!scope.active) throw new Error('a call through a transaction after its body settled: the transaction has ended');
      if (state.aborted !== undefined) throw state.aborted.error;
      try {
        return await state.client.query(prepared(text, values));
      } catch (error) {
        state.aborted ??= { error };
        throw error;
      }
    },
    atomic: (body) => body(sql),
  };
  return sql;
}

/** The repositories of a transaction scope, and its savepoints. */
function transactionOf(state: TransactionState, scope: Scope): PlentyTransaction {
  return {
    ...repositories(transactionSql(state, scope)),
    savepoint: async <T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T> => {
      if (!scope.active) throw new Error('a savepoint of a transaction after its body settled: the transaction has ended');
      if (state.aborted !== undefined) throw state.aborted.error;
      const name = `plenty_savepoint_${++state.savepoints}`;
      await state.client.query(`SAVEPOINT ${name}`);
      const inner: Scope = { active: true };
      try {
        const result = await body(transactionOf(state, inner));
        inner.active = false;
        // The body may have caught the error of a statement that abandoned the transaction.
        const aborted = state.aborted as TransactionState['aborted'];
        if (aborted !== undefined) throw aborted.error;
        await state.client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        inner.active = false;
        try {
          await state.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          await state.client.query(`RELEASE SAVEPOINT ${name}`);
          state.aborted = undefined;
        } catch (rollbackError) {
          // The savepoint could not be undone (the connection is gone): the whole transaction is lost.
          state.aborted ??= { error: rollbackError };
        }
        throw error;
      }
    },
  };
}

/**
 * The PlentyStore on PostgreSQL (node-postgres's Pool). A call on the store runs on whichever
 * pooled connection is free: one statement (autocommitted) or, for the operations made of
 * several (adding a model version, adding an alert), a transaction of its own. `transaction`
 * takes one client for its whole body, from BEGIN to COMMIT (ROLLBACK when the body rejects),
 * savepoints inside it; a call on the store itself from inside a transaction's body is refused
 * (it would not be part of the transaction), as in SQLite. Nothing is kept in memory between
 * calls, so that several service nodes can share the database. A PostgreSQL store has no
 * "damaged" state: the server's own errors are unavailability (`unavailable`) or bugs.
 */
export class PostgresStore implements PlentyStore {
  readonly kind = 'postgres' as const;
  readonly models: ModelsRepository;
  readonly scenarios: ScenariosRepository;
  readonly plans: PlansRepository;
  readonly enterprises: EnterprisesRepository;
  readonly tokens: TokensRepository;
  readonly reports: ReportsRepository;
  readonly alerts: AlertsRepository;
  readonly jobs: JobsRepository;
  /** The jobs table as solve workers' queue (src/store/postgres/job-queue.ts). */
  readonly queue: PgJobQueue;
  readonly damaged = undefined;
  /** The transaction whose body is running (calls on the store are refused while it is active). */
  private readonly inTransaction = new AsyncLocalStorage<Scope>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    /** The store's connections (solve workers' graphile-worker runner shares them). */
    readonly pool: pg.Pool,
    /** The database's URL without its password. */
    readonly location: string,
  ) {
    const sql: Sql = {
      query: (text, values) => this.run(() => this.pool.query(prepared(text, values))),
      atomic: (body) => this.run(() => this.withTransaction((state) => body(transactionSql(state, { active: true })))),
    };
    const repos = repositories(sql);
    this.models = repos.models;
    this.scenarios = repos.scenarios;
    this.plans = repos.plans;
    this.enterprises = repos.enterprises;
    this.tokens = repos.tokens;
    this.reports = repos.reports;
    this.alerts = repos.alerts;
    this.jobs = repos.jobs;
    this.queue = new PgJobQueue(sql);
  }

  get open(): boolean {
    return !this.closed;
  }

  transaction<T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T> {
    return this.run(() =>
      this.withTransaction(async (state) => {
        const scope: Scope = { active: true };
        try {
          return await this.inTransaction.run(scope, () => body(transactionOf(state, scope)));
        } finally {
          scope.active = false;
        }
      }),
    );
  }

  damageOf(err: unknown): StoreDamagedError | undefined {
    return err instanceof StoreDamagedError ? err : undefined;
  }

  unavailable(err: unknown): string | undefined {
    return postgresUnavailable(err);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.running]);
    await this.pool.end();
  }

  /** Runs one operation of the store, counted as running until it settles (close waits for it). */
  private run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`the store ${this.location} is closed`));
    if (this.inTransaction.getStore()?.active === true) {
      return Promise.reject(new Error("a call on the store inside a transaction's body: make it through the transaction's repositories (it would not be part of the transaction)"));
    }
    const p = operation();
    this.running.add(p);
    const forget = (): void => {
      this.running.delete(p);
    };
    p.then(forget, forget);
    return p;
  }

  /** BEGIN on a pooled client, `body`, then COMMIT; ROLLBACK when `body` rejects or the transaction was abandoned. */
  private async withTransaction<T>(body: (state: TransactionState) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const state: TransactionState = { client, savepoints: 0, aborted: undefined };
    let broken: Error | undefined;
    // The connection may fail between two statements (the server ended it): without a listener
    // that error would be thrown at the process. It abandons the transaction instead.
    const lost = (error: Error): void => {
      state.aborted ??= { error };
      broken = error;
    };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      let result: T;
      try {
        result = await body(state);
        if (state.aborted !== undefined) throw state.aborted.error;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      }
      const commit = await client.query('COMMIT');
      // PostgreSQL answers COMMIT of an abandoned transaction with ROLLBACK, not an error.
      if (commit.command === 'ROLLBACK') throw new Error('PostgreSQL rolled the transaction back at COMMIT: nothing of it was stored');
      return result;
    } catch (error) {
      if (postgresUnavailable(error) !== undefined) broken ??= error as Error;
      throw error;
    } finally {
      client.off('error', lost);
      // A client whose connection failed is discarded, not returned to the pool.
      client.release(broken);
    }
  }
}
