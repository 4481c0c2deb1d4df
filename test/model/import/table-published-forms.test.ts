import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../src/model/errors.js';
import { parseSymmetricTable, type IoTable } from '../../../src/model/import/index.js';

// Every table below is the same economy of three products, worked by hand:
//   Z = [[10, 20, 5], [15, 5, 30], [5, 10, 10]]  (rows: sold by AGR, MAN, SER; columns: bought by)
//   households 40 30 60, exports 25 50 15; x = 100 130 100; value added = x − column sums = 70 95 55.
const Z = [10, 20, 5, 15, 5, 30, 5, 10, 10];

function assertEconomy(t: IoTable, scale = 1): void {
  assert.deepEqual([...t.Z], Z.map((v) => v * scale));
  assert.deepEqual([...(t.x ?? [])], [100, 130, 100].map((v) => v * scale));
}

function finalUse(t: IoTable, category: string): number[] {
  const c = t.categories.indexOf(category);
  assert.ok(c >= 0, `no category ${category} in ${t.categories.join(', ')}`);
  const k = t.categories.length;
  return t.sectors.map((_, i) => t.Y[i * k + c]);
}

function refused(text: string, file: string, code: string, row: number, column: number, value: string | number, message: RegExp): void {
  assert.throws(
    () => parseSymmetricTable(text, file),
    (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      const issue = e.issues[0];
      assert.equal(issue.code, code, issue.message);
      assert.equal(issue.location.file, file);
      assert.equal(issue.location.row, row);
      assert.equal(issue.location.tableColumn, column);
      assert.equal(issue.value, value);
      assert.match(issue.message, message);
      return true;
    },
  );
}

describe('numbers as offices print them', () => {
  test('negatives in parentheses and with U+2212, thousands grouped by blanks and no-break spaces', () => {
    // Z and x × 1000; inventory change −2 000 and (1 500) in P52, other taxes less subsidies (1 000), 2 000, −1 000.
    const t = parseSymmetricTable(
      [
        'Code,Label,AGR,MAN,SER,HH,P52,EXP,TOTAL',
        'AGR,Agriculture,10 000,20 000,5 000,40 000,\u22122 000,27 000,100 000',
        'MAN,Manufacturing,15\u00a0000,5\u00a0000,30\u00a0000,30\u00a0000,(1 500),51 500,130 000',
        'SER,Services,5 000,10 000,10 000,60 000,0,15 000,100 000',
        'D29X39,Other taxes less subsidies,(1 000),2 000,\u22121 000,,,,',
        'B2A3G,Operating surplus,71 000,93 000,56 000,,,,',
        'P1,Output,100 000,130 000,100 000,,,,',
      ].join('\n'),
      'neg.csv',
    );
    assertEconomy(t, 1000);
    assert.deepEqual(finalUse(t, 'P52'), [-2000, -1500, 0]);
    assert.deepEqual(finalUse(t, 'EXP'), [27000, 51500, 15000]);
    // The row is split into its positive entries and the magnitudes of its negative ones.
    const row = (id: string): number[] => {
      const k = t.extensions[0].stressors.findIndex((s) => s.id === id);
      return [...t.extensions[0].F.slice(k * 3, k * 3 + 3)];
    };
    assert.deepEqual(row('D29X39'), [0, 2000, 0]);
    assert.deepEqual(row('D29X39 (negative part)'), [1000, 0, 1000]);
    const guessed = t.notes?.guessed.join('\n') ?? '';
    assert.match(guessed, /negatives written in parentheses, \(12\.3\) read as -12\.3: 2 \(row 3 column 7 "\(1 500\)", row 5 column 3 "\(1 000\)"\)/);
    assert.match(guessed, /minus sign .*: 2 \(row 2 column 7 "−2 000", row 5 column 5 "−1 000"\)/);
  });

  test('footnote marks after numbers are dropped, and said so', () => {
    const t = parseSymmetricTable(
      ['Code,Label,AGR,MAN,SER,HH,EXP,TOTAL', 'AGR,Agriculture,10*,20,5,40,25,100', 'MAN,Manufacturing,15,5 p,30,30,50,130', 'SER,Services,5,10,10,60 1),15,100', 'VA,Value added,70,95,55,,,', 'P1,Output,100,130,100,,,'].join('\n'),
      'marks.csv',
    );
    assertEconomy(t);
    assert.deepEqual(finalUse(t, 'HH'), [40, 30, 60]);
    assert.match(t.notes?.guessed.join('\n') ?? '', /footnote mark .*: 3 \(row 2 column 3 "10\*", row 3 column 4 "5 p", row 4 column 6 "60 1\)"\)/);
  });

  const markers = ['Code,Label,AGR,MAN,SER,HH,EXP,TOTAL', 'AGR,Agriculture,10,20,-,40,30,100', 'MAN,Manufacturing,15,–,30,35,50,130', 'SER,Services,..,10,10,65,15,100', 'VA,Value added,75,100,60,,,', 'P1,Output,100,130,100,,,'].join('\n');

  test('a dash is a nil, read as 0; a not-available mark is refused at its cell, or read as 0 with empty_is_zero', () => {
    refused(markers, 'm.csv', 'not-available', 4, 3, '..', /not available or confidential .*empty_is_zero: true/);
    const t = parseSymmetricTable(markers, 'm.csv', { emptyIsZero: true });
    // Z = [[10, 20, 0], [15, 0, 30], [0, 10, 10]]; x = 100 130 100.
    assert.deepEqual([...t.Z], [10, 20, 0, 15, 0, 30, 0, 10, 10]);
    assert.deepEqual(finalUse(t, 'HH'), [40, 35, 65]);
    const guessed = t.notes?.guessed.join('\n') ?? '';
    assert.match(guessed, /dash .*read as 0: 2 \(row 2 column 5 "-", row 3 column 4 "–"\)/);
    assert.match(guessed, /not available or confidential .*: 1 \(row 4 column 3 "\.\."\)/);
  });

  test('a confidential mark in final use is refused, not read as an empty 0', () => {
    const text = ['Code,Label,AGR,MAN,SER,HH,EXP,TOTAL', 'AGR,Agriculture,10,20,5,c,25,100', 'MAN,Manufacturing,15,5,30,30,50,130', 'SER,Services,5,10,10,60,15,100', 'VA,Value added,70,95,55,,,', 'P1,Output,100,130,100,,,'].join('\n');
    refused(text, 'c.csv', 'not-available', 2, 6, 'c', /not available or confidential/);
  });

  test('a percentage is refused with the reason', () => {
    const text = ['Code,Label,AGR,MAN,SER,HH,EXP,TOTAL', 'AGR,Agriculture,10%,20,5,40,25,100', 'MAN,Manufacturing,15,5,30,30,50,130', 'SER,Services,5,10,10,60,15,100', 'VA,Value added,70,95,55,,,', 'P1,Output,100,130,100,,,'].join('\n');
    refused(text, 'p.csv', 'not-a-number', 2, 3, '10%', /a percentage/);
  });
});

