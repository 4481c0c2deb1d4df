import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/model/errors.js';
import { readPymrioFolder } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';
import { maxRelativeDifference, readReferenceMatrix } from './read-reference.js';

const folder = fixture('pymrio-test-mrio', 'mrio_data');
const reference = fixture('pymrio-test-mrio', 'reference');

function flat(rows: number[][]): number[] {
  return rows.flat();
}

/** Runs `fn` on a scratch copy of the test system, then removes it. */
async function withCopy(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'plenty-pymrio-'));
  try {
    await cp(folder, dir, { recursive: true });
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function edit(file: string, change: (lines: string[]) => void): Promise<void> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  change(lines);
  await writeFile(file, lines.join('\n'));
}

/** Asserts that `p` rejects with one InputError issue whose location and value match. */
async function rejectsWith(p: Promise<unknown>, want: { code: string; file: string; row?: number; tableColumn?: number; value?: unknown }): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    const issue = err.issues[0];
    assert.equal(issue.code, want.code, err.message);
    assert.equal(issue.location.file, want.file);
    if (want.row !== undefined) assert.equal(issue.location.row, want.row, err.message);
    if (want.tableColumn !== undefined) assert.equal(issue.location.tableColumn, want.tableColumn, err.message);
    if ('value' in want) assert.deepEqual(issue.value, want.value, err.message);
    assert.ok(!err.message.includes('    at '), 'no stack trace in the message');
    return true;
  });
}

describe('readPymrioFolder on the pymrio test system', async () => {
  const t = await readPymrioFolder(folder);

  test('names, unit, regions, sectors and categories in file order', () => {
    assert.equal(t.name, 'testmrio');
    assert.equal(t.unit, 'Mill USD');
    assert.deepEqual(t.regions, ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6']);
    assert.deepEqual(t.sectors, ['food', 'mining', 'manufactoring', 'electricity', 'construction', 'trade', 'transport', 'other']);
    assert.equal(t.categories.length, 7);
    assert.equal(t.categories[0], 'Final consumption expenditure by households');
    assert.equal(t.categories[6], 'Export');
    assert.equal(t.x, undefined, 'the test system states no x');
  });

  test('Z and Y hold exactly the numbers of the text', () => {
    const z = readReferenceMatrix(join(folder, 'trade_flows_Z.txt'), 3, '\t');
    const y = readReferenceMatrix(join(folder, 'finald_demand_Y.txt'), 3, '\t');
    assert.equal(t.Z.length, 48 * 48);
    assert.equal(t.Y.length, 48 * 42);
    assert.deepEqual(Array.from(t.Z), flat(z.values));
    assert.deepEqual(Array.from(t.Y), flat(y.values));
    assert.equal(t.Z[0], 23697.221);
    assert.equal(t.Z[1], 57.495387);
    assert.equal(t.Y[0], 58180.65);
  });

  test('extensions: emissions with F_Y, factor inputs, stressors with units and compartments', () => {
    assert.deepEqual(t.extensions.map((e) => e.name), ['emissions', 'factor_inputs']);
    const [em, fi] = t.extensions;
    assert.deepEqual(em.stressors, [
      { id: 'emission_type1', unit: 'kg', compartment: 'air' },
      { id: 'emission_type2', unit: 'kg', compartment: 'water' },
    ]);
    assert.deepEqual(fi.stressors, [{ id: 'Value Added', unit: 'Mill USD' }]);
    assert.deepEqual(Array.from(em.F), flat(readReferenceMatrix(join(folder, 'emissions.txt'), 3, '\t').values));
    assert.deepEqual(Array.from(em.FY ?? []), flat(readReferenceMatrix(join(folder, 'FDemissions.txt'), 3, '\t').values));
    assert.deepEqual(Array.from(fi.F), flat(readReferenceMatrix(join(folder, 'factor_input.txt'), 2, '\t').values));
    assert.equal(fi.FY, undefined);
    assert.equal(em.F[0], 1848064.8);
    assert.equal(em.FY?.[0], 62335321);
    assert.equal(fi.F[0], 111490.88);
    // pymrio's own F agrees with ours
    assert.ok(maxRelativeDifference(em.F, flat(readReferenceMatrix(join(reference, 'emissions', 'F.csv'), 2).values)) <= 1e-15);
  });

  test('population per region', () => {
    assert.deepEqual(Array.from(t.population ?? []), [7.8e8, 3.7e9, 8.2e8, 2.9e8, 4.6e8, 8.5e8]);
  });

  test('A = Z / (rowsum Z + rowsum Y) equals pymrio\'s A to 1e-12 relative; x equals pymrio\'s x', () => {
    const n = 48;
    const k = t.Y.length / n;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += t.Z[i * n + j];
      for (let c = 0; c < k; c++) s += t.Y[i * k + c];
      x[i] = s;
    }
    const xRef = flat(readReferenceMatrix(join(reference, 'x.csv'), 2).values);
    assert.ok(maxRelativeDifference(x, xRef) <= 1e-12);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = x[j] === 0 ? 0 : t.Z[i * n + j] / x[j];
    const aRef = readReferenceMatrix(join(reference, 'A.csv'), 2);
    assert.equal(aRef.values.length, n);
    assert.deepEqual(aRef.labels[8], ['reg2', 'food']);
    assert.ok(maxRelativeDifference(A, flat(aRef.values), 1e-300) <= 1e-12);
  });
});

