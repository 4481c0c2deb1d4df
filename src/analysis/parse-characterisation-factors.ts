import type { CharacterisationFactor } from '../leontief/index.js';
import { inputError } from '../model/errors.js';
import { parseDelimited } from '../model/import/read-delimited.js';
import { inMagnitude } from '../model/magnitude.js';

/** Header names of a factors file, lower-cased with blanks and dashes as `_`; `unit` is the impact's unit. */
const REQUIRED = ['stressor', 'impact', 'factor'] as const;
const IMPACT_UNIT = ['unit', 'impact_unit'];
const OPTIONAL = ['compartment', 'stressor_unit'] as const;

const norm = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * A characterisation factors file (docs/analysis.md, "Characterised impacts"): CSV or TSV with a
 * header row naming the columns `stressor`, `impact`, `factor`, `unit` (the impact's unit; pymrio's
 * `impact_unit` is read too) and optionally `compartment` and `stressor_unit`; one line per
 * stressor and impact, `factor` units of the impact per unit of the stressor. Other columns are
 * ignored. A missing column, an empty stressor or impact, or a factor that is not a finite number
 * within 1e30 is an error naming the file, row and column.
 */
export function parseCharacterisationFactors(text: string, file: string): CharacterisationFactor[] {
  const table = parseDelimited(text, file);
  const [head, ...lines] = table.rows;
  if (head === undefined) throw inputError('missing', 'the factors file is empty: it needs a header row stressor, impact, factor, unit', { file });
  const names = head.cells.map(norm);
  const col = (name: string): number => names.indexOf(name);
  for (const name of REQUIRED) {
    if (col(name) < 0) throw inputError('missing', `the factors file has no column ${name} (its header: ${head.cells.join(', ')})`, { file, row: head.row }, name);
  }
  const unitCol = IMPACT_UNIT.map(col).find((k) => k >= 0);
  if (unitCol === undefined) throw inputError('missing', `the factors file has no column unit (the impact's unit; its header: ${head.cells.join(', ')})`, { file, row: head.row }, 'unit');
  const optional = Object.fromEntries(OPTIONAL.map((name) => [name, col(name)])) as Record<(typeof OPTIONAL)[number], number>;
  const out: CharacterisationFactor[] = [];
  for (const line of lines) {
    const cell = (k: number): string => (line.cells[k] ?? '').trim();
    const at = (k: number) => ({ file, line: line.line, row: line.row, tableColumn: k + 1 });
    if (line.cells.every((c) => c.trim() === '')) continue;
    const stressor = cell(col('stressor'));
    const impact = cell(col('impact'));
    if (stressor === '') throw inputError('missing', 'the stressor is empty', at(col('stressor')));
    if (impact === '') throw inputError('missing', 'the impact is empty', at(col('impact')));
    const text = cell(col('factor'));
    const factor = text === '' ? Number.NaN : Number(text);
    if (!inMagnitude(factor)) throw inputError('not-finite', `the factor of ${stressor} into ${impact} must be a finite number within 1e30`, at(col('factor')), text);
    const compartment = optional.compartment >= 0 ? cell(optional.compartment) : '';
    const stressorUnit = optional.stressor_unit >= 0 ? cell(optional.stressor_unit) : '';
    out.push({
      stressor,
      impact,
      impactUnit: cell(unitCol),
      factor,
      ...(compartment !== '' ? { compartment } : {}),
      ...(stressorUnit !== '' ? { stressorUnit } : {}),
      where: { file, line: line.line, row: line.row },
    });
  }
  if (out.length === 0) throw inputError('missing', 'the factors file has a header but no factors', { file, row: head.row });
  return out;
}
