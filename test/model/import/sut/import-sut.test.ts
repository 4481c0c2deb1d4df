import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../../../../src/model/errors.js';
import { importModel, tableOutput, type IoTable } from '../../../../src/model/import/index.js';
import { readSupplyUseTables } from '../../../../src/model/import/sut/import-sut.js';
import { readDelimited } from '../../../../src/model/import/read-delimited.js';
import { parseEconomy } from '../../../../src/model/parse-economy.js';
import { sutSupply, sutUse, writeSut } from './sut-inputs.js';

const read = (model: 'A' | 'B' | 'C' | 'D', negatives?: 'almon'): Promise<IoTable> => readSupplyUseTables(sutSupply, { use: sutUse, model, ...(negatives === undefined ? {} : { negatives }) });

/** Column sums of Z plus the value-added rows (factor_inputs, with negative parts subtracted). */
function columnTotals(t: IoTable): number[] {
  const n = t.sectors.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j] += t.Z[i * n + j];
  for (const e of t.extensions) {
    e.stressors.forEach((s, k) => {
      const sign = s.id.endsWith('(negative part)') ? -1 : 1;
      for (let j = 0; j < n; j++) out[j] += sign * e.F[k * n + j];
    });
  }
  return out;
}

function close(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

describe('import sut: the illustrative supply and use tables', () => {
  for (const model of ['B', 'C', 'D'] as const) {
    test(`model ${model}: rows and columns add up to output, value added kept in total, imports as negative final use`, async () => {
      const t = await read(model);
      const n = t.sectors.length;
      const K = t.categories.length;
      const x = tableOutput(t);
      assert.deepEqual(Array.from(x), model === 'B' ? [100, 415, 150, 525] : [105, 420, 155, 510]);
      for (let i = 0; i < n; i++) {
        let r = 0;
        for (let j = 0; j < n; j++) r += t.Z[i * n + j];
        for (let c = 0; c < K; c++) r += t.Y[i * K + c];
        assert.ok(close(r, x[i]), `row ${i}: ${r}`);
      }
      columnTotals(t).forEach((c, j) => assert.ok(close(c, x[j]), `column ${j}: ${c}`));
      const va = columnTotals(t).reduce((a, b) => a + b, 0) - Array.from(t.Z).reduce((a, b) => a + b, 0);
      assert.ok(close(va, 59 + 165 + 70 + 275), `value added ${va}`);
      assert.ok(t.categories.includes('Imports'));
      assert.ok(t.notes?.read.some((l) => l.startsWith(`model ${model}`)));
      assert.ok(t.notes?.dropped.some((l) => l.includes('"B1G"')));
    });
  }
  test('model A: the negative flow is refused at its use-table cell, with the ways out', async () => {
    await assert.rejects(read('A'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.issues.length, 1);
      const [issue] = err.issues;
      assert.equal(issue.code, 'negative-flow');
      assert.deepEqual(issue.location, { file: sutUse, row: 4, tableColumn: 5 });
      assert.match(issue.message, /"CPA_A" to "CPA_F".*"Construction".*--negatives almon.*--model B/);
      return true;
    });
  });
  test('model A with Almon’s procedure: no negative flow, row totals kept, the negatives found are in the notes', async () => {
    const t = await read('A', 'almon');
    for (const v of t.Z) assert.ok(v >= 0);
    const b = await read('B');
    const n = t.sectors.length;
    const K = t.categories.length;
    for (let i = 0; i < n; i++) {
      let ra = 0;
      let rb = 0;
      for (let j = 0; j < n; j++) {
        ra += t.Z[i * n + j];
        rb += b.Z[i * n + j];
      }
      assert.ok(close(ra, rb), `row ${i}`);
      for (let c = 0; c < K; c++) assert.equal(t.Y[i * K + c], b.Y[i * K + c]);
    }
    assert.ok(t.notes?.read.some((l) => /negative before resolution: flows "CPA_A" → "CPA_F"/.test(l)));
    assert.ok(t.notes?.read.some((l) => /Almon/.test(l)));
  });
  test('the negative value-added component is split into a row and its negative part', async () => {
    const t = await read('D');
    const ext = t.extensions.find((e) => e.name === 'factor_inputs');
    assert.ok(ext !== undefined);
    const ids = ext.stressors.map((s) => s.id);
    assert.deepEqual(ids, ['D1', 'D29X39', 'D29X39 (negative part)', 'B2A3G']);
    assert.deepEqual(Array.from(ext.F.subarray(8, 12)), [6, 0, 0, 0]);
  });
  test('the written model loads', async () => {
    const m = await importModel('sut', sutSupply, { use: sutUse, model: 'D', format: 'yaml' });
    const e = parseEconomy(m.text, { file: 'model.yaml' });
    assert.equal(e.products.length, 4);
  });
});

describe('import sut: damaged inputs', () => {
  test('a missing use table names the file', async () => {
    await assert.rejects(readSupplyUseTables(sutSupply, { use: 'no-such-use.csv' }), (err: unknown) => err instanceof InputError && err.issues[0].location.file === 'no-such-use.csv');
  });
  test('without --use the import says what it needs', async () => {
    await assert.rejects(readSupplyUseTables(sutSupply), /--use FILE/);
  });
  test('an unbalanced product is located at its use-table row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-sut-'));
    try {
      const { path, options } = await writeSut(dir, { use: (t) => t.replace('4,0,110,0,0,150', '4,0,160,0,0,150') });
      await assert.rejects(readSupplyUseTables(path, options), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'unbalanced');
        assert.equal(err.issues[0].location.row, 6);
        assert.match(err.issues[0].message, /CPA_F/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('model A on a supply table that is not square is refused with its shape', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-sut-'));
    try {
      const { path, options } = await writeSut(
        dir,
        { supply: (t) => t.replace('TOTAL,Total', 'CPA_X,Other,1,,,,0,1\nTOTAL,Total'), use: (t) => t.replace('P2,Total', 'CPA_X,Other,0,0,0,0,0,1,0,0,0,0,1\nP2,Total') },
        { model: 'A' },
      );
      await assert.rejects(readSupplyUseTables(path, { ...options, model: 'A' }), /needs a square supply table.*5 products and 4 industries/);
      const b = await readSupplyUseTables(path, { ...options, model: 'B' });
      assert.equal(b.sectors.length, 5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('import sut: xlsx workbooks', () => {
  test('the same tables as xlsx sheets give the same symmetric table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-sut-'));
    try {
      const toXlsx = async (csv: string, file: string, sheet: string): Promise<string> => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(sheet);
        for (const r of (await readDelimited(csv)).rows) ws.getRow(r.row).values = r.cells.map((c) => (c !== '' && Number.isFinite(Number(c)) ? Number(c) : c));
        const path = join(dir, file);
        await wb.xlsx.writeFile(path);
        return path;
      };
      const supply = await toXlsx(sutSupply, 'supply.xlsx', 'Supply');
      const use = await toXlsx(sutUse, 'use.xlsx', 'Use');
      const fromXlsx = await readSupplyUseTables(supply, { use, model: 'D' });
      const fromCsv = await read('D');
      assert.deepEqual(Array.from(fromXlsx.Z), Array.from(fromCsv.Z));
      assert.deepEqual(fromXlsx.categories, fromCsv.categories);
      assert.match(fromXlsx.notes?.read[0] ?? '', /supply\.xlsx \[Supply\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
