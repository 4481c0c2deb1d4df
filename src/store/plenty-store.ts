import type { StoreDamagedError } from './store-damaged-error.js';
import type {
  AlertFilter,
  AlertRecord,
  EnterpriseRecord,
  JobChange,
  JobRecord,
  ModelFormat,
  ModelListing,
  ModelRecord,
  NewAlert,
  NewPlan,
  PlanRecord,
  PlanWithResult,
  Publication,
  ReportFilter,
  ReportOutcome,
  ReportRecord,
  ReportTotals,
  Role,
  ScenarioRecord,
  TokenRecord,
} from './types.js';

/*
 * The planning service's store, as an interface with one implementation per database: SQLite
 * (src/store/sqlite-store.ts, the embedded default) and PostgreSQL. Every implementation passes
 * the shared suite in test/store/store-suite.ts, which tests what these comments promise.
 *
 * General contract:
 * - Every method returns a Promise; no method takes a callback, so an implementation may run each
 *   call as one round trip on one connection (PostgreSQL: one pooled client per transaction).
 * - A method called on the store itself (not on a transaction) is atomic: it happens whole or
 *   not at all, and its result is committed (durable) when its Promise resolves.
 * - Records are plain data (src/store/types.ts); JSON values (overrides, plan results, report
 *   bodies, job inputs) come back as they were stored (through JSON: `undefined` members drop out,
 *   non-finite numbers are the caller's to encode).
 * - Times (`createdAt`, `updatedAt`, `publishedAt`) are ISO 8601 UTC strings set by the store.
 * - Lists are in the order each method names; an unknown id gives `undefined`, never an error.
 * - References are checked: a write naming what is not stored rejects and changes nothing (a
 *   scenario of an unknown model version, a plan of an unknown scenario, a publication of an
 *   unknown plan, a token or report of an unknown enterprise, an alert naming a report its
 *   enterprise does not have, a job's plan that is not stored).
 */

/** Model files, every version kept. A model's id is chosen once; each upload adds a version. */
export interface ModelsRepository {
  /**
   * Adds version 1 of a new model, or the next version of an existing one (versions of one id
   * are 1, 2, 3, … without gaps, also when several adds of one id run at once).
   */
  add(id: string, name: string, text: string, format: ModelFormat): Promise<ModelRecord>;
  /**
   * Adds version 1 of a model unless the id has a version already: then nothing is stored and it
   * answers undefined. Of several adds of one new id at once, from this process or another,
   * exactly one stores it (the service's built-in examples, loaded by every node that finds an
   * empty store, are so stored once).
   */
  addFirst(id: string, name: string, text: string, format: ModelFormat): Promise<ModelRecord | undefined>;
  /** Whether any version of the model is stored. */
  exists(id: string): Promise<boolean>;
  /** The given version, or the latest one without `version`. */
  get(id: string, version?: number): Promise<ModelRecord | undefined>;
  /** The latest version of every model (without its text), ordered by id. */
  list(): Promise<ModelListing[]>;
  /** How many model versions are stored (all versions of all models). */
  count(): Promise<number>;
}

/** Scenarios: a model version and overrides of its targets, resources and prices. */
export interface ScenariosRepository {
  /** Stores a scenario; ids are positive integers given by the store, increasing. */
  add(modelId: string, modelVersion: number, name: string, overrides: unknown): Promise<ScenarioRecord>;
  get(id: number): Promise<ScenarioRecord | undefined>;
  /** Every scenario, by id. */
  list(): Promise<ScenarioRecord[]>;
}

/** Computed plans (their result document) and the one published plan. */
export interface PlansRepository {
  /**
   * Stores a plan; `resultJson` is its result document already serialised as JSON text (what
   * `get` gives back parsed as `result`). A non-finite `objective` is stored as null. Ids are
   * positive integers given by the store, increasing.
   */
  add(plan: Omit<NewPlan, 'result'>, resultJson: string): Promise<PlanRecord>;
  /** A plan with its result. */
  get(id: number): Promise<PlanWithResult | undefined>;
  /** Plans without their result, by id: all of them, or those of one scenario. */
  list(scenarioId?: number): Promise<PlanRecord[]>;
  /** The latest plan (highest id) computed from exactly these inputs, if any. */
  findByInputs(inputsHash: string): Promise<PlanRecord | undefined>;
  /** Makes a plan the published one, replacing the previous publication. */
  publish(id: number): Promise<Publication>;
  /** The published plan's id and time, or undefined while none was published. */
  published(): Promise<Publication | undefined>;
}

