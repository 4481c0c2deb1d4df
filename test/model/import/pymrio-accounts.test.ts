import { test } from 'node:test';
import { readPymrioFolder } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';
import { assertAccountsMatchPymrio } from './pymrio-accounts.js';

// The shared comparison every importer test uses, checked on pymrio's own test MRIO: its folder
// read by our pymrio importer gives the accounts pymrio's calc_all gave (test_mrio.json).
test('pymrio test MRIO: x, D_cba, D_pba, D_imp, D_exp as pymrio computes them', async () => {
  const table = await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data'));
  assertAccountsMatchPymrio(table, fixture('pymrio-accounts', 'test_mrio.json'));
});
