import { test } from 'node:test';
import { assertNothingFound } from './suite.js';
import { tableTarget } from './table-target.js';

const SEED = 20261207;
const CASES = 500;

test(`${CASES} mutated tables through every importer: no internal error, every user error located, what is written loads, nothing left behind`, async () => {
  await assertNothingFound(tableTarget({ heavy: false }), SEED, CASES);
});
