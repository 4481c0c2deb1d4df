import type { Database } from 'better-sqlite3';
import { latestSchemaVersion, PLENTY_APPLICATION_ID, schemaObjects, userObjects, type SchemaObject } from './plenty-schema.js';
import { isDamageError } from './store-damaged-error.js';
import type { StoreFileProblem } from './store-file-error.js';
import { storeFileError, type StoreFileRole } from './store-file-problem.js';
import type { IntegrityLevel, StoreCheck, StoreInspection, StoreKind } from './store-inspection.js';

/** Integrity messages asked of SQLite, and shown in a check's detail. */
const LISTED_MESSAGES = 20;
const SHOWN_MESSAGES = 3;

/** A check that failed: the problem it is and what was found. */
class Failed {
  constructor(
    readonly problem: StoreFileProblem,
    readonly detail: string,
  ) {}
}

/** An SQLite error met while looking, as a failed check (anything else is a bug and is thrown on). */
function failedBy(err: unknown): Failed {
  if (err instanceof Failed) return err;
  if (isDamageError(err)) {
    const code = (err as { code: string }).code;
    return code.startsWith('SQLITE_NOTADB') ? new Failed('not-sqlite', `SQLite: ${(err as Error).message}`) : new Failed('damaged', `SQLite: ${(err as Error).message}`);
  }
  const code = err !== null && typeof err === 'object' && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new Failed('unreadable', `SQLite: ${(err as Error).message}`);
  throw err;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

function listed(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')}, … (${names.length} in all)`;
}

/** The marker check: what the file holds, by its application id and its tables. */
function kindOf(db: Database): { kind: StoreKind; detail: string } {
  const id = db.pragma('application_id', { simple: true }) as number;
  const objects = userObjects(db);
  const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
  if (id === PLENTY_APPLICATION_ID) return { kind: 'plenty', detail: `application id ${hex(id)} (Plenty)` };
  if (id !== 0) throw new Failed('not-plenty', `application id ${hex(id)}, not Plenty's ${hex(PLENTY_APPLICATION_ID)}`);
  if (tables.every((t) => t === 'schema_version') && storedVersion(db, tables) === 0) return { kind: 'new', detail: 'no tables yet: a new store' };
  const version = tables.includes('schema_version') ? storedVersion(db, tables) : undefined;
  const expected = schemaObjects(Math.min(version ?? 1, latestSchemaVersion())).filter((o) => o.type === 'table');
  const missing = expected.filter((o) => !tables.includes(o.name)).map((o) => o.name);
  if (missing.length > 0) throw new Failed('not-plenty', tables.length === 0 ? 'no tables' : `tables ${listed(tables)}`);
  return { kind: 'legacy', detail: 'Plenty’s tables, written before stores were marked (marked at the next start)' };
}

/** The version in `schema_version` (0 when the table is absent or empty); one integer row, else damaged. */
function storedVersion(db: Database, tables: readonly string[]): number {
  if (!tables.includes('schema_version')) return 0;
  const rows = db.prepare('SELECT version FROM schema_version').all() as { version: unknown }[];
  if (rows.length === 0) return 0;
  const v = rows[0].version;
  if (rows.length > 1 || typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Failed('damaged', `schema_version holds ${rows.length === 1 ? `the value ${JSON.stringify(v)}` : `${rows.length} rows`}, not one version number`);
  }
  return v;
}

function integrity(db: Database, level: IntegrityLevel): string {
  const pragma = level === 'full' ? 'integrity_check' : 'quick_check';
  const rows = (db.pragma(`${pragma}(${LISTED_MESSAGES})`) as Record<string, string>[]).map((r) => String(Object.values(r)[0]));
  if (rows.length === 1 && rows[0] === 'ok') return `${pragma}: ok`;
  const messages = rows.flatMap((r) => r.split('\n')).filter((m) => m !== '' && !m.startsWith('*** in database'));
  const count = messages.length >= LISTED_MESSAGES ? `${LISTED_MESSAGES} or more problems` : messages.length === 1 ? 'a problem' : `${messages.length} problems`;
  throw new Failed('damaged', `${pragma} found ${count}: ${messages.slice(0, SHOWN_MESSAGES).join('; ')}${messages.length > SHOWN_MESSAGES ? '; …' : ''}`);
}

function tablesPresent(db: Database, version: number): string {
  const have = new Set(userObjects(db).map((o: SchemaObject) => o.name));
  const missing = schemaObjects(version).filter((o) => !have.has(o.name));
  if (missing.length > 0) throw new Failed('damaged', `missing for schema ${version}: ${listed(missing.map((o) => `${o.type} ${o.name}`))}`);
  return `every table and index of schema ${version}`;
}

function foreignKeys(db: Database): string {
  const rows = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (rows.length === 0) return 'every reference points at a row';
  const by = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))];
  throw new Failed('damaged', `${rows.length} rows refer to rows that do not exist (${listed(by)})`);
}

export interface InspectOptions {
  readonly integrity: IntegrityLevel;
  readonly role: StoreFileRole;
  /** Also check Plenty's own invariants: every table of the schema present, every foreign key satisfied. */
  readonly plentyChecks?: boolean;
}

/**
 * Looks at an open store with read-only queries (nothing in the file is changed): is it a Plenty
 * store (its application id, or Plenty's tables in a store from before the marker), is its schema
 * one this code reads, does SQLite's integrity check pass, and (`plentyChecks`) are Plenty's own
 * invariants intact. Stops at the first problem and returns it as the error to throw.
 */
export function inspectDatabase(db: Database, file: string, options: InspectOptions): StoreInspection {
  const checks: StoreCheck[] = [];
  const latest = latestSchemaVersion();
  let kind: StoreKind | undefined;
  let version: number | undefined;
  const steps: [string, () => string][] = [
    [
      'marker',
      () => {
        const k = kindOf(db);
        kind = k.kind;
        return k.detail;
      },
    ],
    [
      'schema',
      () => {
        const tables = userObjects(db).map((o) => o.name);
        if (kind === 'plenty' && !tables.includes('schema_version')) throw new Failed('damaged', 'its schema_version table is missing');
        const v = kind === 'new' ? 0 : storedVersion(db, tables);
        if (v > latest) throw new Failed('newer-schema', `schema ${v}, this one reads up to ${latest}`);
        version = v;
        return kind === 'new' ? `none yet (this Plenty writes schema ${latest})` : `schema ${v}${v < latest ? `, brought up to ${latest} at the next start` : ''} (this Plenty reads up to ${latest})`;
      },
    ],
    ['integrity', () => integrity(db, options.integrity)],
  ];
  if (options.plentyChecks === true) {
    steps.push(['tables', () => (kind === 'new' ? 'none yet' : tablesPresent(db, version ?? 0))]);
    steps.push(['foreign-keys', () => foreignKeys(db)]);
  }
  for (const [name, step] of steps) {
    try {
      checks.push({ name, ok: true, detail: step() });
    } catch (err) {
      const failed = failedBy(err);
      checks.push({ name, ok: false, detail: failed.detail });
      return { checks, error: storeFileError(failed.problem, file, failed.detail, options.role), ...(kind === undefined ? {} : { kind }), ...(version === undefined ? {} : { schemaVersion: version }) };
    }
  }
  return { checks, ...(kind === undefined ? {} : { kind }), ...(version === undefined ? {} : { schemaVersion: version }) };
}
