import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { highsSolver } from '../../../src/lp/highs/index.js';
import { readLp, readLpFile } from '../../../src/lp/lp-format/index.js';
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
        '  y <= infinity',
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
      ['a bound beyond 1e30', ['Minimize', ' x', 'Bounds', ' x <= 1e31', 'End'], 'out-of-range', 4, 7, '1e31'],
      ['a coefficient beyond 1e30', ['Minimize', ' 2e30 x', 'End'], 'out-of-range', 2, 2, '2e30'],
      ['terms of one variable that add up beyond 1e30', ['Minimize', ' 1e30 x + 1e30 x', 'End'], 'out-of-range', 2, 16, 2e30],
      ['a right-hand side less the constant beyond 1e30', ['Minimize', ' x', 'Subject To', ' c1: x - 1e30 <= 1e30', 'End'], 'out-of-range', 4, 2, 2e30],
      ['an upper bound of −inf', ['Minimize', ' x', 'Bounds', ' x <= -inf', 'End'], 'invalid-bound', 4, 2, -Infinity],
      ['an upper bound given twice', ['Minimize', ' x', 'Bounds', ' x <= 4', ' x <= 5', 'End'], 'duplicate-entry', 5, 2, 5],
      ['a lower bound given twice, the second by "free"', ['Minimize', ' x', 'Bounds', ' -1 <= x <= 4', ' x free', 'End'], 'duplicate-entry', 5, 2, -Infinity],
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

  test('a bound of 1e30 is a finite bound (it was refused or read as infinite); beyond it the message says to write inf', async () => {
    const lp = readLp(['Maximize', ' obj: x', 'Subject To', ' c1: x + y <= 1e30', 'Bounds', ' x <= 1e30', ' y >= -1e30', 'End'].join('\n'));
    assert.deepEqual([lp.rowUpper[0], lp.colUpper[0], lp.colLower[1]], [1e30, 1e30, -1e30]);
    const s = await highsSolver.solve(lp);
    assert.equal(s.status, 'optimal', s.message);
    assert.equal(s.objective, 1e30);
    const e = inputErrorOf(() => readLp(['Maximize', ' obj: x', 'Bounds', ' x <= 1.5e30', 'End'].join('\n'), { file: 'b.lp' }));
    assert.match(e.message, /^b\.lp:4:7: bound must be at most 1e30 in magnitude; write inf or infinity for no bound \(value: "1\.5e30"\)$/);
  });

  test('a second entry for the same side of a bound names both lines', () => {
    const e = inputErrorOf(() => readLp(['Minimize', ' x', 'Bounds', ' x <= 4', ' x >= 1', ' x <= 5', 'End'].join('\n')));
    assert.match(e.issues[0].message, /upper bound of "x" is given twice \(first on line 4, again on line 6\)/);
  });
});
