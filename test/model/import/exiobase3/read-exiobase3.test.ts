import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readExiobase3 } from '../../../../src/model/import/exiobase3/read-exiobase3.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';

const accounts = (name: string): string => fixture('pymrio-accounts', name);

describe('EXIOBASE 3 downloads: accounts equal pymrio’s (parse_exiobase3 + calc_all) to 1e-9', () => {
  test('3.4 pxp (A and Y only, F_hh, three-letter region codes), the folder and the zip', async () => {
    for (const path of [fixture('exiobase3', '3.4', 'IOT_2009_pxp'), fixture('exiobase3', '3.4', 'IOT_2009_pxp.zip')]) {
      const t = await readExiobase3(path);
      assert.deepEqual(t.regions, ['AU', 'BR', 'FI', 'FR', 'KR', 'WF']);
      assert.equal(t.unit, 'Mill USD');
      assertAccountsMatchPymrio(t, accounts('exiobase3_3.4_pxp.json'));
    }
  });

  test('3.8 pxp (a zip holding IOT_2011_pxp/: A and x, satellite and impacts with the accounts pymrio adds)', async () => {
    const t = await readExiobase3(fixture('exiobase3', '3.8', 'IOT_2011_pxp.zip'));
    assert.deepEqual(t.extensions.map((e) => e.name), ['impacts', 'satellite']);
    assertAccountsMatchPymrio(t, accounts('exiobase3_3.8_pxp.json'));
  });

  test('3.10 ixi (Z and x, an extension per folder, population)', async () => {
    const t = await readExiobase3(fixture('exiobase3', '3.10', 'IOT_2011_ixi'));
    assert.deepEqual(t.extensions.map((e) => e.name), ['air_emissions', 'employment', 'factor_inputs', 'impacts']);
    assert.deepEqual(Array.from(t.population ?? []), [7.8e8, 3.7e9, 8.2e8, 2.9e8, 4.6e8, 8.5e8]);
    assertAccountsMatchPymrio(t, accounts('exiobase3_3.10_ixi.json'));
  });
});
