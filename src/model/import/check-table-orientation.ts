import { classifyColumnLabels, classifyRowLabels } from './classify-table-label.js';
import { inputError } from '../errors.js';
import type { TableLine } from './table-lines.js';
import type { LineRole } from './table-roles.js';

const WHAT_TO_DO =
  'plenty reads the products in the rows and their uses (the block, final use) in the columns, primary inputs in rows below; transpose the table, or say what the line is in a mapping (primary_inputs, final_demand, skip_rows, skip_columns)';

/**
 * Refuses a table that looks transposed (products in its columns, their uses in its rows): a
 * primary-input row guessed from labels that are not a row's but a final-use column's (`EXP`,
 * `Households`, `Exports`), or a final-use column guessed from labels that are a primary input's
 * (`D1`, `Value added`, `Compensation of employees`). Lines the mapping names are not judged.
 */
export function checkTableOrientation(file: string, headerRow: number, labelColumn: number, rows: readonly TableLine[], cols: readonly TableLine[], roles: { rows: readonly LineRole[]; cols: readonly LineRole[] }): void {
  roles.rows.forEach((r, i) => {
    if (r.read !== 'primary' || r.mapped || r.recognised !== undefined) return;
    if (classifyColumnLabels(rows[i].labels) !== 'final') return;
    throw inputError('transposed-table', `row ${rows[i].place} is labelled as final use, which is a column of a table: the table looks transposed; ${WHAT_TO_DO}`, { file, row: rows[i].place, tableColumn: labelColumn + 1 }, rows[i].labels.find((l) => l !== '') ?? '');
  });
  roles.cols.forEach((c, j) => {
    if (c.read !== 'final' || c.mapped || c.recognised !== undefined) return;
    const kind = classifyRowLabels(cols[j].labels);
    if (kind !== 'value-added' && kind !== 'money' && kind !== 'employment' && kind !== 'employment-total' && kind !== 'emission') return;
    throw inputError('transposed-table', `column ${cols[j].place} is labelled as a primary input, which is a row of a table: the table looks transposed; ${WHAT_TO_DO}`, { file, row: headerRow, tableColumn: cols[j].place }, cols[j].labels.find((l) => l !== '') ?? '');
  });
}