describe('labels in the languages of the offices', () => {
  test('German: Vorleistungen insgesamt, Bruttowertschöpfung, Produktionswert, Konsumausgaben, Exporte, Insgesamt (decimal comma)', () => {
    const t = parseSymmetricTable(
      [
        'Tabelle 1: Input-Output-Tabelle 2019, in Mio. EUR',
        'Gütergruppe;Bezeichnung;A;C;S;Konsumausgaben der privaten Haushalte;Exporte;Insgesamt',
        'A;Landwirtschaft;10,5;20;5;39,5;25;100',
        'C;Herstellung von Waren;15;5;30;30;50;130',
        'S;Dienstleistungen;5;10;10;60;15;100',
        ';Vorleistungen insgesamt;30,5;35;45;;;',
        ';Bruttowertschöpfung;69,5;95;55;;;',
        ';Produktionswert;100;130;100;;;',
      ].join('\n'),
      'de.csv',
      { decimal: ',' },
    );
    assert.deepEqual([...t.Z], [10.5, 20, 5, 15, 5, 30, 5, 10, 10]);
    assert.deepEqual([...(t.x ?? [])], [100, 130, 100]);
    assert.deepEqual(finalUse(t, 'Konsumausgaben der privaten Haushalte'), [39.5, 30, 60]);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['Bruttowertschöpfung']);
    assert.deepEqual([...t.extensions[0].F], [69.5, 95, 55]);
  });

  for (const [language, head, rows] of [
    ['French', 'Code;Libellé;A;C;S;Consommation finale des ménages;Exportations;Total', [';Total consommations intermédiaires;30;35;45;;;', ';Valeur ajoutée brute;70;95;55;;;', ';Production;100;130;100;;;']],
    ['Spanish', 'Código;Descripción;A;C;S;Gasto en consumo final de los hogares;Exportaciones;Total', [';Total consumos intermedios;30;35;45;;;', ';Valor añadido bruto;70;95;55;;;', ';Producción;100;130;100;;;']],
  ] as const) {
    test(`${language}: totals, value added, output and final use recognised`, () => {
      const t = parseSymmetricTable([head, 'A;a;10;20;5;40;25;100', 'C;c;15;5;30;30;50;130', 'S;s;5;10;10;60;15;100', ...rows].join('\n'), 't.csv');
      assertEconomy(t);
      assert.deepEqual([...t.extensions[0].F], [70, 95, 55]);
      assert.equal(t.categories.length, 2);
      assert.doesNotMatch(t.notes?.guessed.join('\n') ?? '', /not recognised/);
    });
  }
});

