import { inputError } from '../../errors.js';
import { parseDelimited } from '../read-delimited.js';
import type { SourceFiles } from '../source-files.js';

/** A unit table: the labels of each row (all columns but the last) and its unit (the last). */
export interface UnitTable {
  readonly file: string;
  /** Unit by the row's labels joined with a tab. */
  readonly units: ReadonlyMap<string, string>;
  /** The distinct units, in order of appearance. */
  readonly distinct: readonly string[];
  /** Label columns before the unit column. */
  readonly labelColumns: number;
}

/**
 * Reads a unit.txt: a header row (`region sector unit`, `stressor unit`, `stressor compartment
 * unit`, …), then one row per product or stressor whose last cell is its unit. A row with a
 * different number of cells than the header is an InputError at its row.
 */
export async function readUnits(source: SourceFiles, entry: string): Promise<UnitTable> {
  const file = source.where(entry);
  const table = parseDelimited(await source.readText(entry), file, { delimiter: '\t' });
  const [header, ...rows] = table.rows;
  if (header === undefined || header.cells.length < 2) throw inputError('bad-header', 'a unit table needs a header row of at least two columns (labels, then unit)', { file, row: 1, tableColumn: 1 });
  const width = header.cells.length;
  const units = new Map<string, string>();
  const distinct: string[] = [];
  for (const r of rows) {
    if (r.cells.length !== width) throw inputError('ragged-row', `the row has ${r.cells.length} cells where the header has ${width}`, { file, row: r.row, tableColumn: Math.min(r.cells.length, width) + 1 });
    const unit = r.cells[width - 1].trim();
    units.set(r.cells.slice(0, width - 1).join('\t'), unit);
    if (unit !== '' && !distinct.includes(unit)) distinct.push(unit);
  }
  return { file, units, distinct, labelColumns: width - 1 };
}
