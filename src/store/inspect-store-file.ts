import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { StoreFileProblem } from './store-file-error.js';
import { storeFileError, type StoreFileRole } from './store-file-problem.js';
import type { StoreCheck, StoreFileInspection } from './store-inspection.js';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's file header, in bytes. */
const HEADER_BYTES = 100;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function readHead(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** How a file's first bytes look: text in quotes when they are printable, else in hex. */
function excerpt(head: Buffer): string {
  const first = head.subarray(0, 24);
  const text = first.toString('utf8');
  if (/^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\t\r\n]*$/u.test(text.replace(/\uFFFD$/, ''))) return `it begins with ${JSON.stringify(text.replace(/\uFFFD$/, ''))}`;
  return `it begins with the bytes ${[...first.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}

/** The page size a header gives (bytes 16–17; 1 means 65,536), or undefined when it is not one SQLite writes. */
function pageSize(head: Buffer): number | undefined {
  const raw = head.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : undefined;
}

/**
 * Looks at a store file with the file system alone, before SQLite opens it: is it there, is it a
 * file, does it begin with SQLite's header, is it as long as its header says. Reads only; a
 * problem found is returned as the error to throw (`missing` only when `allowMissing` is false).
 */
export function inspectStoreFile(path: string, role: StoreFileRole, allowMissing: boolean): StoreFileInspection {
  const checks: StoreCheck[] = [];
  const fail = (name: string, problem: StoreFileProblem, detail: string): StoreFileInspection => {
    checks.push({ name, ok: false, detail });
    return { checks, exists: problem !== 'missing', size: 0, error: storeFileError(problem, path, detail, role) };
  };
  let stats: Stats | undefined;
  try {
    stats = statOrUndefined(path);
  } catch (err) {
    return fail('file', 'unreadable', (err as Error).message);
  }
  if (stats === undefined) {
    if (allowMissing) {
      checks.push({ name: 'file', ok: true, detail: 'none yet: a new store is made' });
      return { checks, exists: false, size: 0 };
    }
    return fail('file', 'missing', 'no such file');
  }
  if (stats.isDirectory()) return fail('file', 'not-a-file', 'a folder');
  if (!stats.isFile()) return fail('file', 'not-a-file', 'not a regular file');
  checks.push({ name: 'file', ok: true, detail: `${stats.size} bytes` });
  if (stats.size === 0) {
    checks.push({ name: 'header', ok: true, detail: 'an empty file: a new store' });
    return { checks, exists: true, size: 0 };
  }
  let head: Buffer;
  try {
    head = readHead(path, HEADER_BYTES);
  } catch (err) {
    return fail('header', 'unreadable', (err as Error).message);
  }
  const magicPart = head.subarray(0, SQLITE_MAGIC.length);
  if (!magicPart.equals(SQLITE_MAGIC.subarray(0, magicPart.length))) return fail('header', 'not-sqlite', excerpt(head));
  if (head.length < HEADER_BYTES) return fail('header', 'truncated', `${stats.size} bytes, less than SQLite's ${HEADER_BYTES}-byte header`);
  const size = pageSize(head);
  if (size === undefined) return fail('header', 'damaged', `its header is damaged: page size ${head.readUInt16BE(16)}`);
  // The header's page count is valid when its change counter equals its "version valid for".
  const pages = head.readUInt32BE(28);
  const walBytes = statOrUndefined(`${path}-wal`)?.size ?? 0;
  // With frames in a WAL, a crash in a checkpoint may leave the file shorter than its header says, legitimately.
  if (walBytes === 0 && pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92) && stats.size < pages * size) {
    return fail('header', 'truncated', `${stats.size} bytes, where its header says ${pages} pages of ${size} bytes, ${pages * size} bytes`);
  }
  checks.push({ name: 'header', ok: true, detail: `SQLite, pages of ${size} bytes` });
  return { checks, exists: true, size: stats.size };
}
