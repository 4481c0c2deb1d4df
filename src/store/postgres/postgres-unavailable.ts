/** Node's socket errors that say the server cannot be reached. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** Why PostgreSQL could not take a write now, from its SQLSTATE; undefined for an error of the request itself. */
function sqlstateReason(code: string): string | undefined {
  if (code.startsWith('08')) return 'the connection to the PostgreSQL server failed';
  if (code === '53100') return 'the disk holding the PostgreSQL database is full';
  if (code === '53300') return 'the PostgreSQL server has no connection free';
  if (code.startsWith('53')) return 'the PostgreSQL server is out of resources';
  if (code === '57P01' || code === '57P02' || code === '57P03') return 'the PostgreSQL server is shutting down or starting up';
  if (code === '58030') return 'the PostgreSQL server gave an I/O error';
  if (code === '40001' || code === '40P01') return 'the write met a concurrent one (PostgreSQL cancelled it)';
  if (code === '25006') return 'the PostgreSQL server is read-only (a standby)';
  if (code === '55P03') return 'the PostgreSQL store is locked';
  return undefined;
}

/**
 * What an error of node-postgres means for the service when it is not the request's fault: the
 * server cannot be reached or has gone away, is full, out of connections, shutting down,
 * read-only, or cancelled the write for a concurrent one. A sentence for the answer (it names no
 * URL), or undefined for any other error. Nothing was written: the write was one transaction,
 * rolled back.
 */
export function postgresUnavailable(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const message = err instanceof Error ? err.message : '';
  let why: string | undefined;
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) why = sqlstateReason(code);
  else if (code !== undefined && SOCKET_CODES.has(code)) why = 'the PostgreSQL server cannot be reached';
  else if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) why = 'the connection to the PostgreSQL server was lost';
  if (why === undefined) return undefined;
  return `${why} (${code ?? message}): nothing of this request was stored; retry when the cause is removed`;
}
