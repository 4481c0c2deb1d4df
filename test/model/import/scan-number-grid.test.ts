import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { InputError } from '../../../src/model/errors.js';
import { readNumberGrid, scanNumberGrid, type NumberGridShape } from '../../../src/model/import/index.js';
import { seededRandom } from '../../helpers/random.js';

/** The text as a stream of chunks of `size` bytes (1: every byte its own chunk). */
function chunks(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const shape: NumberGridShape = { rows: 2, columns: 3, because: 'the test says so' };

async function rejection(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail('expected an InputError');
}

describe('readNumberGrid: a headerless tab-separated grid of numbers from a stream', () => {
  test('the same numbers whatever the chunks, with LF or CRLF, blank lines and no final line end', async () => {
    const want = [1.5, -2, 2.6813696e-6, 0, 58180.65, 1e30];
    for (const text of ['1.5\t-2\t2.6813696E-06\n0\t58180.65\t1e+30\n', '1.5\t-2\t2.6813696E-06\r\n\r\n0\t58180.65\t1E30', ' 1.5 \t-2\t2.6813696e-6\n0\t58180.650\t1e30\n\n']) {
      for (const size of [1, 2, 7, 1 << 16]) {
        assert.deepEqual(Array.from(await readNumberGrid(chunks(text, size), 'g.txt', shape)), want, `${JSON.stringify(text)} in chunks of ${size}`);
      }
    }
  });

  test('every number reads as Number(text) does, bit for bit (seeded: precisions 1–17, exponents, signs, leading and trailing zeros)', async () => {
    const rand = seededRandom(20261206);
    const texts: string[] = [];
    for (let k = 0; k < 20000; k++) {
      const v = (rand() - 0.3) * 10 ** Math.floor(rand() * 60 - 30);
      const form = Math.floor(rand() * 6);
      const p = 1 + Math.floor(rand() * 17);
      let t = form === 0 ? v.toPrecision(p) : form === 1 ? v.toExponential(p - 1).toUpperCase() : form === 2 ? String(v) : form === 3 ? `0${Math.abs(v).toFixed(Math.min(20, p))}` : form === 4 ? `+${Math.abs(v).toPrecision(p)}00` : v.toExponential(p - 1).replace('e-', 'E-0');
      if (!(Math.abs(Number(t)) <= 1e30)) t = '0.5';
      texts.push(t);
    }
    const columns = 100;
    const text = Array.from({ length: texts.length / columns }, (_, r) => texts.slice(r * columns, (r + 1) * columns).join('\t')).join('\n');
    for (const size of [7, 1 << 16]) {
      const got = await readNumberGrid(chunks(text, size), 'g.txt', { rows: texts.length / columns, columns, because: 'test' });
      texts.forEach((t, k) => assert.ok(Object.is(got[k], Number(t)), `${t}: ${got[k]} vs ${Number(t)}`));
    }
  });

  test('rows of the wrong length, too many or too few rows, and bad cells are located (row and column of the file)', async () => {
    const cases: readonly [string, string, number, number, unknown][] = [
      ['1\t2\n3\t4\t5\n', 'ragged-row', 1, 3, 2],
      ['1\t2\t3\t4\n', 'ragged-row', 1, 4, '4'],
      ['1\t2\t3\n\n4\t5\t6\n7\t8\t9\n', 'extra-row', 4, 1, '7'],
      ['1\t2\t3\n', 'missing-rows', 2, 1, 1],
      ['1\t2\t3\n4\tNaN\t6\n', 'not-a-number', 2, 2, 'NaN'],
      ['1\t2\t3\n4\t\t6\n', 'empty-cell', 2, 2, ''],
      ['1\t2\t3\n4\t1,5\t6\n', 'not-a-number', 2, 2, '1,5'],
      ['1\t2\t3\n4\t2e31\t6\n', 'too-large', 2, 2, '2e31'],
      ['1\t2\t3\n4\tinf\t6\n', 'not-a-number', 2, 2, 'inf'],
    ];
    const zeros: readonly [string, string, number, number, unknown][] = [
      ['0\t0\t0\t0\n0\t0\t0\n', 'ragged-row', 1, 4, '0'],
      ['0\t0\n0\t0\t0\n', 'ragged-row', 1, 3, 2],
      ['0\t0\t0\n0\t0\t0\n0\t0\t0\n', 'extra-row', 3, 1, '0'],
      ['0\t0\t0\n0\t0\t0\t0\t0\n', 'ragged-row', 2, 4, '0'],
    ];
    for (const delimiter of ['tab', 'comma'] as const) {
      for (const [text, code, row, column, value] of [...cases, ...zeros]) {
        if (delimiter === 'comma' && text.includes(',')) continue;
        const t = delimiter === 'comma' ? text.replaceAll('\t', ',') : text;
        for (const size of [1, 3, 1 << 16]) {
          const err = await rejection(readNumberGrid(chunks(t, size), 'g.txt', { ...shape, delimiter }));
          const [issue] = err.issues;
          assert.deepEqual([issue.code, issue.location.file, issue.location.row, issue.location.tableColumn, issue.value], [code, 'g.txt', row, column, value], `${JSON.stringify(t)} in chunks of ${size}`);
        }
      }
    }
  });

  test('a negative number stops the read where the caller says it has no place', async () => {
    const negative = (i: number, j: number): string | undefined => (i === 1 && j === 2 ? 'no place for it' : undefined);
    const ok = await readNumberGrid(chunks('-1\t2\t3\n4\t5\t6\n', 3), 'g.txt', { ...shape, negative });
    assert.equal(ok[0], -1);
    const err = await rejection(readNumberGrid(chunks('-1\t2\t3\n4\t5\t-6\n', 3), 'g.txt', { ...shape, negative }));
    assert.deepEqual([err.issues[0].code, err.issues[0].location.row, err.issues[0].location.tableColumn, err.issues[0].value], ['negative', 2, 3, -6]);
  });

  test('a stream that fails midway (a damaged archive) is an InputError naming the file', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('1\t2\t3\n'));
        this.destroy(new Error('invalid distance too far back'));
      },
    });
    const err = await rejection(readNumberGrid(broken, 'z.zip/T.txt', shape));
    assert.equal(err.issues[0].code, 'invalid-archive');
    assert.equal(err.issues[0].location.file, 'z.zip/T.txt');
  });
});

