import { access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../../errors.js';
import { openSource, openZipBytes, type SourceFiles } from '../source-files.js';

/** Eora26's tables of one year: T (intermediate flows), FD (final demand), VA (value added), Q and QY (satellite accounts). */
export const EORA26_TABLES = ['T', 'FD', 'VA', 'Q', 'QY'] as const;
export type Eora26Table = (typeof EORA26_TABLES)[number];

/** Eora26's label files: rows and columns of T, columns of FD, rows of VA, rows of Q. */
export const EORA26_LABELS = ['T', 'FD', 'VA', 'Q'] as const;
export type Eora26Label = (typeof EORA26_LABELS)[number];

export type Eora26Prices = 'bp' | 'pp';

/** A file inside a download (a folder or a zip, perhaps inside another). */
export interface FileRef {
  readonly source: SourceFiles;
  readonly name: string;
}

/** The files of one Eora26 year, found in what the user gave. */
export interface Eora26Files {
  readonly year: string;
  readonly prices: Eora26Prices;
  readonly tables: Readonly<Record<Eora26Table, FileRef>>;
  readonly labels: Readonly<Record<Eora26Label, FileRef>>;
  /** What was inferred rather than given (a year or price basis), one sentence each. */
  readonly guessed: readonly string[];
  /** Closes every archive opened. */
  close(): Promise<void>;
}

export interface Eora26Selection {
  /** The year, four digits; needed when the download holds several. */
  readonly year?: string;
  /** Basic (bp) or purchasers' (pp) prices; default bp when both are there. */
  readonly prices?: Eora26Prices;
}

const TABLE_FILE = /(^|\/)Eora26_(\d{4})_(bp|pp)_(T|FD|VA|Q|QY)\.txt$/;
const YEAR_ZIP = /(^|\/)Eora26_(\d{4})_(bp|pp)\.zip$/i;
const LABEL_NAME = (k: Eora26Label): string => `labels_${k}.txt`;

/** One place where a year's tables are: a folder inside a source, or a zip (in a source) to open. */
interface Candidate {
  readonly year: string;
  readonly prices: Eora26Prices;
  readonly source: SourceFiles;
  /** Folder prefix of the tables inside `source` ('' or 'dir/'), or the zip's entry name. */
  readonly at: string;
  readonly zip: boolean;
}

const dirOf = (name: string): string => (name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '');

function candidates(source: SourceFiles): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const e of source.entries) {
    const t = TABLE_FILE.exec(e.name);
    if (t !== null) {
      const at = dirOf(e.name);
      out.set(`t ${at} ${t[2]} ${t[3]}`, { year: t[2], prices: t[3] as Eora26Prices, source, at, zip: false });
      continue;
    }
    const z = YEAR_ZIP.exec(e.name);
    if (z !== null) out.set(`z ${e.name}`, { year: z[2], prices: z[3].toLowerCase() as Eora26Prices, source, at: e.name, zip: true });
  }
  return [...out.values()];
}

/**
 * Finds the Eora26 tables of one year in `path`: the year's zip as published
 * (`Eora26_2010_bp.zip`), the folder it unpacks to, a folder holding several years' zips or
 * folders (one per year, as pymrio's downloader leaves them), or a zip of any of these. The year
 * and price basis come from the options; a download with only one year (price basis) needs none.
 * The label files are taken beside the tables, else anywhere in the year's zip, else beside the
 * year's zip or in Eora's `indices.zip` next to it (recent releases publish the labels there).
 * What cannot be found is an InputError naming the place and what is there.
 */
