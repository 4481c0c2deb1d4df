import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeEconomy, parseCharacterisationFactors } from '../../src/analysis/index.js';
import { compileEconomy } from '../../src/compile/index.js';
import { loadEconomy } from '../../src/model/index.js';
import { inputErrorOf } from '../helpers/input-error.js';
import { fixture, repoRoot } from '../helpers/paths.js';
import { assertClose, maxAbs } from '../leontief/assert-close.js';
import { readLabelled } from '../leontief/read-table.js';

// Characterised impacts of the imported pymrio test MRIO with the characterisation table pymrio
// ships beside it, against pymrio's own `characterize` and accounts of the new extension
// (reference/impacts/*.csv, written by reference/characterise.py with pymrio from source).

const FACTORS = fixture('pymrio-test-mrio', 'concordance', 'emissions_charact.tsv');
const names = { labour: 'labour', income: 'income', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' };

interface ImpactsJson {
  impacts: { id: string; unit: string }[];
  direct: Record<string, Float64Array>;
  multipliers: Record<string, Float64Array>;
  footprints: { regions: string[]; rows: Record<string, Float64Array> };
  unmatched: { stressor: string; impact: string; where?: string }[];
  unused: string[];
}

async function impactsOf(text: string, file = 'emissions_charact.tsv'): Promise<ImpactsJson> {
  const economy = await loadEconomy(join(repoRoot, 'examples', 'pymrio-test-mrio', 'economy.yaml'));
  const c = compileEconomy(economy);
  const r = analyzeEconomy(economy, c, { characterise: { factors: parseCharacterisationFactors(text, file), file }, tolerance: 1e-13, maxIterations: 5000, names });
  assert.deepEqual(r.failures, []);
  return r.json.impacts as ImpactsJson;
}

describe('characterised impacts', () => {
  test('pymrio’s test MRIO: S, M and D_cba_reg of the characterised extension equal pymrio’s to 1e-9', async () => {
    const r = await impactsOf(readFileSync(FACTORS, 'utf8'));
    // pymrio orders impacts alphabetically; the table's rows name them.
    const check = (file: string, headerRows: number, actualOf: (impact: string) => ArrayLike<number>): void => {
      const m = readLabelled(fixture('pymrio-test-mrio', 'reference', 'impacts', file), headerRows, 1);
      const width = m.cols;
      m.rowLabels.forEach((labels, k) => {
        const impact = labels[0];
        const expected = m.data.slice(k * width, (k + 1) * width);
        assertClose(actualOf(impact), expected, 1e-9, 1e-13 * maxAbs(expected), `${file} ${impact}`);
      });
    };
    check('S.csv', 3, (impact) => r.direct[impact]);
    check('M.csv', 3, (impact) => r.multipliers[impact]);
    assert.deepEqual(r.footprints.regions, ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
    check('D_cba_reg.csv', 1, (impact) => r.footprints.rows[impact]);
    assert.deepEqual(
      r.impacts.map((i) => `${i.id} (${i.unit})`),
      ['air water impact (t)', 'total emissions (kg)', 'total air emissions (t)'],
    );
    // pymrio's validation flags emission_type3 (land) as missing from the extension: so do we.
    assert.deepEqual(r.unmatched, [{ stressor: 'emission_type3', impact: 'total emissions', where: 'emissions_charact.tsv:6 row 6' }]);
    assert.deepEqual(r.unused, ['factor_inputs/Value Added']);
  });

  test('a factor scales its impact linearly, and a stressor named by its full id matches too', async () => {
    const base = await impactsOf('stressor,impact,factor,unit\nemissions/emission_type1,co2e,1,kg\n');
    const doubled = await impactsOf('stressor,compartment,impact,factor,unit\nemission_type1,air,co2e,2,kg\n');
    assertClose(doubled.footprints.rows.co2e, Array.from(base.footprints.rows.co2e, (v) => 2 * v), 1e-12, 0, 'doubled');
    assert.deepEqual(base.unused, ['emissions/emission_type2', 'factor_inputs/Value Added']);
  });

  test('factors files with a missing column, a bad factor or a unit mismatch are located errors', async () => {
    const noUnit = inputErrorOf(() => parseCharacterisationFactors('stressor,impact,factor\nCO2,GWP,1\n', 'f.csv'));
    assert.equal(noUnit.issues[0].location.row, 1);
    assert.match(noUnit.issues[0].message, /no column unit/);
    const bad = inputErrorOf(() => parseCharacterisationFactors('stressor,impact,factor,unit\nCO2,GWP,1\nCH4,GWP,lots,kg\n', 'f.csv'));
    assert.deepEqual([bad.issues[0].location.row, bad.issues[0].location.tableColumn, bad.issues[0].value], [3, 3, 'lots']);
    await assert.rejects(impactsOf('stressor,impact,factor,unit,stressor_unit\nemission_type1,GWP,1,kg,t\n', 'g.csv'), (e: Error) => /is in kg .* per t/.test(e.message));
  });
});
