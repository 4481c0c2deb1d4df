import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors.js';
import { parseCellNumber, parseDelimited, parseLabelledMatrix } from '../../../src/model/import/index.js';

describe('parseDelimited', () => {
  test('RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes; CRLF', () => {
    const t = parseDelimited('a,"b, c","say ""hi"""\r\n1,"two\r\nlines",3\r\n', 'q.csv');
    assert.equal(t.delimiter, ',');
    assert.deepEqual(t.rows.map((r) => r.cells), [
      ['a', 'b, c', 'say "hi"'],
      ['1', 'two\r\nlines', '3'],
    ]);
    assert.deepEqual(t.rows.map((r) => [r.row, r.line]), [
      [1, 1],
      [2, 2],
    ]);
  });

  test('TSV is detected; blank lines are dropped but keep the numbering; a BOM is dropped', () => {
    const t = parseDelimited('\ufeffx\ty,z\n\n1\t2\n', 't.tsv');
    assert.equal(t.delimiter, '\t');
    assert.deepEqual(t.rows, [
      { row: 1, line: 1, cells: ['x', 'y,z'] },
      { row: 3, line: 3, cells: ['1', '2'] },
    ]);
  });

  test('the delimiter can be forced; empty trailing cells are kept', () => {
    const t = parseDelimited('a\tb,c,\n', 'f.csv', { delimiter: ',' });
    assert.deepEqual(t.rows[0].cells, ['a\tb', 'c', '']);
  });

  test('an unterminated quote and text after a closing quote are errors with row and column', () => {
    assert.throws(() => parseDelimited('a,b\n1,"open\n', 'u.csv'), (e: unknown) => e instanceof InputError && e.issues[0].code === 'unterminated-quote' && e.issues[0].location.row === 2 && e.issues[0].location.tableColumn === 2);
    assert.throws(() => parseDelimited('a,"b"c\n', 'u.csv'), (e: unknown) => e instanceof InputError && e.issues[0].code === 'bad-quote' && e.issues[0].location.tableColumn === 2);
  });
});

describe('parseCellNumber', () => {
  const place = { file: 'n.csv', row: 4, tableColumn: 7 };
  test('accepts plain decimals, signs and exponents', () => {
    for (const [text, v] of [['1.5', 1.5], ['-2', -2], ['3e6', 3e6], ['1.2e+06', 1.2e6], [' 7.80E+08 ', 7.8e8], ['.5', 0.5], ['+4.', 4]] as const) {
      assert.equal(parseCellNumber(text, place), v, text);
    }
  });
  test('rejects decimal commas, NaN, infinities and words with row, column and text', () => {
    for (const text of ['1,5', 'NaN', 'inf', 'Infinity', 'abc', '1e', '0x10', '1e999']) {
      assert.throws(
        () => parseCellNumber(text, place),
        (e: unknown) => e instanceof InputError && e.issues[0].location.row === 4 && e.issues[0].location.tableColumn === 7 && e.issues[0].value === text,
        text,
      );
    }
  });
  test('an empty cell is 0 only where allowed', () => {
    assert.equal(parseCellNumber('', place, { emptyIsZero: true }), 0);
    assert.throws(() => parseCellNumber(' ', place), (e: unknown) => e instanceof InputError && e.issues[0].code === 'empty-cell');
  });
});

describe('parseLabelledMatrix', () => {
  test('pandas layout: header level names, index-name row, two label columns', () => {
    const m = parseLabelledMatrix(parseDelimited('region,,r1,r1\nsector,,a,b\nregion,sector,,\nr1,a,1,2\nr1,b,3,4\n', 'p.csv'));
    assert.equal(m.indexColumns, 2);
    assert.equal(m.headerRows, 2);
    assert.deepEqual(m.indexNames, ['region', 'sector']);
    assert.deepEqual(m.headerNames, ['region', 'sector']);
    assert.deepEqual(m.columnLabels, [['r1', 'a'], ['r1', 'b']]);
    assert.deepEqual(m.rowNumbers, [4, 5]);
    assert.deepEqual(Array.from(m.values), [1, 2, 3, 4]);
  });
  test('ragged rows are errors', () => {
    assert.throws(() => parseLabelledMatrix(parseDelimited('\t\tr1\nx\ty\t1\t2\n', 'r.tsv')), (e: unknown) => e instanceof InputError && e.issues[0].code === 'ragged-row' && e.issues[0].location.row === 2 && e.issues[0].location.tableColumn === 4);
  });
});
