import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { highsSolver } from '../../../src/lp/highs/index.js';
import { readLpFile, readMps } from '../../../src/lp/lp-format/index.js';
import { fixture } from '../../helpers/paths.js';
import { assertSameLp } from './same-lp.js';
import { inputErrorOf } from '../../helpers/input-error.js';

const loadHighs = (createRequire(import.meta.url)('highs') as typeof import('highs')).default;

/** HiGHS's own MPS reader and solver on the same file: an independent reading of it. */
async function nativeObjective(data: Uint8Array): Promise<number> {
  const highs = await loadHighs({ print: () => undefined, printErr: () => undefined });
  const model = highs.createModel({ format: 'mps', data });
  try {
    model.options.set({ output_flag: false });
    model.run();
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}


describe('readMps', () => {
  test('Netlib AFIRO (fixed format): 27 rows, 32 columns, 83 non-zeros, optimum −464.7531428571 as published', async () => {
    const lp = await readLpFile(fixture('lp', 'afiro.mps'));
    assert.equal(lp.name, 'AFIRO');
    assert.equal(lp.A.rows, 27);
    assert.equal(lp.A.cols, 32);
    assert.equal(lp.A.rowPtr[lp.A.rows], 83);
    const s = await highsSolver.solve(lp);
    assert.equal(s.status, 'optimal');
    assert.ok(Math.abs(s.objective - -464.7531428571) < 1e-8 * 464.75, `objective ${s.objective}`);
    const native = await nativeObjective(readFileSync(fixture('lp', 'afiro.mps')));
    assert.ok(Math.abs(s.objective - native) < 1e-9 * 464.75, `HiGHS's own reader: ${native}`);
  });

  test('every section and bound type: values as written, optimum 21 as worked out by hand', async () => {
    // max 2x1 + 3x2 − x3 + x4 + x5 + 5 with x3 = 0.5, x6 = 4 − x1, s = x2 + x4 ≤ 5, x5 ≤ 1 − x3 = 0.5,
    // and r5's lower side x1 ≤ s − x2 + x5, i.e. x1 + x2 ≤ s + x5 ≤ 5.5: objective 2·5.5 + 5 + 0.5 + 4.5 = 21.
    const lp = await readLpFile(fixture('lp', 'features.mps'));
    assert.equal(lp.sense, 'max');
    assert.equal(lp.offset, 5);
    assert.deepEqual(lp.rowNames, ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    assert.deepEqual(Array.from(lp.rowLower), [-Infinity, -2, 3, 0, 4, 4]);
    assert.deepEqual(Array.from(lp.rowUpper), [10, 4, 5, 1, 8, 4]);
    assert.deepEqual(Array.from(lp.colLower), [0, 1, 0.5, -Infinity, -Infinity, 0]);
    assert.deepEqual(Array.from(lp.colUpper), [6, 5, 0.5, Infinity, 3, Infinity]);
    assert.deepEqual(Array.from(lp.c), [2, 3, -1, 1, 1, 0]);
    const s = await highsSolver.solve(lp);
    assert.equal(s.status, 'optimal');
    assert.ok(Math.abs(s.objective - 21) < 1e-9, `objective ${s.objective}`);
    assert.ok(Math.abs((await nativeObjective(readFileSync(fixture('lp', 'features.mps')))) - 21) < 1e-9);
  });

  test('fixed format (a row name with a space) reads as the same LP as free format', async () => {
    const free = await readLpFile(fixture('lp', 'features.mps'));
    const fixed = await readLpFile(fixture('lp', 'features-fixed.mps'));
    assertSameLp(fixed, free);
    assert.equal(fixed.rowNames?.[0], 'r 1');
    // Forced free format cannot read a name with a space, and says where.
    const e = inputErrorOf(() => readMps(readFileSync(fixture('lp', 'features-fixed.mps'), 'utf8'), { format: 'free', file: 'f.mps' }));
    assert.equal(e.issues[0].code, 'extra-field');
    assert.equal(e.issues[0].location.line, 7);
  });

  test('an UP bound below zero on a default lower bound makes the lower bound −∞ (customary); after LO it does not', () => {
    const text = ['NAME t', 'ROWS', ' N obj', ' L r', 'COLUMNS', '    x obj 1 r 1', '    y obj 1 r 1', 'RHS', '    RHS r 4', 'BOUNDS', ' UP BND x -1', ' LO BND y -3', ' UP BND y -2', 'ENDATA'].join('\n');
    const lp = readMps(text);
    assert.deepEqual(Array.from(lp.colLower), [-Infinity, -3]);
    assert.deepEqual(Array.from(lp.colUpper), [-1, -2]);
  });

  describe('errors name the file, line, column and value', () => {
    const head = ['NAME t', 'ROWS', ' N obj', ' L r', 'COLUMNS'];
    const cases: [string, string[], string, number, number, unknown][] = [
      ['integer marker', [...head, "    M1 'MARKER' 'INTORG'", '    x obj 1 r 1', 'ENDATA'], 'integer', 6, 8, "M1 'MARKER' 'INTORG'"],
      ['unknown row', [...head, '    x obj 1 q 1', 'ENDATA'], 'unknown-row', 6, 13, 'q'],
      ['bad number', [...head, '    x obj 1 r 1.2.3', 'ENDATA'], 'not-a-number', 6, 15, '1.2.3'],
      ['bad row type', ['NAME t', 'ROWS', ' N obj', ' Q r', 'ENDATA'], 'bad-row-type', 4, 2, 'Q'],
      ['binary bound', [...head, '    x obj 1 r 1', 'BOUNDS', ' BV BND x', 'ENDATA'], 'integer', 8, 2, 'BV'],
      ['unknown column in BOUNDS', [...head, '    x obj 1 r 1', 'BOUNDS', ' UP BND z 4', 'ENDATA'], 'unknown-column', 8, 9, 'z'],
      ['unknown section', [...head, '    x obj 1 r 1', 'QUADOBJ', 'ENDATA'], 'unknown-section', 7, 1, 'QUADOBJ'],
      ['coefficient given twice', [...head, '    x obj 1 r 1', '    x r 2', 'ENDATA'], 'duplicate-entry', 7, 9, 2],
      ['infinite coefficient', [...head, '    x obj 1 r inf', 'ENDATA'], 'not-finite', 6, 15, 'inf'],
      ['coefficient beyond 1e30', [...head, '    x obj 1 r 1e31', 'ENDATA'], 'out-of-range', 6, 15, '1e31'],
      ['coefficient that overflows a double', [...head, '    x obj 1 r 1e400', 'ENDATA'], 'not-finite', 6, 15, '1e400'],
      ['bound beyond 1e30', [...head, '    x obj 1 r 1', 'BOUNDS', ' UP BND x 2e30', 'ENDATA'], 'out-of-range', 8, 11, '2e30'],
      ['infinite right-hand side of an equality row', ['NAME t', 'ROWS', ' N obj', ' E r', 'COLUMNS', '    x obj 1 r 1', 'RHS', '    RHS r inf', 'ENDATA'], 'invalid-bound', 8, 11, 'inf'],
      ['upper bound of −inf', [...head, '    x obj 1 r 1', 'BOUNDS', ' UP BND x -inf', 'ENDATA'], 'invalid-bound', 8, 11, '-inf'],
    ];
    for (const [name, lines, code, line, column, value] of cases) {
      test(name, () => {
        const e = inputErrorOf(() => readMps(lines.join('\n'), { file: 'bad.mps', format: 'free' }));
        const issue = e.issues[0];
        assert.equal(issue.code, code);
        assert.deepEqual(issue.location, { file: 'bad.mps', line, column });
        assert.deepEqual(issue.value, value);
        assert.match(e.message, new RegExp(`^bad\\.mps:${line}:${column}: `));
      });
    }
  });

  describe('an entry given twice is refused with both lines, never overwritten', () => {
    const rows = ['NAME t', 'ROWS', ' N obj', ' L r', ' G g', 'COLUMNS'];
    const cases: [string, string[], number, string][] = [
      // Read by overwriting, this LP had objective 0 instead of −4.
      ['objective coefficient', [...rows, '    x obj -1 r 1', '    x obj 2', 'RHS', '    RHS r 4', 'ENDATA'], 8, 'objective coefficient of "x" is given twice (first on line 7, again on line 8)'],
      ['matrix coefficient', [...rows, '    x obj -1 r 1', '    x r 2', 'ENDATA'], 8, 'coefficient of "x" in row "r" is given twice (first on line 7, again on line 8)'],
      ['right-hand side', [...rows, '    x obj -1 r 1', 'RHS', '    RHS r 4', '    RHS r 8', 'ENDATA'], 10, 'right-hand side of row "r" is given twice (first on line 9, again on line 10)'],
      ['right-hand side on one line', [...rows, '    x obj -1 r 1', 'RHS', '    RHS r 4 r 8', 'ENDATA'], 9, 'right-hand side of row "r" is given twice (first on line 9, again on line 9)'],
      ['range', [...rows, '    x obj -1 r 1', 'RHS', '    RHS r 4', 'RANGES', '    RNG r 1', '    RNG r 2', 'ENDATA'], 12, 'range of row "r" is given twice (first on line 11, again on line 12)'],
      ['upper bound', [...rows, '    x obj -1 r 1', 'BOUNDS', ' UP BND x 4', ' UP BND x 5', 'ENDATA'], 10, 'upper bound of column "x" is given twice (first on line 9, again on line 10)'],
      ['upper bound by FX after UP', [...rows, '    x obj -1 r 1', 'BOUNDS', ' UP BND x 4', ' FX BND x 3', 'ENDATA'], 10, 'upper bound of column "x" is given twice (first on line 9, again on line 10)'],
      ['lower bound by MI after LO', [...rows, '    x obj -1 r 1', 'BOUNDS', ' LO BND x 1', ' MI BND x', 'ENDATA'], 10, 'lower bound of column "x" is given twice (first on line 9, again on line 10)'],
    ];
    for (const [name, lines, line, message] of cases) {
      test(name, () => {
        const e = inputErrorOf(() => readMps(lines.join('\n'), { file: 'dup.mps' }));
        const issue = e.issues[0];
        assert.equal(issue.code, 'duplicate-entry');
        assert.equal(issue.location.file, 'dup.mps');
        assert.equal(issue.location.line, line);
        assert.ok(issue.message.includes(message), issue.message);
      });
    }

    test('a lower and an upper bound of one column, and entries of a second RHS set, are not duplicates', () => {
      const text = [...rows, '    x obj -1 r 1', 'RHS', '    RHS r 4', '    OTHER r 8', 'BOUNDS', ' LO BND x 1', ' UP BND x 3', 'ENDATA'].join('\n');
      const lp = readMps(text);
      assert.deepEqual([lp.colLower[0], lp.colUpper[0], lp.rowUpper[0]], [1, 3, 4]);
    });
  });

  describe('numbers up to 1e30 are finite', () => {
    test('a right-hand side of 1e25: min −x with x ≤ 1e25 has objective −1e25 (it was −Infinity: HiGHS read 1e25 as no bound)', async () => {
      const lp = readMps(['NAME big', 'ROWS', ' N obj', ' L c1', 'COLUMNS', '    x obj -1 c1 1', 'RHS', '    RHS c1 1e25', 'ENDATA'].join('\n'));
      assert.equal(lp.rowUpper[0], 1e25);
      const s = await highsSolver.solve(lp);
      assert.equal(s.status, 'optimal', s.message);
      assert.equal(s.objective, -1e25);
      assert.equal(s.x[0], 1e25);
      assert.equal(s.rowDual[0], -1, 'one more unit of the limit lowers the minimum by 1');
    });

    test('1e30 itself, as a coefficient and as a bound, is read as it is', () => {
      const lp = readMps(['NAME edge', 'ROWS', ' N obj', ' L c1', 'COLUMNS', '    x obj 1e30 c1 -1e30', 'RHS', '    RHS c1 1e30', 'BOUNDS', ' UP BND x 1e30', 'ENDATA'].join('\n'));
      assert.deepEqual([lp.c[0], lp.A.values[0], lp.rowUpper[0], lp.colUpper[0]], [1e30, -1e30, 1e30, 1e30]);
    });

    test('a range that takes a bound beyond 1e30 is refused at its line', () => {
      const e = inputErrorOf(() => readMps(['NAME t', 'ROWS', ' N obj', ' G g', 'COLUMNS', '    x obj 1 g 1', 'RHS', '    RHS g 1e30', 'RANGES', '    RNG g 1e30', 'ENDATA'].join('\n'), { file: 'r.mps' }));
      assert.equal(e.issues[0].code, 'out-of-range');
      assert.equal(e.issues[0].location.line, 10);
    });
  });
});
