import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { inputError } from '../../errors.js';
import { openSource, type SourceFiles } from '../source-files.js';
import { readJson } from './file-parameters.js';

/** An EXIOBASE 3 download opened for reading: the zip or folder, and where its core files are. */
export interface Exiobase3Download {
  readonly source: SourceFiles;
  /** The folder inside the source that holds the core files: '' or e.g. 'IOT_2022_pxp/'. */
  readonly root: string;
  /** How notes name the download: the path given, and the archive or folder chosen in it. */
  readonly label: string;
  /** The name the year and system are read from (the zip's or the root folder's). */
  readonly name: string;
}

const YEAR = /(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)/;

/** The year a download's name states (IOT_2022_pxp.zip → 2022), if it states one. */
export function yearInName(name: string): number | undefined {
  const m = YEAR.exec(name);
  return m === null ? undefined : Number(m[1]);
}

interface Candidate {
  /** A folder inside the source holding a system, or a zip file inside a folder. */
  readonly kind: 'root' | 'zip';
  /** The root's prefix ('' or ending in '/'), or the zip's path inside the folder. */
  readonly at: string;
}

function nameOf(c: Candidate, path: string): string {
  if (c.kind === 'zip') return c.at;
  return c.at === '' ? basename(path) : c.at.slice(0, -1);
}

/**
 * The folders of `source` that hold an IO system: where a file_parameters.json says
 * `"systemtype": "IOSystem"`, or (without one) where Y.txt lies beside Z.txt or A.txt.
 */
async function systemRoots(source: SourceFiles): Promise<string[]> {
  const roots = new Set<string>();
  const params = source.entries.filter((e) => /(^|\/)file_parameters\.json$/.test(e.name));
  for (const e of params) {
    const raw = await readJson(source, e.name);
    if (typeof raw === 'object' && raw !== null && (raw as { systemtype?: unknown }).systemtype === 'IOSystem') roots.add(e.name.slice(0, e.name.length - 'file_parameters.json'.length));
  }
  if (params.length === 0) {
    const names = new Set(source.entries.map((e) => e.name));
    for (const e of source.entries) {
      const m = /^(.*\/)?Y\.txt$/.exec(e.name);
      if (m === null) continue;
      const dir = m[1] ?? '';
      if (names.has(`${dir}Z.txt`) || names.has(`${dir}A.txt`)) roots.add(dir);
    }
  }
  return [...roots].sort();
}

/**
 * Opens an EXIOBASE 3 download given as its zip (IOT_2022_pxp.zip), the folder it unpacks to, or a
 * folder holding several downloads (zips or unpacked folders, one per year and system), of which
 * `year` picks one. A path that is not a download, a year without a download, and a choice left
 * open (several downloads and no year, or several for the year) are InputErrors naming the path
 * and listing what there is.
 */
export async function openExiobase3Download(path: string, year?: number): Promise<Exiobase3Download> {
  const info = await stat(path).catch(() => undefined);
  const source = await openSource(path);
  let chosen: Candidate;
  try {
    const candidates: Candidate[] = (await systemRoots(source)).map((at) => ({ kind: 'root', at }));
    if (info?.isDirectory() === true) {
      for (const e of source.entries) if (/\.zip$/i.test(e.name)) candidates.push({ kind: 'zip', at: e.name });
    }
    chosen = choose(candidates, path, year);
  } catch (err) {
    await source.close();
    throw err;
  }
  if (chosen.kind === 'root') return { source, root: chosen.at, label: chosen.at === '' ? path : `${path} (${chosen.at.slice(0, -1)})`, name: nameOf(chosen, path) };
  await source.close();
  const zipPath = join(path, ...chosen.at.split('/'));
  const inner = await openSource(zipPath);
  try {
    const roots = (await systemRoots(inner)).map((at): Candidate => ({ kind: 'root', at }));
    const root = choose(roots, zipPath, year === undefined || yearInName(chosen.at) === year ? undefined : year);
    return { source: inner, root: root.at, label: root.at === '' ? zipPath : `${zipPath} (${root.at.slice(0, -1)})`, name: chosen.at };
  } catch (err) {
    await inner.close();
    throw err;
  }
}

function choose(candidates: readonly Candidate[], path: string, year: number | undefined): Candidate {
  const listed = (cs: readonly Candidate[]): string => cs.map((c) => nameOf(c, path)).join(', ');
  if (candidates.length === 0) {
    throw inputError(
      'not-a-download',
      'no EXIOBASE 3 download here: no file_parameters.json of an IO system (or Y.txt beside Z.txt or A.txt), and no zip of one',
      { file: path, path: ['file_parameters.json'] },
    );
  }
  if (year === undefined) {
    if (candidates.length === 1) return candidates[0];
    throw inputError('ambiguous-download', `holds ${candidates.length} downloads (${listed(candidates)}): give --year, or the path of the one to import`, { file: path, path: ['--year'] });
  }
  const ofYear = candidates.filter((c) => yearInName(nameOf(c, path)) === year);
  if (ofYear.length === 1) return ofYear[0];
  if (ofYear.length === 0) {
    if (candidates.length === 1 && yearInName(nameOf(candidates[0], path)) === undefined) return candidates[0];
    throw inputError('no-such-year', `no download for ${year} here (there ${candidates.length === 1 ? 'is' : 'are'} ${listed(candidates)})`, { file: path, path: ['--year'] }, year);
  }
  throw inputError('ambiguous-download', `holds ${ofYear.length} downloads for ${year} (${listed(ofYear)}): give the path of the one to import`, { file: path, path: ['--year'] }, year);
}
