import { inputError } from '../model/errors.js';
import { basename, dirname } from 'node:path';
import { dataDir, STORE_FILE } from './open-store.js';
import type { PlentyStore } from './plenty-store.js';
import { openSqliteStore } from './sqlite-store.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { redactUrl } from './redact-url.js';

export { redactUrl };

/** How to open a store, besides where it is. */
export interface OpenPlentyStoreOptions {
  /** Delete the store's data first and start empty (SQLite: the file). */
  readonly fresh?: boolean;
  /** SQLite's `synchronous` setting (see OpenStoreOptions); PostgreSQL ignores it. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/** A PostgreSQL connection URL (postgres:// or postgresql://). */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/**
 * The store named by `spec`: a `postgres://` (or `postgresql://`) URL gives the PostgreSQL store;
 * anything else is a data folder holding the SQLite store `plenty.sqlite` (or that file itself, or
 * ":memory:"). Without
 * `spec`: the `PLENTY_STORE` environment variable, else the data folder of `PLENTY_DATA`, else
 * `./data`. Errors of the spec are input errors naming `--store`.
 */
export async function openPlentyStore(spec?: string, options: OpenPlentyStoreOptions = {}): Promise<PlentyStore> {
  const where = spec ?? (process.env.PLENTY_STORE !== undefined && process.env.PLENTY_STORE !== '' ? process.env.PLENTY_STORE : dataDir());
  if (isPostgresUrl(where)) {
    if (options.fresh === true) {
      throw inputError('invalid-option', '--fresh empties an SQLite store only: to start a PostgreSQL store empty, drop and create its database (or schema)', { path: ['--fresh'] }, true);
    }
    return openPostgres(where);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) {
    throw inputError('invalid-option', '--store must be a data folder (SQLite) or a postgres:// URL', { path: ['--store'] }, redactUrl(where));
  }
  // The store file itself (…/plenty.sqlite) stands for its folder.
  const dir = basename(where) === STORE_FILE ? dirname(where) : where;
  return Promise.resolve(openSqliteStore({ dir, ...(options.fresh === undefined ? {} : { fresh: options.fresh }), ...(options.synchronous === undefined ? {} : { synchronous: options.synchronous }) }));
}

/**
 * The PostgreSQL store at `url`; a server that cannot be reached, refuses the user or has no such
 * database, or a schema newer than this code, is an input error naming `--store` (the URL shown
 * without its password).
 */
async function openPostgres(url: string): Promise<PlentyStore> {
  try {
    return await openPostgresStore(url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw inputError('store-unreachable', `the PostgreSQL store ${redactUrl(url)} cannot be opened: ${why}`, { path: ['--store'] }, redactUrl(url));
  }
}
