import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { InputError } from '../../../src/model/errors.js';
import { parseSymmetricTable, parseTableMapping } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

/**
 * Every guess of the table importer can be overridden: the mapping's keys (here as options, which
 * a mapping file becomes) change what is read, and what the notes say was guessed.
 */

/** A small table with a title, a discrepancy row and column, a total column, a negative tax and a source note. */
const table = [
  'Input-output table 2020',
  ',Agriculture,Industry,Services,Households,Exports,Statistical discrepancy,Total use',
  'Agriculture,10,20,5,40,20,5,100',
  'Industry,20,60,30,50,40,0,200',
  'Services,10,30,40,80,38,2,200',
  'Statistical discrepancy,1,1,1,,,,3',
  'Compensation of employees,30,50,80,,,,160',
  'Taxes less subsidies on products,-1,4,2,,,,5',
  'Gross operating surplus,30,35,42,,,,107',
  'Total output,100,200,200,,,,',
  'Source: a statistical office',
].join('\n');

const ids = (t: ReturnType<typeof parseSymmetricTable>): string[] => t.extensions.flatMap((e) => e.stressors.map((s) => s.id));

describe('the mapping overrides each guess of the table importer', () => {
  test('without a mapping: the guesses', () => {
    const t = parseSymmetricTable(table, 't.csv');
    assert.deepEqual(t.categories, ['Households', 'Exports']);
    assert.deepEqual(ids(t), ['Compensation of employees', 'Taxes less subsidies on products', 'Taxes less subsidies on products (negative part)', 'Gross operating surplus']);
    assert.ok(t.notes?.dropped.some((d) => d.includes('"Statistical discrepancy" (row 6) (a statistical discrepancy)')));
    assert.equal(t.unit, 'money');
  });

  test('final_demand: only the columns named are final use, a discrepancy column among them; the others are said to be dropped', () => {
    const t = parseSymmetricTable(table, 't.csv', { finalDemand: ['Households', 'Statistical discrepancy'] });
    assert.deepEqual(t.categories, ['Households', 'Statistical discrepancy']);
    assert.deepEqual(Array.from(t.Y), [40, 5, 50, 0, 80, 2]);
    assert.ok(t.notes?.read.includes('final-use columns: Households, Statistical discrepancy'), t.notes?.read.join('\n'));
    assert.ok(t.notes?.guessed.every((g) => !g.startsWith('final-use columns')));
    assert.ok(t.notes?.dropped.some((d) => d.includes('"Exports" (column 6) (not in final_demand)')), t.notes?.dropped.join('\n'));
  });

  test('primary_inputs and primary_units: only the rows named are read (in the order of the table), in their units', () => {
    const t = parseSymmetricTable(table, 't.csv', { primaryInputs: ['Compensation of employees', 'Statistical discrepancy'], primaryUnits: { 'Statistical discrepancy': 'EUR' } });
    assert.deepEqual(ids(t), ['Statistical discrepancy', 'Compensation of employees']);
    assert.deepEqual(t.extensions[0].stressors[0], { id: 'Statistical discrepancy', unit: 'EUR' });
  });

  test('skip_rows and skip_columns: left out, and the totals still add up', () => {
    const t = parseSymmetricTable(table, 't.csv', { skipRows: ['Taxes less subsidies on products'], skipColumns: ['Exports'] });
    assert.deepEqual(t.categories, ['Households']);
    assert.deepEqual(ids(t), ['Compensation of employees', 'Gross operating surplus']);
  });

  test('total_columns: a column named a total that is not one is refused at its cell, with both numbers', () => {
    assert.throws(
      () => parseSymmetricTable(table, 't.csv', { totalColumns: ['Exports'] }),
      (err: unknown) => err instanceof InputError && err.issues[0].code === 'total-mismatch' && err.issues[0].location.row === 3 && err.issues[0].location.tableColumn === 6,
    );
  });

  test('tolerance and check_totals: a total 3 % off is refused, accepted within a tolerance of 5 % (and said so), or not checked', () => {
    const off = table.replace('Industry,20,60,30,50,40,0,200', 'Industry,20,60,30,50,40,0,206');
    assert.throws(() => parseSymmetricTable(off, 't.csv'), (err: unknown) => err instanceof InputError && err.issues[0].code === 'total-mismatch' && err.issues[0].value === '206');
    const within = parseSymmetricTable(off, 't.csv', { tolerance: 0.05 });
    assert.ok([...(within.notes?.guessed ?? []), ...(within.notes?.read ?? [])].some((g) => g.includes('206')), JSON.stringify(within.notes));
    assert.deepEqual(Array.from(parseSymmetricTable(off, 't.csv', { checkTotals: false }).x ?? []), [100, 200, 200]);
  });

  test('output_row: x from the row named', () => {
    const t = parseSymmetricTable(table.replace('Total output,100,200,200,,,,', 'Total output,100,200,200,,,,\nOutput at purchasers prices,110,210,220,,,,'), 't.csv', { outputRow: 'Total output', skipRows: ['Output at purchasers prices'] });
    assert.deepEqual(Array.from(t.x ?? []), [100, 200, 200]);
  });

  test('label_column, label_columns and header_rows: the ids from the column named; counts instead of the guesses', () => {
    const five = readFileSync(fixture('io-tables', 'five-label-columns.csv'), 'utf8');
    const byName = parseSymmetricTable(five, 'f.csv', { labelColumn: 'Short name' });
    assert.deepEqual(byName.sectors, ['agri', 'ind', 'constr', 'trade', 'busserv', 'othserv']);
    assert.deepEqual(parseSymmetricTable(five, 'f.csv', { labelColumn: 2 }).sectors[0], 'Products of agriculture, forestry and fishing');
    const counted = parseSymmetricTable(five, 'f.csv', { labelColumns: 5, headerRows: 1 });
    assert.deepEqual(counted.sectors, parseSymmetricTable(five, 'f.csv').sectors);
    assert.ok(counted.notes?.read.some((g) => g.startsWith('label columns: 1 "Code"')), counted.notes?.read.join('\n'));
    assert.ok(counted.notes?.guessed.every((g) => !g.startsWith('label columns')), counted.notes?.guessed.join('\n'));
    // Two label columns: the running number is then read as a column of numbers, and the block is not square.
    assert.throws(() => parseSymmetricTable(five, 'f.csv', { labelColumns: 2, headerRows: 1 }), InputError);
  });

  test('products: the block named, by row labels and columns by position', () => {
    const five = readFileSync(fixture('io-tables', 'five-label-columns.csv'), 'utf8');
    const t = parseSymmetricTable(five, 'f.csv', { products: ['agri', 'ind', 'constr', 'trade', 'busserv', 'othserv'] });
    assert.deepEqual(t.sectors, ['agri', 'ind', 'constr', 'trade', 'busserv', 'othserv']);
    assert.deepEqual(Array.from(t.Z), Array.from(parseSymmetricTable(five, 'f.csv').Z));
  });

  test('a mapping file says the same as the options', () => {
    const m = parseTableMapping('final_demand: [Households]\nskip_rows: [Taxes less subsidies on products]\nunit: EUR million\ntolerance: 0.01\n', 'm.yaml');
    assert.deepEqual(m, { finalDemand: ['Households'], skipRows: ['Taxes less subsidies on products'], unit: 'EUR million', tolerance: 0.01 });
    const t = parseSymmetricTable(table, 't.csv', m);
    assert.deepEqual(t.categories, ['Households']);
    assert.equal(t.unit, 'EUR million');
    assert.ok(t.notes?.read.includes('flows in EUR million'));
  });
});