describe('scanNumberGrid: comma-separated grids (GLORIA) and the visitor', () => {
  test('visits every non-zero cell once, in file order, with its row and column, whatever the chunks', async () => {
    const text = '0,1.5,0\r\n-2,0,3e-06\n\n0,0,0\n4,5,6';
    const want = [[0, 1, 1.5], [1, 0, -2], [1, 2, 3e-6], [3, 0, 4], [3, 1, 5], [3, 2, 6]];
    for (const size of [1, 2, 5, 1000]) {
      const got: number[][] = [];
      await scanNumberGrid(chunks(text, size), 'T.csv', { rows: 4, columns: 3, because: 'test', delimiter: 'comma' }, (r, c, v) => got.push([r, c, v]));
      assert.deepEqual(got, want, `chunks of ${size}`);
    }
  });

  test('a sparse grid (runs of "0" among numbers, seeded) reads as its cells split by hand, whatever the chunks', async () => {
    const rand = seededRandom(7);
    const rows = 40;
    const columns = 257;
    const cells = Array.from({ length: rows * columns }, () => (rand() < 0.9 ? (rand() < 0.9 ? '0' : '0.0') : (rand() * 1000 - 300).toPrecision(1 + Math.floor(rand() * 12))));
    const text = Array.from({ length: rows }, (_, r) => cells.slice(r * columns, (r + 1) * columns).join(',')).join(rand() < 0.5 ? '\n' : '\r\n');
    for (const size of [1, 2, 3, 64, 1 << 16]) {
      const got = await readNumberGrid(chunks(text, size), 'T.csv', { rows, columns, because: 'test', delimiter: 'comma' });
      cells.forEach((c, k) => assert.equal(got[k], Number(c), `cell ${k} (${c}) in chunks of ${size}`));
    }
  });

  test('a tab in a comma-separated grid is not a separator: the cell is not a number, located', async () => {
    const err = await rejection(scanNumberGrid(chunks('1,2,3\n4\t5,6\n', 4), 'T.csv', { rows: 2, columns: 3, because: 'test', delimiter: 'comma' }, () => {}));
    assert.equal(err.issues[0].location.row, 2);
    assert.equal(err.issues[0].location.tableColumn, 1);
  });

  test('a ragged comma row is located at its line and cell', async () => {
    const err = await rejection(scanNumberGrid(chunks('1,2,3\n4,5\n', 3), 'T.csv', { rows: 2, columns: 3, because: 'the labels make 3', delimiter: 'comma' }, () => {}));
    assert.equal(err.issues[0].code, 'ragged-row');
    assert.equal(err.issues[0].location.row, 2);
    assert.match(err.issues[0].message, /the labels make 3/);
  });

  test('an error of the visitor stops the read and is passed on as it is (not called a damaged archive)', async () => {
    const boom = new RangeError('out of room');
    await assert.rejects(
      scanNumberGrid(chunks('1,2\n3,4\n', 2), 'T.csv', { rows: 2, columns: 2, because: 'test', delimiter: 'comma' }, (r) => {
        if (r === 1) throw boom;
      }),
      (err) => err === boom,
    );
  });
});
