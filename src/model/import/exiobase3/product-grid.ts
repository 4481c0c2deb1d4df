import { inputError, type Location } from '../../errors.js';
import { didYouMean } from '../../suggest.js';
import { checkModelId } from '../model-id.js';
import { EXIOBASE3_ALPHA3, EXIOBASE3_REGIONS } from './exiobase3-regions.js';
import type { TsvMatrix } from './tsv-matrix-parser.js';

/** The regions and the sectors (or final-demand categories) of a region-major set of columns. */
export interface RegionGrid {
  readonly regions: readonly string[];
  readonly inner: readonly string[];
}

/** EXIOBASE's code for a region label, renaming the three-letter codes of some 3.4 files; `renamed` collects those. */
export class RegionCodes {
  readonly renamed = new Map<string, string>();

  code(label: string, where: Location): string {
    if (EXIOBASE3_REGIONS.has(label)) return label;
    const two = EXIOBASE3_ALPHA3.get(label);
    if (two !== undefined) {
      this.renamed.set(label, two);
      return two;
    }
    throw inputError('unknown-region', `not a region of EXIOBASE 3 (its 49 codes: AT … ZA, WA, WE, WF, WL, WM)${didYouMean(label, EXIOBASE3_REGIONS.keys())}`, where, label);
  }
}

/** Where column j's label of header row `level` (0-based) is. */
function headerCell(m: TsvMatrix, level: number, j: number): Location {
  return { file: m.file, row: level + 1, tableColumn: m.layout.indexColumns + j + 1 };
}

/** Where label `level` of data row i is. */
function rowCell(m: TsvMatrix, i: number, level: number): Location {
  return { file: m.file, row: m.rowLines[i], tableColumn: level + 1 };
}

function needLevels(m: TsvMatrix, inner: string): void {
  if (m.layout.headerRows < 2) throw inputError('bad-header', `needs two header rows (region, then ${inner})`, { file: m.file, row: 1, tableColumn: 1 });
}

/**
 * The regions and inner labels (sectors or categories) of m's columns, which must run region by
 * region, each region listing the inner labels of the first in the same order. Region labels are
 * EXIOBASE codes (RegionCodes); labels must be model ids. Errors are at the header cell.
 */
export function regionGrid(m: TsvMatrix, codes: RegionCodes, innerName: string): RegionGrid {
  needLevels(m, innerName);
  const [regionRow, innerRow] = m.columnLabels;
  const regions: string[] = [];
  const inner: string[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < m.columns; j++) {
    const label = regionRow[j];
    if (label === '') throw inputError('missing-label', 'empty region label', headerCell(m, 0, j), '');
    const region = codes.code(label, headerCell(m, 0, j));
    if (regions[regions.length - 1] !== region) {
      if (regions.includes(region)) throw inputError('duplicate-label', 'the region appears in two separate blocks of columns', headerCell(m, 0, j), label);
      regions.push(region);
    }
    const name = innerRow[j];
    if (regions.length === 1) {
      checkModelId(name, `a ${innerName} label`, headerCell(m, 1, j));
      if (seen.has(name)) throw inputError('duplicate-label', `the ${innerName} appears twice in region ${label}`, headerCell(m, 1, j), name);
      seen.add(name);
      inner.push(name);
    }
  }
  const k = inner.length;
  for (let j = k; j < m.columns; j++) {
    if (innerRow[j] !== inner[j % k]) {
      throw inputError('bad-grid', `expected ${innerName} ${JSON.stringify(inner[j % k])}: every region must list the ${k} ${innerName}s of the first in the same order`, headerCell(m, 1, j), innerRow[j]);
    }
  }
  if (m.columns % k !== 0 || regions.length * k !== m.columns) {
    throw inputError('bad-grid', `the last region has fewer than the ${k} ${innerName}s of the first`, headerCell(m, 0, m.columns - 1), regionRow[m.columns - 1]);
  }
  return { regions, inner };
}

/** m's columns must be those of `grid` (the products of Z, or the final-demand columns of Y). */
export function checkColumns(m: TsvMatrix, grid: RegionGrid, codes: RegionCodes, like: string): void {
  needLevels(m, like === 'Y' ? 'category' : 'sector');
  const k = grid.inner.length;
  const want = grid.regions.length * k;
  const [regionRow, innerRow] = m.columnLabels;
  for (let j = 0; j < Math.min(m.columns, want); j++) {
    const region = codes.code(regionRow[j], headerCell(m, 0, j));
    if (region !== grid.regions[Math.floor(j / k)]) {
      throw inputError('label-mismatch', `column ${j + 1} must be region ${grid.regions[Math.floor(j / k)]}, as in ${like}`, headerCell(m, 0, j), regionRow[j]);
    }
    if (innerRow[j] !== grid.inner[j % k]) {
      throw inputError('label-mismatch', `column ${j + 1} must be ${JSON.stringify(grid.inner[j % k])}, as in ${like}`, headerCell(m, 1, j), innerRow[j]);
    }
  }
  if (m.columns !== want) throw inputError('label-mismatch', `has ${m.columns} data columns where ${like} has ${want}`, headerCell(m, 0, Math.min(m.columns, want)), m.columns);
}

/** m's rows must be the products of `grid` in order (region, sector labels). */
export function checkProductRows(m: TsvMatrix, grid: RegionGrid, codes: RegionCodes, like: string): void {
  if (m.layout.indexColumns < 2) throw inputError('bad-header', 'needs two label columns (region, sector)', { file: m.file, row: m.layout.headerRows + 1, tableColumn: 1 });
  const k = grid.inner.length;
  const n = grid.regions.length * k;
  for (let i = 0; i < Math.min(m.rows, n); i++) {
    const [regionLabel, sector] = m.rowLabels[i];
    const region = codes.code(regionLabel, rowCell(m, i, 0));
    if (region !== grid.regions[Math.floor(i / k)]) throw inputError('label-mismatch', `row must be region ${grid.regions[Math.floor(i / k)]}, as ${like}'s product ${i + 1}`, rowCell(m, i, 0), regionLabel);
    if (sector !== grid.inner[i % k]) throw inputError('label-mismatch', `row must be ${JSON.stringify(grid.inner[i % k])}, as ${like}'s product ${i + 1}`, rowCell(m, i, 1), sector);
  }
  if (m.rows !== n) {
    const where = m.rows > n ? rowCell(m, n, 0) : { file: m.file, row: (m.rows > 0 ? m.rowLines[m.rows - 1] : m.layout.headerRows) + 1, tableColumn: 1 };
    throw inputError('label-mismatch', `has ${m.rows} rows where ${like} has ${n} products`, where, m.rows);
  }
}
