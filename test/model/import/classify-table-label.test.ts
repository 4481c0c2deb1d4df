import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyColumnLabels, classifyRowLabels } from '../../../src/model/import/classify-table-label.js';

/** The codes and names of issue 10 and of the offices' tables (Eurostat, OECD, WIOD, national offices), each recognised for what it is. */
describe('rows and columns outside the block recognised by their codes and names', () => {
  const rows: readonly (readonly [string, ReturnType<typeof classifyRowLabels>])[] = [
    ['P1', 'output'],
    ['GO', 'output'],
    ['OUT', 'output'],
    ['OUTPUT', 'output'],
    ['Total output', 'output'],
    ['Output at basic prices', 'output'],
    ['TOTAL', 'total'],
    ['Total use at basic prices', 'total'],
    ['P2', 'total'],
    ['Intermediate consumption', 'total'],
    ['II_fob', 'total'],
    ['TTL_INT_FNL', 'total'],
    ['TTL_INT_FNL_PURCH', 'total'],
    ['B1G', 'value-added'],
    ['VALU', 'value-added'],
    ['Value added, gross', 'value-added'],
    ['D1', 'money'],
    ['Compensation of employees', 'money'],
    ['D21X31', 'money'],
    ['Taxes less subsidies on products', 'money'],
    ['D29X39', 'money'],
    ['Other taxes less other subsidies on production', 'money'],
    ['TXSP', 'money'],
    ['TXS_IMP_FNL', 'money'],
    ['B2A3N', 'money'],
    ['K1', 'money'],
    ['P7', 'money'],
    ['Imports of goods and services', 'money'],
    ['IMPO_INT', 'money'],
    ['EMP', 'employment'],
    ['H_EMPE', 'employment'],
    ['Hours worked (millions)', 'employment'],
    ['Employment (1000 persons)', 'employment'],
    ['Total employment domestic concept', 'employment-total'],
    ['CO2', 'emission'],
    ['Carbon dioxide emissions (kt)', 'emission'],
    ['Statistical discrepancy', 'discrepancy'],
    ['Employment services', undefined],
    ['Agriculture', undefined],
    ['C10-C12', undefined],
    ['CPA_A01', undefined],
  ];
  for (const [label, kind] of rows) test(`row ${JSON.stringify(label)}: ${String(kind)}`, () => assert.equal(classifyRowLabels([label]), kind));

  const cols: readonly (readonly [string, ReturnType<typeof classifyColumnLabels>])[] = [
    ['TOTAL', 'total'],
    ['Total output', 'total'],
    ['GO', 'total'],
    ['OUTPUT', 'total'],
    ['TU', 'total'],
    ['TFU', 'total'],
    ['Total use', 'total'],
    ['Total final uses', 'total'],
    ...['P3_S13', 'P3_S14', 'P3_S15', 'P3 S14', 'P51G', 'P52', 'P53', 'P5M', 'P6', 'P61', 'P62', 'HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'CONS_h', 'CONS_np', 'CONS_g', 'INVEN', 'EXP', 'EXPO', 'IMPO'].map((c) => [c, 'final'] as const),
    ['Final consumption expenditure by households', 'final'],
    ['Final consumption government', 'final'],
    ['Gross fixed capital formation', 'final'],
    ['Changes in inventories', 'final'],
    ['Exports of goods and services', 'final'],
    ['Statistical discrepancy', 'discrepancy'],
    ['Agriculture', undefined],
    ['Government services', undefined],
  ];
  for (const [label, kind] of cols) test(`column ${JSON.stringify(label)}: ${String(kind)}`, () => assert.equal(classifyColumnLabels([label]), kind));
});