export async function findEora26Files(path: string, select: Eora26Selection): Promise<Eora26Files> {
  const opened: SourceFiles[] = [];
  const close = async (): Promise<void> => {
    for (const s of opened.reverse()) await s.close();
  };
  try {
    const top = await openSource(path);
    opened.push(top);
    const found = candidates(top);
    const { year, prices, guessed } = choose(found, path, select);
    const here = found.filter((c) => c.year === year && c.prices === prices);
    if (here.length > 1) {
      const places = here.map((c) => top.where(c.zip ? c.at : c.at === '' ? '.' : c.at.slice(0, -1)));
      throw inputError('ambiguous-source', `the tables of ${year} (${prices}) are in ${here.length} places (${places.join(', ')}); give the path of one of them`, { file: path, path: ['--year'] }, year);
    }
    const chosen = here[0];
    let inner = top;
    let at = chosen.at;
    if (chosen.zip) {
      inner = top.kind === 'folder' ? await openSource(top.where(chosen.at)) : await openZipBytes(await top.readBytes(chosen.at), top.where(chosen.at));
      opened.push(inner);
      const within = candidates(inner).filter((c) => !c.zip && c.year === year && c.prices === prices);
      if (within.length !== 1) {
        throw inputError('file-not-found', within.length === 0 ? `the zip holds no Eora26_${year}_${prices}_T.txt (nor its other tables)` : 'the zip holds the tables in several folders', { file: inner.path }, year);
      }
      at = within[0].at;
    }
    const tables = {} as Record<Eora26Table, FileRef>;
    for (const k of EORA26_TABLES) {
      const name = `${at}Eora26_${year}_${prices}_${k}.txt`;
      inner.entry(name);
      tables[k] = { source: inner, name };
    }
    const places = await labelPlaces({ top, inner, at, zipEntry: chosen.zip ? chosen.at : undefined, path, opened });
    const labels = {} as Record<Eora26Label, FileRef>;
    for (const k of EORA26_LABELS) labels[k] = findLabel(k, places, inner, at);
    return { year, prices, tables, labels, guessed, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The year and price basis to read: the options', else the only one there (said in `guessed`). */
function choose(found: readonly Candidate[], path: string, select: Eora26Selection): { year: string; prices: Eora26Prices; guessed: string[] } {
  const guessed: string[] = [];
  const years = [...new Set(found.map((c) => c.year))].sort();
  if (years.length === 0) {
    throw inputError('file-not-found', 'no Eora26 tables here: Eora26_YEAR_bp_T.txt (or pp), or a zip Eora26_YEAR_bp.zip, in it or in a folder of it', { file: path });
  }
  let year = select.year;
  if (year === undefined) {
    if (years.length > 1) throw inputError('missing-option', `the download holds the tables of several years (${years.join(', ')}); name one with --year`, { file: path, path: ['--year'] });
    year = years[0];
    guessed.push(`year ${year}, the only one in the download (--year names another)`);
  } else if (!years.includes(year)) {
    throw inputError('unknown-year', `no Eora26 tables of this year in the download (it holds ${years.join(', ')})`, { file: path, path: ['--year'] }, year);
  }
  const bases = [...new Set(found.filter((c) => c.year === year).map((c) => c.prices))].sort();
  let prices = select.prices;
  if (prices === undefined) {
    prices = bases.includes('bp') ? 'bp' : 'pp';
    guessed.push(
      bases.length > 1 ? `basic prices (bp), though purchasers' prices (pp) are there too: --prices pp reads those` : `${prices === 'bp' ? 'basic' : "purchasers'"} prices (${prices}), the only ones for ${year}`,
    );
  } else if (!bases.includes(prices)) {
    throw inputError('unknown-prices', `no Eora26 tables of ${year} in these prices (the download has ${bases.join(' and ')})`, { file: path, path: ['--prices'] }, prices);
  }
  return { year, prices, guessed };
}

/** A folder (prefix) of a source where label files may be. */
interface Place {
  readonly source: SourceFiles;
  readonly at: string;
}

/**
 * Where to look for the label files, nearest first: beside the tables; beside the year's zip in
 * the download; Eora's `indices.zip` there; and, when the user gave the year's zip itself, beside
 * it on disk (labels or indices.zip), as pymrio does.
 */
async function labelPlaces(o: { top: SourceFiles; inner: SourceFiles; at: string; zipEntry: string | undefined; path: string; opened: SourceFiles[] }): Promise<Place[]> {
  const places: Place[] = [{ source: o.inner, at: o.at }];
  const indices = async (source: SourceFiles, at: string): Promise<void> => {
    const name = source.entries.find((e) => e.name.toLowerCase() === `${at}indices.zip`.toLowerCase())?.name;
    if (name === undefined) return;
    const z = source.kind === 'folder' ? await openSource(source.where(name)) : await openZipBytes(await source.readBytes(name), source.where(name));
    o.opened.push(z);
    places.push({ source: z, at: '' });
    const sub = z.entries.find((e) => e.name.endsWith('/labels_T.txt'));
    if (sub !== undefined) places.push({ source: z, at: dirOf(sub.name) });
  };
  if (o.zipEntry !== undefined) {
    places.push({ source: o.top, at: dirOf(o.zipEntry) });
    await indices(o.top, dirOf(o.zipEntry));
    if (dirOf(o.zipEntry) !== '') await indices(o.top, '');
  } else if (o.at !== '') {
    places.push({ source: o.top, at: '' });
    await indices(o.top, o.at);
    await indices(o.top, '');
  } else {
    await indices(o.top, '');
  }
  if (o.top.kind === 'zip') {
    // The year's zip given itself: Eora's indices.zip beside it on disk, as pymrio looks for it.
    const beside = join(dirname(o.path), 'indices.zip');
    if (await exists(beside)) {
      const z = await openSource(beside);
      o.opened.push(z);
      places.push({ source: z, at: '' });
    }
  }
  return places;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function findLabel(k: Eora26Label, places: readonly Place[], inner: SourceFiles, at: string): FileRef {
  const file = LABEL_NAME(k);
  for (const p of places) {
    const name = `${p.at}${file}`;
    if (p.source.entries.some((e) => e.name === name)) return { source: p.source, name };
  }
  // Anywhere in the year's own folder or zip, if only once.
  const anywhere = inner.entries.filter((e) => basename(e.name) === file);
  if (anywhere.length === 1) return { source: inner, name: anywhere[0].name };
  throw inputError(
    'file-not-found',
    `no ${file} beside the tables (Eora publishes its labels in each year's zip, or in indices.zip beside the years' zips)`,
    { file: join(inner.where(at === '' ? '.' : at.slice(0, -1)), file) },
    file,
  );
}
