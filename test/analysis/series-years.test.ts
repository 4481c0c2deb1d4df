import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seriesYears } from '../../src/analysis/series-years.js';
import { InputError } from '../../src/model/errors.js';
import type { AnyEconomy } from '../../src/model/types.js';

const model = (periods: string[]): AnyEconomy => ({ name: 'm', periods, regions: [], products: [], resources: [], techniques: [], trade: [], directUse: [], targets: [] }) as unknown as AnyEconomy;

function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof InputError);
    return err.issues[0].message;
  }
  assert.fail('no error');
}

describe('the years of a series', () => {
  test('a model with several periods is one year per period', () => {
    assert.deepEqual(seriesYears(model(['1930', '1931']), 'ussr.yaml'), [
      { year: '1930', period: '1930' },
      { year: '1931', period: '1931' },
    ]);
    assert.match(message(() => seriesYears(model(['1', '2']), 'x.yaml')), /period "1" is not a year/);
  });

  test('one period: its id if a year, else the year standing alone in the file name, else an error; a year given wins', () => {
    assert.deepEqual(seriesYears(model(['2010']), 'a/table.yaml'), [{ year: '2010', period: '2010' }]);
    assert.deepEqual(seriesYears(model(['1']), 'tables/germany-1995.yaml'), [{ year: '1995', period: '1' }]);
    assert.deepEqual(seriesYears(model(['1']), 'io_2001_v2.json'), [{ year: '2001', period: '1' }]);
    assert.deepEqual(seriesYears(model(['1']), 'germany', '1996'), [{ year: '1996', period: '1' }]);
    // Not a year: a longer number, or one out of range; the folder's name does not count.
    assert.match(message(() => seriesYears(model(['1']), '2001/table-12345.yaml')), /say which year 2001\/table-12345\.yaml is/);
    assert.match(message(() => seriesYears(model(['1']), 'run-3000.yaml')), /say which year/);
    assert.match(message(() => seriesYears(model(['1930', '1931']), 'm', '1930')), /several periods/);
  });
});
