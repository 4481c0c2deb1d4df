import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/model/errors.js';
import { parseRegionalData } from '../../src/model/parse-regional-data.js';

function issues(text: string): string[] {
  try {
    parseRegionalData(text, 'region.csv');
  } catch (err) {
    assert.ok(err instanceof InputError);
    return err.issues.map((i) => `${i.location.row ?? ''}:${i.location.tableColumn ?? ''} ${i.code}`);
  }
  assert.fail('no error');
}

describe('the regional data file', () => {
  test('two columns with a header; a total row; CRLF and quotes', () => {
    const d = parseRegionalData('sector,regional\r\n"a",1.5\r\nb,0\r\ntotal,10\r\n', 'region.csv');
    assert.deepEqual([d.sectors, d.regional, d.rows, d.national, d.totals], [['a', 'b'], [1.5, 0], [2, 3], undefined, { regional: 10 }]);
  });

  test('three columns without a header: national values and national total', () => {
    const d = parseRegionalData('a,1,10\nb,2,20\nTOTAL,5,50\n', 'r.csv');
    assert.deepEqual([d.regional, d.national, d.totals], [[1, 2], [10, 20], { regional: 5, national: 50 }]);
  });

  test('every mistake with its row and column', () => {
    assert.deepEqual(issues('sector,regional\na,-1\nb,x\na,2\nc,1,2\n,3\n'), ['2:2 negative', '3:2 not-finite', '4:1 duplicate-id', '5: ragged-row', '6:1 missing']);
    assert.deepEqual(issues('sector,regional\n'), [': empty']);
    assert.deepEqual(issues('a,1e31\n'), ['1:2 out-of-range']);
  });
});
