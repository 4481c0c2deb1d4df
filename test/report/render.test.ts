import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, renderCsv, renderText, type Table } from '../../src/report/index.js';

describe('formatNumber', () => {
  test('keeps the requested significant digits without exponent in the ordinary range', () => {
    assert.equal(formatNumber(1247.5247524752474, 6), '1247.52');
    assert.equal(formatNumber(0.33003300330033003, 4), '0.33');
    assert.equal(formatNumber(0.0326265259726559, 3), '0.0326');
    assert.equal(formatNumber(-2.5e6, 6), '-2500000');
    assert.equal(formatNumber(1.5e-7, 3), '1.5e-7');
    assert.equal(formatNumber(-0, 6), '0');
    assert.equal(formatNumber(-1e-12 * 0, 6), '0');
  });
  test('spells out non-finite values', () => {
    assert.equal(formatNumber(Infinity), 'inf');
    assert.equal(formatNumber(-Infinity), '-inf');
    assert.equal(formatNumber(NaN), 'NaN');
  });
});

const table: Table = {
  name: 'balance',
  title: 'Balance',
  columns: [
    { key: 'item', label: 'item' },
    { key: 'supply', label: 'supply', unit: 't' },
    { key: 'note', label: 'note' },
  ],
  rows: [
    ['grain', 1234.5, 'ok'],
    ['bolt, M8', -2, 'say "hi"'],
  ],
  notes: ['residual 1e-12'],
};

describe('renderText', () => {
  test('aligns text left and numbers right, with units and notes', () => {
    const lines = renderText([table]).split('\n');
    assert.deepEqual(lines.slice(0, 7), [
      'Balance',
      'item      supply  note',
      '             (t)',
      '--------  ------  --------',
      'grain     1234.5  ok',
      'bolt, M8      -2  say "hi"',
      'residual 1e-12',
    ]);
  });
});

describe('renderCsv', () => {
  test('quotes cells that need it and keeps full precision', () => {
    const csv = renderCsv([{ ...table, rows: [...table.rows, ['x', 1 / 3, null]] }]);
    assert.equal(csv, 'item,supply,note\r\ngrain,1234.5,ok\r\n"bolt, M8",-2,"say ""hi"""\r\nx,0.3333333333333333,\r\n');
  });
  test('separates several tables with named sections', () => {
    const csv = renderCsv([table, { ...table, name: 'second', rows: [] }]);
    assert.match(csv, /^# balance\r\n/);
    assert.match(csv, /\r\n\r\n# second\r\nitem,supply,note\r\n$/);
  });
});