describe('readPymrioFolder rejects bad folders with the place and value', () => {
  test('a missing Y file', async () => {
    await withCopy(async (dir) => {
      await rm(join(dir, 'finald_demand_Y.txt'));
      await rejectsWith(readPymrioFolder(dir), { code: 'missing-file', file: join(dir, 'Y.txt') });
    });
  });

  test('a missing folder', async () => {
    await rejectsWith(readPymrioFolder(join(folder, 'no-such-folder')), { code: 'missing-file', file: join(folder, 'no-such-folder') });
  });

  test('a non-numeric cell in Z', async () => {
    await withCopy(async (dir) => {
      const file = join(dir, 'trade_flows_Z.txt');
      await edit(file, (lines) => {
        const cells = lines[4].split('\t');
        cells[5] = '1,5';
        lines[4] = cells.join('\t');
      });
      const before = await readdir(dir);
      await rejectsWith(readPymrioFolder(dir), { code: 'not-a-number', file, row: 5, tableColumn: 6, value: '1,5' });
      assert.deepEqual(await readdir(dir), before, 'a bad folder leaves nothing behind');
    });
  });

  test('a ragged row in Y', async () => {
    await withCopy(async (dir) => {
      const file = join(dir, 'finald_demand_Y.txt');
      await edit(file, (lines) => {
        lines[9] = lines[9].split('\t').slice(0, -1).join('\t');
      });
      await rejectsWith(readPymrioFolder(dir), { code: 'ragged-row', file, row: 10, tableColumn: 45 });
    });
  });

  test('Z row labels that disagree with its column labels', async () => {
    await withCopy(async (dir) => {
      const file = join(dir, 'trade_flows_Z.txt');
      await edit(file, (lines) => {
        lines[3] = lines[3].replace(/^reg1\tmining/, 'reg1\tminnig');
      });
      await rejectsWith(readPymrioFolder(dir), { code: 'label-mismatch', file, row: 4, tableColumn: 2, value: 'minnig' });
    });
  });

  test('an extension whose columns are not Z\'s', async () => {
    await withCopy(async (dir) => {
      const file = join(dir, 'emissions.txt');
      await edit(file, (lines) => {
        const cells = lines[1].split('\t');
        cells[5] = 'minerals';
        lines[1] = cells.join('\t');
      });
      await rejectsWith(readPymrioFolder(dir), { code: 'label-mismatch', file, row: 2, tableColumn: 6, value: 'minerals' });
    });
  });

  test('Y rows that are not Z\'s rows', async () => {
    await withCopy(async (dir) => {
      const file = join(dir, 'finald_demand_Y.txt');
      await edit(file, (lines) => {
        lines[10] = lines[10].replace(/^reg2/, 'reg9');
      });
      await rejectsWith(readPymrioFolder(dir), { code: 'label-mismatch', file, row: 11, tableColumn: 1, value: 'reg9' });
    });
  });
});
