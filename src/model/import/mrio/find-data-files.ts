import { join } from 'node:path';
import { inputError } from '../../errors.js';
import { openSource, openZipBytes, type SourceFiles } from '../source-files.js';
import { placedError } from './placed-error.js';

/** A data file of a download: where it is (the download, or a zip inside it) and its name there. */
export interface DataFile {
  readonly source: SourceFiles;
  readonly name: string;
  /** How errors and notes call it (`download.zip/inner.zip/2020.csv`). */
  readonly where: string;
}

/**
 * The files of a download whose base name matches `pattern`, looking also inside the zip archives
 * it holds (a folder of the publisher's yearly zips, or a zip of zips): one level deep. Inner zips
 * of a folder are opened from disk, those inside a zip are read into memory. `close` closes every
 * inner archive opened (not `source`).
 */
export async function findDataFiles(source: SourceFiles, pattern: RegExp): Promise<{ files: DataFile[]; close: () => Promise<void> }> {
  const files: DataFile[] = [];
  const opened: SourceFiles[] = [];
  const base = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
  for (const e of source.entries) if (pattern.test(base(e.name))) files.push({ source, name: e.name, where: source.where(e.name) });
  for (const e of source.entries) {
    if (!/\.zip$/i.test(e.name)) continue;
    let inner: SourceFiles;
    try {
      inner = source.kind === 'folder' && source.path !== source.where(e.name) ? await openSource(join(source.path, ...e.name.split('/'))) : await openZipBytes(await source.readBytes(e.name), source.where(e.name));
    } catch (err) {
      throw placedError(err);
    }
    opened.push(inner);
    for (const f of inner.entries) if (pattern.test(base(f.name))) files.push({ source: inner, name: f.name, where: inner.where(f.name) });
  }
  // The same file unpacked beside its zip (ICIO2018_2010.csv and ICIO2018_2010.zip): read the unpacked one.
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = base(f.name).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    files: unique,
    close: async () => {
      for (const s of opened) await s.close();
    },
  };
}

/**
 * The one file of `files` for `year` (each file's year from `yearOf`): with no year given the
 * download must hold one year; several files for the year, or none, are an InputError naming the
 * download and listing what it holds. `what` names the kind of file in messages.
 */
export function pickYear<T extends { readonly where: string }>(files: readonly T[], yearOf: (f: T) => number | undefined, year: number | undefined, what: string, download: string): T {
  if (files.length === 0) throw inputError('file-not-found', `the download holds no ${what}`, { file: download });
  const years = [...new Set(files.map(yearOf).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  let chosen: readonly T[] = files;
  if (year !== undefined) {
    chosen = files.filter((f) => yearOf(f) === year);
    if (chosen.length === 0) throw inputError('missing-year', `the download holds no ${what} for ${year} (years: ${years.join(', ') || 'none stated'})`, { file: download, path: ['--year'] }, year);
  } else if (years.length > 1) {
    throw inputError('ambiguous-year', `the download holds ${what} for several years (${years.join(', ')}): name one with --year`, { file: download, path: ['--year'] });
  }
  if (chosen.length > 1) {
    throw inputError('ambiguous-file', `the download holds more than one of its ${what}${year === undefined ? '' : ` for ${year}`} (${chosen.map((f) => f.where).join(', ')}): give the one to read as the path`, { file: download, path: ['path'] });
  }
  return chosen[0];
}
