/** SQLite's result codes that say the store could not be written now, though the file is sound. */
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN)(_|$)/;

/**
 * What an error of SQLite means for the service when it is not damage: the disk is full, an I/O
 * error, the file locked by another process or made read-only. A sentence for the answer (it
 * names no path), or undefined for any other error. Nothing was written: the write was one
 * transaction, rolled back.
 */
export function storeUnavailable(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object' || !('code' in err)) return undefined;
  const code = (err as { code: unknown }).code;
  if (typeof code !== 'string' || !UNAVAILABLE_CODES.test(code)) return undefined;
  const why = code.startsWith('SQLITE_FULL')
    ? 'the disk holding the store is full'
    : code.startsWith('SQLITE_IOERR')
      ? 'the disk holding the store gave an I/O error'
      : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
        ? 'the store is locked by another process'
        : 'the store cannot be written (its file or folder is read-only or missing)';
  return `${why} (SQLite: ${code}): nothing of this request was stored; retry when the cause is removed`;
}
