import { inputError } from '../errors.js';
import { normalizeLabel } from './classify-table-label.js';
import { findLines, type TableLine } from './table-lines.js';

/**
 * The intermediate block of a symmetric table: its rows and columns (indices into the data rows
 * and columns, in the same order: row k and column k are the same product), the products' ids
 * and where they come from.
 */
export interface IntermediateBlock {
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  readonly ids: readonly string[];
  /** The label column the ids come from (0-based). */
  readonly idColumn: number;
  /** The header row whose labels equal the ids (0-based), when matched by label. */
  readonly labelRow?: number;
  /** Rows and columns matched by position (their labels differ: product codes and industry names). */
  readonly byPosition: boolean;
}

export interface BlockSearch {
  readonly file: string;
  readonly rows: readonly TableLine[];
  readonly cols: readonly TableLine[];
  /** The file row of the (first) header row, where column errors are placed. */
  readonly headerRow: number;
  /** True for a row that is not a product: recognised (output, total, primary input …) or named so by the mapping. */
  readonly rowStop: (i: number) => boolean;
  readonly colStop: (j: number) => boolean;
  /** True when this one label of a row (or column) names something else than a product (TOTAL, P1 …). */
  readonly labelStop: (label: string, axis: 'row' | 'column') => boolean;
  /** The label column of the ids, if the mapping names it (0-based). */
  readonly idColumn?: number;
  /** The products, if the mapping names them. */
  readonly products?: readonly string[];
  /** The mapping file, where errors about its products are placed (default `file`). */
  readonly mappingFile?: string;
}

/** How much a list of labels looks like codes: all without blanks first (the earlier column wins a tie), else the more labels without blanks. */
function codeLikeness(labels: readonly string[]): number {
  const plain = labels.filter((l) => !/\s/.test(l)).length;
  return plain === labels.length ? Infinity : plain;
}

function sameLabel(a: string, b: string): boolean {
  return a !== '' && (a === b || normalizeLabel(a) === normalizeLabel(b));
}

/** Leading lines that are not stops. */
function leadingRun(count: number, stop: (k: number) => boolean, from = 0): number {
  let k = from;
  while (k < count && !stop(k)) k++;
  return k - from;
}

/** The label column whose labels of the given rows serve best as ids: all filled, unique, not all numbers, most code-like. */
function idColumnFor(s: BlockSearch, rows: readonly number[]): number {
  const width = s.rows[0].labels.length;
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < width; c++) {
    const labels = rows.map((i) => s.rows[i].labels[c]);
    if (labels.some((l) => l === '' || l.includes('@')) || new Set(labels).size !== labels.length) continue;
    if (labels.every((l) => /^[\d.]+$/.test(l)) && width > 1) continue;
    const score = codeLikeness(labels);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  if (best < 0) {
    const i = rows[0];
    throw inputError('missing-label', 'no label column names every product of the block once (labels empty or repeated); give label_column in a mapping', { file: s.file, row: s.rows[i].place, tableColumn: 1 }, s.rows[i].labels[0]);
  }
  return best;
}

/** The products named by a mapping: rows by any label; columns by label where the header carries them all, else the first columns by position. */
function namedBlock(s: BlockSearch, products: readonly string[]): IntermediateBlock {
  const mappingFile = s.mappingFile ?? s.file;
  if (products.length === 0) throw inputError('bad-mapping', 'products must name at least one product (or be left out, for the importer to find them)', { file: mappingFile, path: ['products'] }, []);
  const rows = findLines(s.rows, products, 'products', mappingFile, 'row');
  let cols: number[] | undefined;
  try {
    cols = findLines(s.cols, products, 'products', mappingFile, 'column');
  } catch {
    cols = undefined;
  }
  const byPosition = cols === undefined;
  if (cols === undefined) {
    if (products.length > s.cols.length) throw inputError('label-mismatch', `the mapping names ${products.length} products, but the table has only ${s.cols.length} data columns`, { file: mappingFile, path: ['products'] }, products.length);
    cols = products.map((_, k) => k);
  }
  const idColumn = s.idColumn ?? Math.max(0, s.rows[rows[0]].labels.findIndex((l) => sameLabel(l, products[0])));
  return { rows, cols, ids: products.map((p) => p.trim()), idColumn, byPosition };
}

