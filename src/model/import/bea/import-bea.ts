import { basename } from 'node:path';
import { inputError } from '../../errors.js';
import type { ReadInputOptions } from '../../read-input-file.js';
import type { SutModel } from '../../sut/index.js';
import { DEFAULT_FLOW_UNIT } from '../default-units.js';
import type { Sheet } from '../read-workbook.js';
import { makeSymmetric } from '../sut/import-sut.js';
import { symmetricToIoTable } from '../sut/symmetric-to-io-table.js';
import type { IoTable } from '../types.js';
import { beaSheet } from './bea-sheet.js';
import { beaSupplyUse } from './bea-supply-use.js';
import { findBeaFiles, type BeaLevel, type BeaWorkbook } from './bea-files.js';

export interface BeaOptions extends ReadInputOptions {
  /** The use workbook, where it is not beside the make (supply) workbook under BEA's name. */
  readonly use?: string;
  /** The year (the sheet); default the latest year the workbook holds. */
  readonly year?: string;
  /** Summary (default), detail or sector, where PATH is a folder or zip that holds several. */
  readonly level?: BeaLevel;
  /** Default B (industry technology, commodity × commodity, as BEA's total requirements tables). */
  readonly model?: SutModel;
  readonly region?: string;
  readonly unit?: string;
  readonly name?: string;
}

/**
 * `plenty import bea PATH`: the US Bureau of Economic Analysis's make and use tables (or supply and
 * use tables) as BEA publishes them, xlsx workbooks with one sheet per year, summary or detail
 * level (findBeaFiles, beaSheet), read as supply and use tables by code (beaSupplyUse), checked to
 * balance to BEA's rounding (half a unit per published cell), and made symmetric with the model
 * chosen (default B, industry technology; BEA's tables have more commodities than industries, so
 * A and C, which need a square supply table, are refused).
 */
export async function readBea(path: string, options: BeaOptions = {}): Promise<IoTable> {
  const files = await findBeaFiles(path, { ...(options.use === undefined ? {} : { use: options.use }), ...(options.level === undefined ? {} : { level: options.level }) });
  try {
    const first = await yearSheet(files.first, options.year);
    const use = await yearSheet(files.use, first.name);
    const firstSheet = beaSheet(first, files.first.file);
    const useSheet = beaSheet(use, files.use.file);
    const unit = options.unit ?? unitOf([...firstSheet.title, ...useSheet.title]);
    const parsed = beaSupplyUse(firstSheet, useSheet, unit ?? DEFAULT_FLOW_UNIT);
    parsed.guessed.unshift(...files.guessed);
    if (options.year === undefined) parsed.guessed.push(`year ${first.name}, the latest the workbook holds (choose another with --year)`);
    if (unit === undefined) parsed.guessed.push(`unit "${DEFAULT_FLOW_UNIT}": the title rows state none (give one with --unit)`);
    const t = parsed.tables;
    const floor = 50 * (t.products.length + t.industries.length + t.categories.length);
    const symmetric = makeSymmetric(parsed, options.model ?? 'B', { floor }, files.first.file);
    const region = options.region ?? 'US';
    return symmetricToIoTable(symmetric, {
      name: options.name ?? `BEA ${parsed.framework === 'make-use' ? 'make and use' : 'supply and use'} tables ${first.name} (${basename(files.first.file)})`,
      unit: unit ?? DEFAULT_FLOW_UNIT,
      regions: [region],
      sectors: symmetric.labels,
      categories: t.categories,
      place: (e) => {
        const i = t.products.indexOf(e.row);
        const j = t.industries.indexOf(e.industry === '' ? e.column : e.industry);
        return i >= 0 && j >= 0 ? parsed.cellPlace(i, j) : parsed.industryPlace(Math.max(0, j));
      },
      labelPlace: { file: files.first.file, path: ['region'] },
      read: parsed.read,
      guessed: parsed.guessed,
      dropped: parsed.dropped,
    });
  } finally {
    await files.close();
  }
}

/** The sheet of `year` (BEA names each year's sheet by the year), or the latest year; a year the workbook lacks is an InputError listing those it has. */
async function yearSheet(workbook: BeaWorkbook, year: string | undefined): Promise<Sheet> {
  const seen = new Set<string>();
  const sheets = await workbook.read((name) => {
    seen.add(name);
    return year === undefined ? /^\d{4}$/.test(name.trim()) : name.trim() === year;
  });
  const names = [...seen];
  if (sheets.length > 0) return sheets.sort((a, b) => Number(b.name) - Number(a.name))[0];
  if (year === undefined && names.length === 1) return (await workbook.read(() => true))[0];
  throw inputError('missing-year', `the workbook has no sheet ${year === undefined ? 'named by a year' : `for ${year}`} (sheets: ${names.join(', ') || 'none'})`, { file: workbook.file, path: ['--year'] }, year);
}

/** BEA states the unit in its title rows: "[Millions of dollars]". */
function unitOf(title: readonly string[]): string | undefined {
  for (const t of title) {
    const m = /(millions|billions|thousands) of (current )?dollars/i.exec(t);
    if (m !== null) return `USD ${m[1].toLowerCase().replace(/s$/, '')}`;
  }
  return undefined;
}
