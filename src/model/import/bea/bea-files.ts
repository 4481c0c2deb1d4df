import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inputError, InputError } from '../../errors.js';
import { readWorkbook, type Sheet } from '../read-workbook.js';
import { openSource } from '../source-files.js';

export type BeaLevel = 'summary' | 'detail' | 'sector';

/** What a BEA workbook's file name says it is. */
interface BeaName {
  readonly role: 'make' | 'supply' | 'use';
  readonly framework: 'make-use' | 'supply-use';
  readonly level?: BeaLevel;
  /** Make–use tables: before or after redefinitions. */
  readonly redefinitions?: 'before' | 'after';
  /** Make–use use tables: producers' (PRO) or purchasers' (PUR) prices. */
  readonly prices?: 'PRO' | 'PUR';
}

/**
 * BEA's file names (AllTablesIO.zip and AllTablesSUP.zip): `IOMake_Before_Redefinitions_1997-2022_Summary.xlsx`,
 * `IOUse_Before_Redefinitions_PRO_2017_Detail.xlsx` (sometimes with a blank before `.xlsx`),
 * `Supply_Tables_1997-2022_Summary.xlsx`, `Use_Tables_Supply-Use_Framework_1997-2022_Summary.xlsx`,
 * `Supply_2017_DET.xlsx`, `Use_SUT_Framework_2017_DET.xlsx`; `_Sector`, `_SECT`, `_SUM` likewise.
 */
export function beaName(file: string): BeaName | undefined {
  const name = basename(file);
  if (!/\.xlsx$/i.test(name)) return undefined;
  const level: BeaLevel | undefined = /detail|_DET\b/i.test(name) ? 'detail' : /summary|_SUM\b/i.test(name) ? 'summary' : /sector|_SECT?\b/i.test(name) ? 'sector' : undefined;
  const redefinitions: 'before' | 'after' | undefined = /before_redef/i.test(name) ? 'before' : /after_redef/i.test(name) ? 'after' : undefined;
  const extra = { ...(level === undefined ? {} : { level }), ...(redefinitions === undefined ? {} : { redefinitions }) };
  if (/^IOMake/i.test(name)) return { role: 'make', framework: 'make-use', ...extra };
  if (/^IOUse/i.test(name)) return { role: 'use', framework: 'make-use', prices: /_PUR_/i.test(name) ? 'PUR' : 'PRO', ...extra };
  if (/^Supply/i.test(name)) return { role: 'supply', framework: 'supply-use', ...extra };
  if (/^Use/i.test(name) && /SUT|Supply-Use/i.test(name)) return { role: 'use', framework: 'supply-use', ...extra };
  return undefined;
}

/** A workbook to read: how errors name it, and its sheets (those `keep` keeps). */
export interface BeaWorkbook {
  readonly file: string;
  read(keep: (sheet: string) => boolean): Promise<Sheet[]>;
}

/** The two workbooks of an import: the make (or supply) table and the use table. */
export interface BeaFiles {
  readonly first: BeaWorkbook;
  readonly use: BeaWorkbook;
  readonly guessed: readonly string[];
  close(): Promise<void>;
}

/**
 * Finds the make (or supply) workbook and its use workbook. PATH is the make or supply workbook
 * (the use workbook given with `use`, else found beside it by BEA's names), or the folder or zip
 * (AllTablesIO.zip, AllTablesSUP.zip) that holds them: then `level` (default summary) chooses,
 * tables before redefinitions are preferred to those after, the make–use framework to the
 * supply–use one, and the use table at producers' prices to the one at purchasers' prices.
 */
