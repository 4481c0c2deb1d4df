import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateEconomy, concordanceCoverage, ioTableToEconomy, parseConcordance, readPymrioFolder } from '../../../src/model/index.js';
import { fixture } from '../../helpers/paths.js';
import { issuesOf } from '../../helpers/input-error.js';

/** [code, row, column, value] of each issue. */
const places = (issues: readonly { code: string; location: { row?: number; tableColumn?: number }; value?: unknown }[]) => issues.map((i) => [i.code, i.location.row, i.location.tableColumn, i.value]);

describe('maps (concordances): CSV from-code,to-code[,weight]', () => {
  test('with or without a header; comma, semicolon or tab; a code split by weights', () => {
    for (const text of ['from,to,weight\na,x\nb,x,0.25\nb,y,0.75\n', 'a;x\nb;x;0.25\nb;y;0.75', 'From_Code\tTo_Code\na\tx\t\nb\tx\t0.25\nb\ty\t0.75\n']) {
      const c = parseConcordance(text, 'm.csv');
      assert.deepEqual(
        c.rows.map((r) => [r.from, r.to, r.weight]),
        [
          ['a', 'x', 1],
          ['b', 'x', 0.25],
          ['b', 'y', 0.75],
        ],
        JSON.stringify(text),
      );
      assert.deepEqual([...c.byCode.keys()], ['a', 'b']);
    }
  });

  test('every mistake at its row and column with its value, all at once', () => {
    const text = [
      'from,to,weight', // 1
      'a,x', // 2
      'a,y', // 3: repeats a without weights
      'b,x,0.5', // 4
      'b,y,0.4', // 5: b sums to 0.9
      'c,x,abc', // 6: not a number
      'd,x,0', // 7: weight 0
      'e,x,1.5', // 8: above 1
      'f', // 9: one cell
      ',x', // 10: empty from
      'g,@x', // 11: not an id
      'h,x,0.5', // 12
      'h,x,0.5', // 13: the same pair twice
      'i,x,1,extra', // 14: four cells
    ].join('\n');
    const issues = issuesOf(() => parseConcordance(text, 'm.csv'));
    assert.ok(issues.every((i) => i.location.file === 'm.csv'));
    assert.deepEqual(places(issues), [
      ['duplicate-label', 3, 1, 'a'],
      ['not-a-number', 6, 3, 'abc'],
      ['bad-weight', 7, 3, '0'],
      ['bad-weight', 8, 3, '1.5'],
      ['ragged-row', 9, 2, 'f'],
      ['missing-label', 10, 1, ''],
      ['invalid-id', 11, 2, '@x'],
      ['duplicate-label', 13, 2, 'x'],
      ['ragged-row', 14, 4, 'i,x,1,extra'],
      ['bad-weight-sum', 5, 3, 0.9],
      ['bad-weight-sum', 12, 3, 0.5],
    ]);
    assert.match(issues[9].message, /the weights of b sum to 0\.9, not 1 \(rows 4, 5\)/);
    assert.match(issues[0].message, /a is mapped again \(first on row 2\); a code split over several to-codes needs a weight on each of its rows/);
  });

  test('a code given once with weight 1 is fine; an empty map is not', () => {
    assert.equal(parseConcordance('a,x,1\n', 'm.csv').rows[0].weight, 1);
    assert.deepEqual(places(issuesOf(() => parseConcordance('from,to\n', 'm.csv'))), [['empty-map', 1, 1, undefined]]);
  });

  test('against the model: a code the model has not (with the nearest), and every code the map misses', () => {
    const c = parseConcordance('reg1,a\nreg2,a\nreg33,b\n', 'regions.csv');
    const issues = concordanceCoverage(c, ['reg1', 'reg2', 'reg3', 'reg4'], 'region');
    assert.deepEqual(places(issues), [
      ['unknown-code', 3, 1, 'reg33'],
      ['missing-code', undefined, undefined, 'reg3'],
      ['missing-code', undefined, undefined, 'reg4'],
    ]);
    assert.match(issues[0].message, /the model has no region "reg33" \(did you mean "reg3"\?\)/);
    assert.match(issues[1].message, /the model's region "reg3" is not in the map: add a row reg3,TO-CODE/);
  });

  test('aggregating with maps that miss or name unknown codes: the issues of both maps at once, nothing aggregated', async () => {
    const e = ioTableToEconomy(await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data')));
    const regions = parseConcordance('reg1,a\nreg2,a\nreg3,a\nreg4,b\nreg5,b\n', 'regions.csv');
    const sectors = parseConcordance('food,f\nmining,m\nmanufacturing,m\n', 'sectors.csv');
    const issues = issuesOf(() => aggregateEconomy(e, { regions, sectors }));
    assert.deepEqual(
      issues.map((i) => [i.location.file, i.code, i.value]),
      [
        ['regions.csv', 'missing-code', 'reg6'],
        ['sectors.csv', 'unknown-code', 'manufacturing'],
        ...['manufactoring', 'electricity', 'construction', 'trade', 'transport', 'other'].map((s) => ['sectors.csv', 'missing-code', s]),
      ],
    );
    assert.match(issues[1].message, /did you mean "manufactoring"/);
  });
});
