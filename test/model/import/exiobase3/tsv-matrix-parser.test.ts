import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TsvMatrixParser, type TsvMatrix, type TsvMatrixLayout } from '../../../../src/model/import/exiobase3/tsv-matrix-parser.js';
import { issuesOf } from '../../../helpers/input-error.js';
import { seededRandom } from '../../../helpers/random.js';

/** Parses `text` given in chunks of `size` bytes (every size cuts cells somewhere). */
function parse(text: string | Uint8Array, layout: TsvMatrixLayout, size = 1 << 16): TsvMatrix {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const p = new TsvMatrixParser('m.txt', layout);
  for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
  return p.finish();
}

const L2: TsvMatrixLayout = { indexColumns: 2, headerRows: 2 };
const pandas = [
  'region\t\tAT\tAT\tDE',
  'sector\t\tfood\tsteel\tfood',
  'region\tsector\t\t\t',
  'AT\tfood\t1.5\t0.0\t2e-3',
  'AT\tsteel\t0\t-4\t1.2345678901234567e-05',
  'DE\tfood\t7\t8\t9',
  '',
].join('\n');

describe('a labelled tab-separated matrix read from its bytes', () => {
  test('pandas layout: two header rows, a row of index names, labels and numbers', () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      const m = parse(pandas, L2, size);
      assert.equal(m.rows, 3);
      assert.equal(m.columns, 3);
      assert.deepEqual(m.columnLabels, [
        ['AT', 'AT', 'DE'],
        ['food', 'steel', 'food'],
      ]);
      assert.deepEqual(m.rowLabels, [
        ['AT', 'food'],
        ['AT', 'steel'],
        ['DE', 'food'],
      ]);
      assert.deepEqual(m.levelNames, [
        ['region', ''],
        ['sector', ''],
        ['region', 'sector'],
      ]);
      assert.deepEqual(Array.from(m.values), [1.5, 0, 2e-3, 0, -4, Number('1.2345678901234567e-05'), 7, 8, 9]);
      assert.deepEqual(Array.from(m.rowLines), [4, 5, 6]);
      assert.equal(m.emptyCells, 0);
    }
  });

  test('CRLF line ends, a byte-order mark, no final line end, no row of index names, quoted labels', () => {
    const text = '\ufeffregion\tAT\tAT\r\nsector\t"a ""b"""\tc\r\nco2\t1\t2\r\nch4\t3\t4';
    for (const size of [1, 2, 5, 1 << 16]) {
      const m = parse(text, { indexColumns: 1, headerRows: 2 }, size);
      assert.deepEqual(m.columnLabels[1], ['a "b"', 'c']);
      assert.deepEqual(m.rowLabels, [['co2'], ['ch4']]);
      assert.deepEqual(Array.from(m.values), [1, 2, 3, 4]);
      assert.deepEqual(m.levelNames, [['region'], ['sector']]);
    }
  });

  test('empty cells read as 0 and are counted; blank lines are skipped', () => {
    const m = parse('r\tA\tA\ns\tx\ty\n\nq\t\t5\np\t6\t\n\n', { indexColumns: 1, headerRows: 2 });
    assert.deepEqual(Array.from(m.values), [0, 5, 6, 0]);
    assert.equal(m.emptyCells, 2);
    assert.deepEqual(m.firstEmpty, { row: 4, tableColumn: 2 });
  });

  test('a large random matrix, in random chunk sizes, reads back exactly', () => {
    const rand = seededRandom(11);
    const rows = 40;
    const cols = 300;
    const want = new Float64Array(rows * cols);
    const lines = [['', ...Array.from({ length: cols }, (_, j) => `r${j % 3}`)].join('\t'), ['', ...Array.from({ length: cols }, (_, j) => `s${j}`)].join('\t')];
    for (let i = 0; i < rows; i++) {
      const cells = [`q${i}`];
      for (let j = 0; j < cols; j++) {
        const v = rand() < 0.3 ? 0 : (rand() - 0.1) * 10 ** Math.floor(rand() * 20 - 10);
        want[i * cols + j] = v;
        cells.push(v === 0 ? '0.0' : rand() < 0.5 ? String(v) : v.toPrecision(17));
      }
      lines.push(cells.join('\t'));
    }
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const p = new TsvMatrixParser('big.txt', { indexColumns: 1, headerRows: 2 }, 4);
    for (let i = 0; i < bytes.length; ) {
      const size = 1 + Math.floor(rand() * 5000);
      p.push(bytes.subarray(i, i + size));
      i += size;
    }
    const m = p.finish();
    assert.equal(m.rows, rows);
    assert.deepEqual(m.values, want);
  });

  test('located errors: a ragged row, a cell that is not a number, a number beyond 1e30, bad UTF-8, a truncated header', () => {
    const at = (text: string | Uint8Array, layout = L2) => {
      const [issue] = issuesOf(() => parse(text, layout, 3));
      return { code: issue.code, row: issue.location.row, column: issue.location.tableColumn, value: issue.value };
    };
    assert.deepEqual(at(pandas.replace('DE\tfood\t7\t8\t9', 'DE\tfood\t7\t8')), { code: 'ragged-row', row: 6, column: 5, value: undefined });
    assert.deepEqual(at(pandas.replace('DE\tfood\t7\t8\t9', 'DE\tfood\t7\t8\t9\t10')), { code: 'ragged-row', row: 6, column: 6, value: undefined });
    assert.deepEqual(at(pandas.replace('\t-4\t', '\t1,5\t')), { code: 'not-a-number', row: 5, column: 4, value: '1,5' });
    assert.deepEqual(at(pandas.replace('\t-4\t', '\tabc\t')), { code: 'not-a-number', row: 5, column: 4, value: 'abc' });
    assert.deepEqual(at(pandas.replace('\t-4\t', '\tNaN\t')), { code: 'not-a-number', row: 5, column: 4, value: 'NaN' });
    assert.deepEqual(at(pandas.replace('\t9\n', '\t9x\n')), { code: 'not-a-number', row: 6, column: 5, value: '9x' });
    assert.deepEqual(at(pandas.replace('\t-4\t', '\t-2e31\t')), { code: 'too-large', row: 5, column: 4, value: '-2e31' });
    assert.deepEqual(at(pandas.replace('\t-4\t', '\t1e999\t')), { code: 'too-large', row: 5, column: 4, value: '1e999' });
    assert.deepEqual(at(Buffer.concat([Buffer.from('region\t\tAT\nsector\t\t'), Buffer.from([0xe9]), Buffer.from('\nAT\tx\t1\n')])), { code: 'bad-encoding', row: 2, column: 3, value: 'é' });
    assert.deepEqual(at('region\t\tAT\n'), { code: 'truncated', row: 2, column: 1, value: undefined });
    assert.deepEqual(at('region\t\tAT\tAT\nsector\t\tx\n'), { code: 'ragged-row', row: 2, column: 4, value: undefined });
  });
});