describe('a transposed table (products in the columns, uses in the rows)', () => {
  test('is refused at the first row labelled as final use, not read with final use as primary inputs', () => {
    const text = ['Code,AGR,MAN,SER', 'AGR,10,15,5', 'MAN,20,5,10', 'SER,5,30,10', 'HH,40,30,60', 'EXP,25,50,15', 'TOTAL,100,130,100'].join('\n');
    refused(text, 'tr.csv', 'transposed-table', 5, 1, 'HH', /looks transposed; .*transpose the table/);
  });

  test('a column labelled as a primary input is refused too', () => {
    const text = ['Code,AGR,MAN,SER,D1', 'AGR,10,20,5,40', 'MAN,15,5,30,30', 'SER,5,10,10,60', 'P1,100,130,100,'].join('\n');
    refused(text, 'd1.csv', 'transposed-table', 1, 5, 'D1', /column 5 is labelled as a primary input/);
  });
});

describe('titles and notes around the table', () => {
  test('a title block and notes with separators in their text, not quoted, are left out as titles', () => {
    const t = parseSymmetricTable(
      [
        'Table 2.1 Symmetric input-output table, product by product, 2019',
        'Million euro',
        'Source: National Statistical Institute',
        ',,,,,,',
        'Code,Products,CPA_A,CPA_C,CPA_S,P3_S14,P6,TOTAL',
        'CPA_A,Agriculture,10,20,5,40,25,100',
        'CPA_C,Manufacturing,15,5,30,30,50,130',
        'CPA_S,Services,5,10,10,60,15,100',
        'B1G,Value added,70,95,55,,,',
        'P1,Output,100,130,100,,,',
        '',
        '1) Including fishing, forestry and hunting',
        'p = provisional',
      ].join('\n'),
      'titled.csv',
    );
    assertEconomy(t);
    assert.deepEqual(finalUse(t, 'P6'), [25, 50, 15]);
    const dropped = t.notes?.dropped.join('\n') ?? '';
    assert.match(dropped, /row 1 "Table 2\.1 Symmetric input-output table, product by product, 2019" \(a title or note\)/);
    assert.match(dropped, /row 12 "1\) Including fishing, forestry and hunting" \(a title or note\)/);
  });

  test('a short row inside the table is still refused at its row', () => {
    const text = ['Code,Label,AGR,MAN,SER,HH,EXP,TOTAL', 'AGR,Agriculture,10,20,5,40,25,100', 'MAN,Manufacturing,15,5,30,30,50', 'SER,Services,5,10,10,60,15,100', 'P1,Output,100,130,100,,,'].join('\n');
    refused(text, 'short.csv', 'ragged-row', 3, 8, 7, /row has 7 cells where the table's rows have 8/);
  });

  test('a short row of numbers after the table is a row of it with cells missing, refused, not dropped as a note', () => {
    // Value added and output written without their final-use cells: dropping them as notes would
    // lose the primary inputs and the output silently.
    const text = ['code;name;AGR;MAN;SER;HH;EXP', 'AGR;Agriculture;10;20;5;40;25', 'MAN;Manufacturing;15;5;30;30;50', 'SER;Services;5;10;10;60;15', 'VA;Value added;70;95;55', 'OUT;Output;100;130;100'].join('\n');
    refused(text, 'trailing.csv', 'ragged-row', 5, 6, 5, /row has 5 cells where the table's rows have 7/);
  });
});

describe('footnote marks after labels', () => {
  test('Output at basic prices 2) is the output row, not a primary input', () => {
    const t = parseSymmetricTable(
      [',Agriculture,Manufacturing,Services,Households 2),Exports³,Total 1)', 'Agriculture,10,20,5,40,25,100', 'Manufacturing,15,5,30,30,50,130', 'Services,5,10,10,60,15,100', 'Value added 1),70,95,55,,,', 'Output at basic prices 2),100,130,100,,,'].join('\n'),
      'noted.csv',
    );
    assertEconomy(t);
    assert.deepEqual(t.extensions[0].stressors.map((s) => s.id), ['Value added 1)']);
    assert.deepEqual([...t.extensions[0].F], [70, 95, 55]);
    assert.match(t.notes?.read.join('\n') ?? '', /x from the output row "Output at basic prices 2\)"/);
  });
});