/** Enterprises known to the service (each may hold tokens and submit reports). */
export interface EnterprisesRepository {
  /** Stores an enterprise; an id already stored rejects (nothing changes). */
  add(id: string, name: string): Promise<EnterpriseRecord>;
  get(id: string): Promise<EnterpriseRecord | undefined>;
  /** Every enterprise, by id. */
  list(): Promise<EnterpriseRecord[]>;
}

/** Access tokens, stored as SHA-256 hashes only (never in clear). */
export interface TokensRepository {
  /** Stores a token's hash; a token already stored is left as it was (no error). */
  add(token: string, role: Role, enterprise: string | null, label?: string | null): Promise<void>;
  /** Who holds this token, or undefined for an unknown (or removed) one. */
  find(token: string): Promise<TokenRecord | undefined>;
  /** How many tokens of a role are stored. */
  count(role: Role): Promise<number>;
  /** Removes every token with this label (e.g. the previous run's session token); how many. */
  removeLabelled(label: string): Promise<number>;
}

/**
 * Enterprises' reports of actual output and use, idempotent by report id. A report id is chosen by
 * the enterprise and unique per enterprise: two enterprises may use the same id. Alongside the
 * reports the store keeps running totals per enterprise, period, kind and item key, and the
 * techniques reported on, updated in the report's own transaction.
 */
export interface ReportsRepository {
  /**
   * Stores a report unless its enterprise has one with this id. Bodies compare as canonical JSON
   * (src/store/canonical-json.ts: key order does not matter):
   * - `created`: stored now (its amounts added to the totals; the report returned as stored);
   * - `repeated`: the same body was stored under this id before: nothing changes, the stored
   *   report is returned;
   * - `conflict`: a different body is stored under this id: nothing changes, the stored report is
   *   returned.
   * Concurrent submits of one (enterprise, report id), from this process or another, store it
   * once: exactly one answer is `created`.
   * Work that must happen with the report or not at all (its alerts) is done by the caller in the
   * same `transaction`, after `submit` answered `created`.
   */
  submit(reportId: string, enterprise: string, period: string, body: unknown): Promise<ReportOutcome>;
  /**
   * Takes, for the rest of the caller's transaction, the right to write these enterprises' reports
   * (their rows, running totals and alerts): another transaction that does the same, or submits a
   * report of one of them, waits until this one ends. A transaction that submits reports of
   * several enterprises calls it first with all of them (in any order: the store takes them in an
   * order of its own), so that two such transactions, on one node or many, cannot deadlock; a
   * transaction of one enterprise's reports need not (`submit` takes its enterprise itself).
   * Transactions of different enterprises' reports run at once. Unknown ids are ignored. On the
   * store itself (not in a transaction) it does nothing lasting.
   */
  lockEnterprises(enterprises: readonly string[]): Promise<void>;
  /**
   * The running totals of an enterprise's reports for one period: Σ of the numbers under each
   * report body's `outputs` and `inputs` by item key as reported (other values ignored), and the
   * techniques reported on (a body's string `technique`; `null` for a body without one), each once.
   */
  totals(enterprise: string, period: string): Promise<ReportTotals>;
  /** An enterprise's report by its id. */
  get(enterprise: string, reportId: string): Promise<ReportRecord | undefined>;
  /** Reports, filtered by enterprise and/or period, ordered by createdAt, enterprise, reportId. */
  list(filter?: ReportFilter): Promise<ReportRecord[]>;
  /** How many reports are stored. */
  count(): Promise<number>;
}

/**
 * Alerts raised when reports stray from the plan. One alert is current per enterprise, period,
 * item and side (output: under-/over-delivery; input: input-over-/under-use): adding one marks the
 * older current alerts of that key superseded (kept, not deleted).
 */
