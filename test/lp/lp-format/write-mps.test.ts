import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { highsSolver } from '../../../src/lp/highs/index.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { readLpFile, readMps, writeMps } from '../../../src/lp/lp-format/index.js';
import { fixture } from '../../helpers/paths.js';
import { flipSense, randomFeasibleLp } from '../backends.case.js';
import { assertSameLp } from './same-lp.js';

const loadHighs = (createRequire(import.meta.url)('highs') as typeof import('highs')).default;

describe('writeMps', () => {
  const lps: [string, () => Promise<LinearProgram>][] = [
    ['AFIRO', () => readLpFile(fixture('lp', 'afiro.mps'))],
    ['features (max, offset, ranges, free and fixed columns)', () => readLpFile(fixture('lp', 'features.mps'))],
    ['random LP 7 (unnamed, ranged and equality rows, negative bounds)', () => Promise.resolve(randomFeasibleLp(7, 20, 30, 0.2))],
    ['random LP 8 as a max', () => Promise.resolve(flipSense(randomFeasibleLp(8, 20, 30, 0.2)))],
  ];
  for (const [name, load] of lps) {
    test(`${name}: write → read gives the same LP; HiGHS's own reader finds the same optimum`, async () => {
      const lp = await load();
      const text = writeMps(lp);
      const back = readMps(text);
      // Ranged rows come back as lower + width: equal to rounding.
      assertSameLp(back, lp, 1e-15);
      const ours = await highsSolver.solve(lp);
      assert.equal(ours.status, 'optimal');
      const highs = await loadHighs({ print: () => undefined, printErr: () => undefined });
      const model = highs.createModel({ format: 'mps', data: new TextEncoder().encode(text) });
      try {
        model.options.set({ output_flag: false });
        model.run();
        const native = model.getObjectiveValue();
        assert.ok(Math.abs(native - ours.objective) <= 1e-8 * (1 + Math.abs(ours.objective)), `HiGHS read ${native}, we solved ${ours.objective}`);
      } finally {
        model.dispose();
      }
    });
  }

  test('names with spaces become underscores; missing names get C1…/R1…; duplicates are made unique', () => {
    const base = randomFeasibleLp(3, 2, 3, 0.5);
    const text = writeMps({ ...base, colNames: ['a b', 'a_b', 'c'] });
    const back = readMps(text);
    assert.deepEqual(back.colNames, ['a_b', 'a_b_2', 'c']);
    assert.deepEqual(back.rowNames, ['R1', 'R2']);
  });
});
