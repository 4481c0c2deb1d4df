import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { decodeText, DEFAULT_ENCODING } from '../decode-text.js';
import { inputError, InputError } from '../errors.js';
import { didYouMean } from '../suggest.js';

/** One file of a publisher's download: its path inside (`/`-separated) and its size in bytes. */
export interface SourceEntry {
  readonly name: string;
  readonly size: number;
}

/**
 * A publisher's download as its importer sees it, whether the user gives the zip archive or the
 * folder it unpacks to: the files inside by their path, read whole or as a stream. Every error
 * names the archive or folder and the file inside (`where(name)`), so that a missing or damaged
 * file is a located InputError, never a stack trace.
 */
export interface SourceFiles {
  /** The path the user gave. */
  readonly path: string;
  readonly kind: 'folder' | 'zip';
  /** Every file inside, in a stable order (by name). */
  readonly entries: readonly SourceEntry[];
  /** How an error names a file inside: `archive.zip/dir/Z.txt` or `folder/dir/Z.txt`. */
  where(name: string): string;
  /** The entries whose name (the whole path inside) matches `pattern`. */
  find(pattern: RegExp): SourceEntry[];
  /** The entry named, or an InputError that lists what there is (with the nearest name). */
  entry(name: string): SourceEntry;
  readBytes(name: string): Promise<Buffer>;
  /** The file's text, decoded strictly (decode-text.ts): bytes that do not decode are a located error. */
  readText(name: string, encoding?: string): Promise<string>;
  /** The file's bytes as a stream (for files too large to hold as text); errors are InputErrors. */
  stream(name: string): Promise<Readable>;
  close(): Promise<void>;
}

/**
 * Opens a download given as a folder or a zip archive (a file whose first bytes are a zip's).
 * A missing path, a file that is neither, or a damaged (truncated) zip is an InputError naming it.
 */
export async function openSource(path: string): Promise<SourceFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw inputError('file-not-found', 'no such file or folder', { file: path });
  }
  if (info.isDirectory()) return openFolder(path);
  return openZip(path, () => zipFromFile(path));
}

/** Opens a zip archive held in memory (a zip inside a zip); `name` is how errors call it. */
export async function openZipBytes(bytes: Buffer, name: string): Promise<SourceFiles> {
  return openZip(name, () => zipFromBuffer(bytes));
}

async function openFolder(root: string): Promise<SourceFiles> {
  const entries: SourceEntry[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() ?? root;
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      if (d.isDirectory()) pending.push(full);
      else if (d.isFile()) entries.push({ name: relative(root, full).split(sep).join('/'), size: (await stat(full)).size });
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const common = sourceOf(root, 'folder', entries, (name) => join(root, ...name.split('/')));
  const stream = async (name: string): Promise<Readable> => {
    common.entry(name);
    return createReadStream(join(root, ...name.split('/')));
  };
  return withReading(common, stream, async () => {});
}

async function openZip(path: string, open: () => Promise<yauzl.ZipFile>): Promise<SourceFiles> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open();
  } catch (err) {
    throw damaged(path, err);
  }
  const byName = new Map<string, yauzl.Entry>();
  try {
    for (const e of await zipEntries(zip)) if (!e.fileName.endsWith('/')) byName.set(e.fileName, e);
  } catch (err) {
    zip.close();
    throw damaged(path, err);
  }
  const entries = [...byName.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const common = sourceOf(path, 'zip', entries, (name) => `${path}/${name}`);
  const stream = async (name: string): Promise<Readable> => {
    common.entry(name);
    const entry = byName.get(name);
    if (entry === undefined) throw inputError('file-not-found', 'no such file in the archive', { file: common.where(name) });
    return new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (err, s) => (err !== null || s === undefined ? reject(damaged(common.where(name), err)) : resolve(s)));
    });
  };
  return withReading(common, stream, async () => {
    zip.close();
  });
}

type Common = Pick<SourceFiles, 'path' | 'kind' | 'entries' | 'where' | 'find' | 'entry'>;

/**
 * The most bytes a file read whole as text may have: V8's longest string (2²⁹ − 24 characters,
 * one a byte for the ASCII of numeric tables). A bigger file cannot be read whole.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/**
 * Refuses, as a located InputError, a file too big to be read whole as text, before any of it is
 * read (it would end in an internal error, after reading gigabytes): what the importers read whole
 * are label files and matrices of tables up to this size; bigger ones need a streaming reader.
 */
export function checkTextSize(entry: SourceEntry, where: string): void {
  if (entry.size <= MAX_TEXT_BYTES) return;
  throw inputError(
    'too-large',
    `${(entry.size / 1e9).toFixed(2)} GB: more than a file read whole as text can be (${(MAX_TEXT_BYTES / 1e9).toFixed(2)} GB); this importer does not read a file this big yet`,
    { file: where },
    entry.size,
  );
}

/** A source from its listing and a way to stream one of its files. */
function withReading(common: Common, stream: (name: string) => Promise<Readable>, close: () => Promise<void>): SourceFiles {
  const readBytes = async (name: string): Promise<Buffer> => collect(await stream(name), common.where(name));
  return {
    ...common,
    readBytes,
    async readText(name, encoding = DEFAULT_ENCODING) {
      const listed = common.entries.find((e) => e.name === name);
      if (listed !== undefined) checkTextSize(listed, common.where(name));
      return decodeText(await readBytes(name), common.where(name), encoding);
    },
    stream,
    close,
  };
}

/** The parts of SourceFiles that do not depend on how the files are stored. */
function sourceOf(path: string, kind: 'folder' | 'zip', entries: readonly SourceEntry[], where: (name: string) => string): Common {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    path,
    kind,
    entries,
    where,
    find: (pattern: RegExp) => entries.filter((e) => pattern.test(e.name)),
    entry(name: string): SourceEntry {
      const e = byName.get(name);
      if (e === undefined) {
        const listed = entries.length <= 12 ? ` (it holds ${entries.map((x) => x.name).join(', ') || 'nothing'})` : didYouMean(name, entries.map((x) => x.name));
        throw inputError('file-not-found', `no file ${name} in the ${kind === 'zip' ? 'archive' : 'folder'}${listed}`, { file: path }, name);
      }
      return e;
    },
  };
}

function zipFromFile(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => (err !== null || zip === undefined ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });
}

function zipFromBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err !== null || zip === undefined ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });
}

function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Reads a stream to its end; a read error (a damaged entry) is an InputError naming the file. */
function collect(stream: Readable, file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', (err) => reject(damaged(file, err)));
  });
}

function damaged(file: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const why = err instanceof Error ? err.message : String(err);
  return inputError('invalid-archive', `not a readable zip archive, or a damaged one (truncated?): ${why}`, { file });
}
