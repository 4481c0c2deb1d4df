import { basename, extname } from 'node:path';
import { inputError, InputError, type Location } from '../../errors.js';
import type { ReadInputOptions } from '../../read-input-file.js';
import { supplyUseImbalances, symmetricFromSut, type NegativeEntry, type SutModel, type SymmetricTable } from '../../sut/index.js';
import { DEFAULT_FLOW_UNIT } from '../default-units.js';
import type { IoTable } from '../types.js';
import { parseSupplyUse, type ParsedSupplyUse } from './parse-supply-use.js';
import { readGrid } from './read-grid.js';
import { symmetricToIoTable } from './symmetric-to-io-table.js';

export interface SupplyUseImportOptions extends ReadInputOptions {
  /** The use table (CSV/TSV or xlsx); the supply table is the path imported. */
  readonly use?: string;
  /** Default 'B' (industry technology, product × product: never negative). */
  readonly model?: SutModel;
  /** Model A's negatives: 'report' (default: refused, each one located) or 'almon'. */
  readonly negatives?: 'report' | 'almon';
  readonly region?: string;
  readonly unit?: string;
  readonly name?: string;
  /** Relative difference between a product's (industry's) supply and use beyond which the tables are refused; default 0.01. */
  readonly tolerance?: number;
  /** Below this size a product's (industry's) supply and use are compared as if they were this large (default 1): for tables rounded to whole units. */
  readonly floor?: number;
}

/**
 * `plenty import sut --supply S --use U --model A|B|C|D`: reads a supply table and a use table as
 * offices publish them (parseSupplyUse), checks that they balance (each product's use is its
 * supply, each industry's inputs its output, to `tolerance`), makes them symmetric with the model
 * chosen (symmetricFromSut) and returns the table with notes of what was read, guessed, dropped
 * and how negatives were found and resolved.
 */
export async function readSupplyUseTables(supplyPath: string, options: SupplyUseImportOptions = {}): Promise<IoTable> {
  if (options.use === undefined) throw inputError('missing-option', 'a supply–use import needs the use table (--use FILE) beside the supply table (--supply FILE)', { file: supplyPath, path: ['--use'] });
  const unit = options.unit === undefined || options.unit.trim() === '' ? DEFAULT_FLOW_UNIT : options.unit;
  const encoding = options.encoding === undefined ? {} : { encoding: options.encoding };
  const supply = await readGrid(supplyPath, { ...encoding, prefer: /supply|make/i });
  const use = await readGrid(options.use, { ...encoding, prefer: /use/i });
  const parsed = parseSupplyUse(supply, use, unit);
  const model = options.model ?? 'B';
  const symmetric = makeSymmetric(parsed, model, options, supplyPath);
  const region = options.region ?? 'domestic';
  return symmetricToIoTable(symmetric, {
    name: options.name ?? basename(supplyPath, extname(supplyPath)),
    unit,
    regions: [region],
    sectors: symmetric.labels,
    categories: parsed.tables.categories,
    place: (e) => negativePlace(parsed, symmetric, e),
    labelPlace: { file: supplyPath, path: ['region'] },
    read: parsed.read,
    guessed: parsed.guessed,
    dropped: parsed.dropped,
  });
}

/** Checks the balance, then transforms; a refusal is an InputError at the supply table. */
export function makeSymmetric(parsed: ParsedSupplyUse, model: SutModel, options: Pick<SupplyUseImportOptions, 'negatives' | 'tolerance' | 'floor'>, file: string): SymmetricTable {
  const t = parsed.tables;
  const imbalances = supplyUseImbalances(t, options.tolerance ?? 0.01, options.floor ?? 1);
  if (imbalances.length > 0) {
    throw new InputError(
      imbalances.map((b) => ({
        code: 'unbalanced',
        message:
          b.kind === 'product'
            ? `product ${JSON.stringify(t.products[b.index])}: its use (intermediate and final, ${b.use}) differs from its supply (${b.supply}); supply and use tables must balance`
            : `industry ${JSON.stringify(t.industries[b.index])}: its inputs (intermediate and value added, ${b.use}) differ from its output in the supply table (${b.supply}); supply and use tables must balance`,
        location: b.kind === 'product' ? parsed.productPlace(b.index) : parsed.industryPlace(b.index),
        value: b.use,
      })),
    );
  }
  const largest = supplyUseImbalances(t, 0)[0] as ReturnType<typeof supplyUseImbalances>[number] | undefined;
  if (largest !== undefined) {
    const label = largest.kind === 'product' ? t.products[largest.index] : t.industries[largest.index];
    parsed.read.push(`supply and use balance to ${(Math.abs(largest.use - largest.supply) / Math.max(Math.abs(largest.supply), 1)).toExponential(1)} at most (${largest.kind} ${JSON.stringify(label)}: supply ${largest.supply}, use ${largest.use})`);
  }
  const result = symmetricFromSut(t, { model, negatives: options.negatives === 'almon' ? 'almon' : 'keep' });
  if (result.status === 'refused') throw inputError(`sut-${result.code}`, result.message, { file, path: ['--model'] }, model);
  return result;
}

/** A negative flow points at the use table's cell of its row product and its column's industry (or product's position). */
function negativePlace(parsed: ParsedSupplyUse, s: SymmetricTable, e: NegativeEntry): Location {
  const t = parsed.tables;
  const row = s.kind === 'product' ? t.products.indexOf(e.row) : -1;
  const column = s.kind === 'product' ? t.industries.indexOf(e.industry) : t.industries.indexOf(e.column);
  if (row >= 0 && column >= 0) return parsed.cellPlace(row, column);
  if (column >= 0) return parsed.industryPlace(column);
  return parsed.productPlace(Math.max(0, t.products.indexOf(e.column)));
}
