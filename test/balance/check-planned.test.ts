import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { balancePlan } from '../../src/balance/index.js';
import { nutsAndBolts } from './nuts-and-bolts.js';
import { issuesOf } from '../helpers/input-error.js';


describe('a plan that does not fit the economy is an InputError naming the place and value', () => {
  const { c, activity } = nutsAndBolts();

  test('negative and non-finite activity, all reported at once', () => {
    const bad = activity.slice();
    bad[c.techniques.index.get('bolt_factory') as number] = -1;
    bad[c.techniques.index.get('bakery') as number] = Number.NaN;
    const issues = issuesOf(() => balancePlan(c, { activity: bad }));
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.path, i.value]),
      [
        ['negative', ['plan', 'activity', 'bolt_factory'], -1],
        ['not-finite', ['plan', 'activity', 'bakery'], Number.NaN],
      ],
    );
  });

  test('wrong lengths of activity and imports, bad exports, unknown period', () => {
    const exports = new Float64Array(c.items.ids.length);
    exports[c.items.index.get('grain') as number] = Infinity;
    const issues = issuesOf(() =>
      balancePlan(c, { activity: activity.subarray(1), imports: new Float64Array(3), exports, period: 2 }),
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.path, i.value]),
      [
        ['wrong-length', ['plan', 'activity'], 6],
        ['wrong-length', ['plan', 'imports'], 3],
        ['not-finite', ['plan', 'exports', 'grain'], Infinity],
        ['unknown-period', ['plan', 'period'], 2],
      ],
    );
    assert.match(issues[0].message, /6 entries but the economy has 7 techniques/);
  });

  test('a bad tolerance option', () => {
    const issues = issuesOf(() => balancePlan(c, { activity }, { tolerance: -1 }));
    assert.deepEqual(issues.map((i) => [i.code, i.location.path, i.value]), [['invalid-option', ['options', 'tolerance'], -1]]);
  });
});
