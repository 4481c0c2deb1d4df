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

describe('EXIOBASE 3 read for a model (forModel)', () => {
  test('a stressor with negative entries is split into its positive and negative parts, named in the notes; every other number as read', async () => {
    const path = fixture('exiobase3', '3.8', 'IOT_2011_pxp.zip');
    const all = await readExiobase3(path);
    const fit = await readExiobase3(path, { forModel: true });
    assert.deepEqual(Array.from(fit.Z), Array.from(all.Z));
    assert.deepEqual(Array.from(fit.Y), Array.from(all.Y));
    const satellite = (t: typeof all) => t.extensions.find((e) => e.name === 'satellite');
    const before = satellite(all);
    const after = satellite(fit);
    assert.ok(before !== undefined && after !== undefined);
    const split = 'Operating surplus: Remaining net operating surplus';
    const ids = before.stressors.map((s) => s.id);
    ids.splice(ids.indexOf(split) + 1, 0, `${split} (negative part)`);
    assert.deepEqual(
      after.stressors.map((s) => s.id),
      ids,
    );
    const n = all.regions.length * all.sectors.length;
    const row = (m: Float64Array, k: number): number[] => Array.from(m.subarray(k * n, (k + 1) * n));
    const was = before.stressors.findIndex((s) => s.id === split);
    const pos = row(after.F, ids.indexOf(split));
    const neg = row(after.F, ids.indexOf(split) + 1);
    row(before.F, was).forEach((v, j) => {
      assert.ok(pos[j] >= 0 && neg[j] >= 0);
      assert.equal(pos[j] - neg[j], v);
    });
    assert.equal(neg.filter((v) => v > 0).length, 10);
    for (const id of before.stressors.map((s) => s.id).filter((x) => x !== split)) {
      assert.deepEqual(row(after.F, ids.indexOf(id)), row(before.F, before.stressors.findIndex((s) => s.id === id)));
    }
    const note = fit.notes?.read.find((d) => d.startsWith(`satellite/${split}:`)) ?? '';
    assert.match(note, /10 negative entries \(the first -58813\.335 at .*satellite\/F\.txt row 5, column 4\) moved to ".* \(negative part\)"/);
    assert.equal(all.notes?.read.some((d) => d.includes('negative part')), false);
  });
});
