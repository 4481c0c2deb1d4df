import { test } from 'node:test';
import { httpTarget } from './http-target.js';
import { assertNothingFound } from './suite.js';

const SEED = 20261208;
const CASES = 1000;

test(`${CASES} fuzzed requests over every route of the service: no 5xx, 4xx in the documented error shape, located issues, no non-finite number`, async () => {
  await assertNothingFound(await httpTarget(), SEED, CASES);
});