export async function findBeaFiles(path: string, options: { use?: string; level?: BeaLevel }): Promise<BeaFiles> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw inputError('file-not-found', 'no such file or folder', { file: path });
  }
  const guessed: string[] = [];
  if (info.isFile() && /\.xlsx$/i.test(path)) {
    const named = beaName(path);
    if (named?.role === 'use') throw inputError('use-as-path', 'this is a use table: give the make (or supply) workbook as PATH and the use workbook with --use', { file: path, path: ['path'] });
    const use = options.use ?? (await siblingUse(path, named, guessed));
    return { first: fileWorkbook(path), use: fileWorkbook(use), guessed, close: () => Promise.resolve() };
  }
  if (info.isFile() && !/\.zip$/i.test(path)) throw inputError('not-bea', 'give a BEA workbook (.xlsx; a legacy .xls must be saved as .xlsx first), or the zip or folder of BEA’s download that holds them', { file: path, path: ['path'] });
  const source = await openDownload(path);
  try {
    const names = source.entries.map((e) => e.name).filter((n) => beaName(n) !== undefined);
    const level = options.level ?? 'summary';
    const firsts = names.filter((n) => beaName(n)?.role !== 'use' && beaName(n)?.level === level);
    const ranked = firsts.sort((a, b) => rank(beaName(a)) - rank(beaName(b)));
    if (ranked.length === 0) throw inputError('file-not-found', `no BEA make or supply workbook of the ${level} level (IOMake_…_${level === 'detail' ? 'Detail' : 'Summary'}.xlsx, Supply_…) in it${options.level === undefined ? '; choose the level with --level' : ''} (found: ${names.join(', ') || 'none'})`, { file: path, path: [options.level === undefined ? 'path' : '--level'] }, level);
    const firstName = ranked[0];
    if (ranked.length > 1) guessed.push(`${basename(firstName)} of ${ranked.map((n) => basename(n)).join(', ')} (before redefinitions, make–use first; give another workbook as PATH to choose it)`);
    const useName = options.use === undefined ? pairedUse(firstName, names, source.where(firstName), guessed) : undefined;
    const first: BeaWorkbook = { file: source.where(firstName), read: async (keep) => readWorkbook(await source.readBytes(firstName), source.where(firstName), { sheets: keep }) };
    const use: BeaWorkbook = useName === undefined ? fileWorkbook(options.use ?? '') : { file: source.where(useName), read: async (keep) => readWorkbook(await source.readBytes(useName), source.where(useName), { sheets: keep }) };
    return { first, use, guessed, close: () => source.close() };
  } catch (err) {
    await source.close();
    throw err;
  }
}

function rank(n: BeaName | undefined): number {
  return (n?.framework === 'make-use' ? 0 : 2) + (n?.redefinitions === 'after' ? 1 : 0);
}

function fileWorkbook(path: string): BeaWorkbook {
  return { file: path, read: (keep) => readWorkbook(path, path, { sheets: keep }) };
}

/** The use workbook that goes with a make or supply workbook, among `names`. */
function pairedUse(first: string, names: readonly string[], where: string, guessed: string[]): string {
  const f = beaName(first);
  const uses = names.filter((n) => {
    const u = beaName(n);
    return u?.role === 'use' && u.framework === f?.framework && u.level === f.level && u.redefinitions === f.redefinitions;
  });
  const pro = uses.filter((n) => beaName(n)?.prices !== 'PUR');
  const pick = pro[0] ?? uses[0];
  if (pick === undefined) throw inputError('file-not-found', `no use workbook to go with ${basename(first)} (IOUse_…_PRO_… or Use_…_Framework_… of the same level beside it); give it with --use`, { file: where, path: ['--use'] });
  if (uses.length > 1) guessed.push(`use table ${basename(pick)} (producers’ prices) of ${uses.map((n) => basename(n)).join(', ')}`);
  return pick;
}

async function siblingUse(path: string, named: BeaName | undefined, guessed: string[]): Promise<string> {
  if (named === undefined) throw inputError('missing-option', 'a BEA import needs the use table: give it with --use (or keep BEA’s file names, IOMake_…/IOUse_… or Supply_…/Use_…, so that it is found)', { file: path, path: ['--use'] });
  const folder = dirname(path);
  const source = await openSource(folder);
  try {
    const names = source.entries.map((e) => e.name).filter((n) => !n.includes('/'));
    return join(folder, pairedUse(basename(path), names, path, guessed));
  } finally {
    await source.close();
  }
}

/** openSource, its errors placed at the path argument where they have no place inside the file (a damaged zip). */
async function openDownload(path: string): ReturnType<typeof openSource> {
  try {
    return await openSource(path);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.issues.map((i) => (i.location.row !== undefined || i.location.line !== undefined || (i.location.path?.length ?? 0) > 0 ? i : { ...i, location: { ...i.location, path: ['path'] } })));
  }
}

