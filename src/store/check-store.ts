import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { inspectDatabase } from './inspect-database.js';
import { inspectStoreFile } from './inspect-store-file.js';
import { latestSchemaVersion } from './plenty-schema.js';
import type { StoreFileError } from './store-file-error.js';
import { storeFileError, type StoreFileRole } from './store-file-problem.js';
import type { IntegrityLevel, StoreCheck, StoreKind } from './store-inspection.js';

/** What `checkStore` found. */
export interface StoreCheckResult {
  readonly file: string;
  /** Every check passed. */
  readonly ok: boolean;
  /** The checks in the order made, up to the first that failed. */
  readonly checks: readonly StoreCheck[];
  readonly kind?: StoreKind;
  readonly schemaVersion?: number;
  /** The newest schema this code reads. */
  readonly latestVersion: number;
  /** The first problem, as an error naming the file and what to do. */
  readonly error?: StoreFileError;
}

export interface CheckStoreOptions {
  /** Whether the file is the store or a backup (what the advice of a failure says). Default `store`. */
  readonly role?: StoreFileRole;
  /** SQLite's `quick_check` or its full `integrity_check` (default). */
  readonly integrity?: IntegrityLevel;
}

/**
 * Checks a store file without changing it (it may be in use by a running service): the file and
 * its SQLite header, the Plenty marker, the schema version, SQLite's integrity check, and
 * Plenty's own invariants (every table and index of its schema present, every foreign key
 * satisfied). Stops at the first failure.
 */
export function checkStore(file: string, options: CheckStoreOptions = {}): StoreCheckResult {
  const path = resolve(file);
  const role = options.role ?? 'store';
  const latestVersion = latestSchemaVersion();
  const onDisk = inspectStoreFile(path, role, false);
  if (onDisk.error !== undefined) return { file: path, ok: false, checks: onDisk.checks, latestVersion, error: onDisk.error };
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (err) {
    const error = storeFileError('unreadable', path, (err as Error).message, role);
    return { file: path, ok: false, checks: [...onDisk.checks, { name: 'open', ok: false, detail: (err as Error).message }], latestVersion, error };
  }
  try {
    db.pragma('busy_timeout = 5000');
    const found = inspectDatabase(db, path, { integrity: options.integrity ?? 'full', role, plentyChecks: true });
    return {
      file: path,
      ok: found.error === undefined,
      checks: [...onDisk.checks, ...found.checks],
      latestVersion,
      ...(found.kind === undefined ? {} : { kind: found.kind }),
      ...(found.schemaVersion === undefined ? {} : { schemaVersion: found.schemaVersion }),
      ...(found.error === undefined ? {} : { error: found.error }),
    };
  } finally {
    db.close();
  }
}
