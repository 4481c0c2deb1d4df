import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { decodeText, DEFAULT_ENCODING } from '../../decode-text.js';
import { inputError } from '../../errors.js';
import { checkTextSize, openSource, type SourceFiles } from '../source-files.js';
import { placedError } from './placed-error.js';

/**
 * A publisher's download as given: a folder, a zip archive (by its `.zip` name or its first
 * bytes), or one data file (a CSV, an xlsx workbook), which is then a source of one entry named
 * after the file. A missing path is an InputError naming it.
 */
export async function openDownload(path: string): Promise<SourceFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw inputError('file-not-found', 'no such file or folder', { file: path, path: ['path'] });
  }
  if (info.isDirectory() || /\.zip$/i.test(path) || (await startsLikeZip(path))) {
    try {
      return await openSource(path);
    } catch (err) {
      throw placedError(err);
    }
  }
  return singleFile(path, info.size);
}

/** A zip archive starts with a local file header (or, empty, with the end of its directory). */
async function startsLikeZip(path: string): Promise<boolean> {
  if (/\.xlsx$/i.test(path)) return false;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  } finally {
    await handle.close();
  }
}

/** One file as a source of one entry; every error names the file itself. */
function singleFile(path: string, size: number): SourceFiles {
  const name = basename(path);
  const entries = [{ name, size }];
  const entry = (n: string) => {
    if (n !== name) throw inputError('file-not-found', `no file ${n} here (the download is the one file ${name})`, { file: path }, n);
    return entries[0];
  };
  const stream = async (n: string): Promise<Readable> => {
    entry(n);
    return createReadStream(path);
  };
  const readBytes = async (n: string): Promise<Buffer> => {
    entry(n);
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    path,
    kind: 'folder',
    entries,
    where: () => path,
    find: (pattern) => entries.filter((e) => pattern.test(e.name)),
    entry,
    readBytes,
    async readText(n, encoding = DEFAULT_ENCODING) {
      checkTextSize(entry(n), path);
      return decodeText(await readBytes(n), path, encoding);
    },
    stream,
    close: async () => {},
  };
}
