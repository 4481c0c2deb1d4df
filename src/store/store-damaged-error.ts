/** SQLite's result codes (primary and extended) that say the database file itself is damaged. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)(_|$)/;

/** True for an error of SQLite that says the database file is corrupt or not a database. */
export function isDamageError(err: unknown): boolean {
  if (err === null || typeof err !== 'object' || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' && DAMAGE_CODES.test(code);
}

/**
 * The store was found damaged while the service ran (a query met a corrupt page). From then on
 * the store is read-only: every write is refused with this error, reads that can still be
 * answered are. The service answers it with 503; the cure is a restore from a backup.
 */
export class StoreDamagedError extends Error {
  constructor(
    /** The database file. */
    readonly file: string,
    /** What SQLite said when the damage was found (the first time). */
    readonly sqliteMessage: string,
    options?: { readonly cause?: unknown },
  ) {
    super(
      `the store ${file} is damaged (SQLite: ${sqliteMessage}): the service is read-only until it is restored from a backup ` +
        '(stop the service, then plenty store restore BACKUP --data DIR; plenty store check --data DIR says what is wrong)',
      options,
    );
    this.name = 'StoreDamagedError';
  }
}