/**
 * Finds the intermediate block at the top left of the data. By label: a label column and a header
 * row that carry the same labels in the same order (compared without case and separators; a
 * label that names a total, the output or a primary input ends them); the longest such run is the
 * block. By position, when no labels agree (rows by product codes, columns by industry names): the
 * leading rows and columns that are not recognised as something else, which must be as many.
 * Rows and columns that continue past a run of equal labels with other labels (`manufactures`
 * against `manufacturing`), or runs of different length, are InputErrors naming the row or
 * column, with what to give in a mapping.
 */
export function findIntermediateBlock(s: BlockSearch): IntermediateBlock {
  if (s.products !== undefined) return namedBlock(s, s.products);
  const R = s.rows.length;
  const C = s.cols.length;
  const labelColumns = s.idColumn === undefined ? s.rows[0].labels.map((_, c) => c) : [s.idColumn];
  const headerRows = s.cols[0].labels.map((_, h) => h);
  let best = { k: 0, c: -1, h: -1, score: -Infinity };
  for (const c of labelColumns) {
    for (const h of headerRows) {
      let k = 0;
      while (k < R && k < C) {
        const a = s.rows[k].labels[c];
        const b = s.cols[k].labels[h];
        if (!sameLabel(a, b) || s.labelStop(a, 'row') || s.labelStop(b, 'column')) break;
        k++;
      }
      if (k === 0) continue;
      const score = codeLikeness(s.rows.slice(0, k).map((l) => l.labels[c]));
      if (k > best.k || (k === best.k && score > best.score)) best = { k, c, h, score };
    }
  }

  const moreRows = leadingRun(R, s.rowStop, best.k);
  const moreCols = leadingRun(C, s.colStop, best.k);
  if (best.k > 0) {
    if (moreRows > 0 && moreRows === moreCols) {
      const row = s.rows[best.k];
      throw inputError(
        'label-mismatch',
        `the intermediate block's row ${best.k + 1} is ${JSON.stringify(row.labels[best.c])} but its column ${best.k + 1} is ${JSON.stringify(s.cols[best.k].labels[best.h])}; rows and columns of the block carry the same labels in the same order up to here (label column ${best.c + 1}, header row ${best.h + 1}): correct the label, or name the products in a mapping (products: [...])`,
        { file: s.file, row: row.place, tableColumn: best.c + 1 },
        row.labels[best.c],
      );
    }
    const rows = Array.from({ length: best.k }, (_, k) => k);
    return { rows, cols: rows, ids: rows.map((k) => s.rows[k].labels[best.c]), idColumn: best.c, labelRow: best.h, byPosition: false };
  }

  if (moreRows === 0 || moreCols === 0) {
    throw inputError(
      'no-products',
      'no intermediate block found: the first data row or column is recognised as something else than a product (a total, the output, a primary input, final use); name the products in a mapping (products: [...])',
      moreRows === 0 ? { file: s.file, row: s.rows[0].place, tableColumn: 1 } : { file: s.file, row: s.headerRow, tableColumn: s.cols[0].place },
      moreRows === 0 ? s.rows[0].labels.join(' ') : s.cols[0].labels.join(' '),
    );
  }
  if (moreRows !== moreCols) {
    const n = Math.min(moreRows, moreCols);
    const where = moreRows > moreCols ? { file: s.file, row: s.rows[n].place, tableColumn: 1 } : { file: s.file, row: s.headerRow, tableColumn: s.cols[n].place };
    const value = moreRows > moreCols ? s.rows[n].labels.filter((l) => l !== '').join(' | ') : s.cols[n].labels.filter((l) => l !== '').join(' | ');
    throw inputError(
      'ambiguous-layout',
      `the rows and columns of the intermediate block carry different labels, so they are matched by position, but ${moreRows} rows (to row ${s.rows[moreRows - 1].place}) and ${moreCols} columns (to column ${s.cols[moreCols - 1].place}) read as products; the ${moreRows > moreCols ? 'row' : 'column'} here is the first without a partner: name the products in a mapping (products: [...]), or the ${moreRows > moreCols ? 'primary-input rows (primary_inputs' : 'final-use columns (final_demand'}: [...])`,
      where,
      value,
    );
  }
  const rows = Array.from({ length: moreRows }, (_, k) => k);
  const idColumn = s.idColumn ?? idColumnFor(s, rows);
  return { rows, cols: rows, ids: rows.map((k) => s.rows[k].labels[idColumn]), idColumn, byPosition: true };
}
