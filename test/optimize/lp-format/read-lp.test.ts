import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readLp, readLpFile } from '../../../src/optimize/lp-format/index.js';
import { fixture } from '../../helpers/paths.js';
import { assertSameLp } from './same-lp.js';
import { inputErrorOf } from '../../helpers/input-error.js';


describe('readLp (CPLEX LP format)', () => {
  test('features.lp is the same LP as features.mps (ranged rows, free, fixed and −inf bounds, objective constant)', async () => {
    const lp = await readLpFile(fixture('lp', 'features.lp'));
    const mps = await readLpFile(fixture('lp', 'features.mps'));
    assertSameLp(lp, mps);
    assert.deepEqual(lp.colNames, mps.colNames);
    assert.deepEqual(lp.rowNames, mps.rowNames);
  });

  test('terms spread over lines, repeated variables summed, constants moved, comments, unnamed rows', () => {
    const lp = readLp(
      [
        '\\ a comment line',
        'Minimize',
        '  cost: 3 x + 2y  \\ trailing comment',
        '     - x + 4',
        'Subject To',
        '  2 x + y',
        '    + x >= 6',
        '  c2: x + y + 1 <= 5',
        '  c3: -x >= -10',
        'Bounds',
        '  y <= 1e30',
        '  x >= -inf',
        '  x <= 8',
        'End',
        'this text after End is ignored',
      ].join('\n'),
    );
    assert.equal(lp.sense, 'min');
    assert.equal(lp.offset, 4);
    assert.deepEqual(lp.colNames, ['x', 'y']);
    assert.deepEqual(lp.rowNames, ['R1', 'c2', 'c3']);
    assert.deepEqual(Array.from(lp.c), [2, 2]);
    assert.deepEqual(Array.from(lp.rowLower), [6, -Infinity, -10]);
    assert.deepEqual(Array.from(lp.rowUpper), [Infinity, 4, Infinity]);
    assert.deepEqual(Array.from(lp.A.values), [3, 1, 1, 1, -1]);
    assert.deepEqual(Array.from(lp.colLower), [-Infinity, 0]);
    assert.deepEqual(Array.from(lp.colUpper), [8, Infinity]);
  });

  describe('errors name the file, line, column and value', () => {
    const cases: [string, string[], string, number, number, unknown][] = [
      ['integer section', ['Maximize', ' x', 'Subject To', ' x <= 1', 'General', ' x', 'End'], 'integer', 5, 1, 'General'],
      ['binary section (indented)', ['Max', ' x', 'st', ' x <= 1', '  Binaries', ' x', 'End'], 'integer', 5, 3, 'Binaries'],
      ['quadratic term', ['Minimize', ' obj: x + [ x ^ 2 ] / 2', 'End'], 'syntax', 2, 11, '['],
      ['missing operator', ['Minimize', ' x', 'Subject To', ' c1: x + y 4', 'End'], 'syntax', 4, 12, '4'],
      ['a bound without a relation', ['Minimize', ' x', 'Bounds', ' x', 'End'], 'syntax', 4, 2, 'x'],
      ['no objective section first', ['Subject To', ' x <= 1', 'End'], 'no-objective', 1, 1, 'Subject To'],
      ['not a number on the right', ['Minimize', ' x', 'Subject To', ' x <= y', 'End'], 'syntax', 4, 7, 'y'],
    ];
    for (const [name, lines, code, line, column, value] of cases) {
      test(name, () => {
        const e = inputErrorOf(() => readLp(lines.join('\n'), { file: 'bad.lp' }));
        const issue = e.issues[0];
        assert.equal(issue.code, code);
        assert.deepEqual(issue.location, { file: 'bad.lp', line, column });
        assert.deepEqual(issue.value, value);
      });
    }
  });
});