export interface AlertsRepository {
  /** Stores an alert (a non-finite deviation as null), superseding the older ones of its key. */
  add(alert: NewAlert): Promise<AlertRecord>;
  /** Alerts matching every given filter member, by id (the order they were added). */
  list(filter?: AlertFilter): Promise<AlertRecord[]>;
}

/** Long computations (solves, re-plans) and how far they have got. */
export interface JobsRepository {
  /** Stores a job as `queued`, without progress, plan or error. */
  add(kind: string, input: unknown): Promise<JobRecord>;
  get(id: number): Promise<JobRecord | undefined>;
  /**
   * Changes a queued or running job's status, progress, plan or error (members left out are kept;
   * `fraction`/`text` given as null clear them) and its `updatedAt`. A finished job (done, failed,
   * cancelled) or an unknown one is never changed: false then, true when the job was changed.
   */
  update(id: number, change: JobChange): Promise<boolean>;
  /** Marks every queued or running job failed with this error; how many. */
  failUnfinished(reason: string): Promise<number>;
}

/** The repositories, as the store and a transaction both offer them. */
export interface PlentyRepositories {
  readonly models: ModelsRepository;
  readonly scenarios: ScenariosRepository;
  readonly plans: PlansRepository;
  readonly enterprises: EnterprisesRepository;
  readonly tokens: TokensRepository;
  readonly reports: ReportsRepository;
  readonly alerts: AlertsRepository;
  readonly jobs: JobsRepository;
}

/**
 * The repositories inside one open transaction: every call through them is part of it, and sees
 * the transaction's own earlier writes. Valid only until the transaction's body settles; a call
 * after that rejects.
 */
export interface PlentyTransaction extends PlentyRepositories {
  /**
   * Runs `body` in a savepoint of this transaction: if it throws (rejects), only the writes made
   * through `body`'s transaction are undone and the error is thrown on; the transaction stays open
   * and usable. (Group commit stores each report of a batch so.) If the database abandoned the
   * whole transaction instead (SQLite does on a full disk or an I/O error), every later call in
   * the transaction rejects and so does `transaction`: nothing of it is stored.
   */
  savepoint<T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T>;
}

/** Which database a store keeps its data in. */
export type PlentyStoreKind = 'sqlite' | 'postgres';

/**
 * The store: its repositories (each call one atomic operation), transactions, and how the service
 * reads its errors.
 */
export interface PlentyStore extends PlentyRepositories {
  readonly kind: PlentyStoreKind;
  /**
   * Where the data is, for messages and logs: the SQLite file, or the PostgreSQL URL without its
   * password.
   */
  readonly location: string;
  /** False once `close` was called. */
  readonly open: boolean;
  /**
   * Runs `body` in one transaction and resolves with its result once the transaction committed.
   * Every write made through `tx` happens whole or not at all: if `body` rejects (or the commit
   * fails), nothing it wrote remains and `transaction` rejects with that error. No other
   * operation sees its writes before the commit. `body` runs once (it is never retried), must
   * make its calls through `tx` (not through the store, whose calls would wait for this
   * transaction's end: an implementation may reject them instead) and must not call
   * `transaction` again (use `tx.savepoint`). Transactions may be started concurrently; each
   * sees only its own uncommitted writes (SQLite runs them one after the other).
   */
  transaction<T>(body: (tx: PlentyTransaction) => Promise<T>): Promise<T>;
  /**
   * The damage found at run time (SQLite: a corrupt page met by a query; the store is read-only
   * since), or undefined while none was (always, for a store that has no such state).
   */
  readonly damaged: StoreDamagedError | undefined;
  /**
   * What an error thrown by this store means: a StoreDamagedError when it shows the store damaged
   * or is a write refused since (the service answers 503 store-damaged); undefined otherwise.
   */
  damageOf(err: unknown): StoreDamagedError | undefined;
  /**
   * A sentence for an error that says the store cannot be written now though it is sound (disk
   * full, I/O error, locked, read-only, connection lost): nothing of the request was stored, the
   * client may retry (the service answers 503 store-unavailable); undefined for any other error.
   * The sentence names no path or URL.
   */
  unavailable(err: unknown): string | undefined;
  /**
   * Waits for running operations, then closes the connection(s). Calls after it reject; closing
   * twice is harmless.
   */
  close(): Promise<void>;
}
