import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/model/errors.js';
import { readGloria } from '../../../../src/model/import/gloria/import-gloria.js';
import { fixture } from '../../../helpers/paths.js';
import { assertAccountsMatchPymrio } from '../pymrio-accounts.js';
import { gloriaMock, writeGloria } from './gloria-inputs.js';

describe('import gloria: the mock of pymrio’s tests', () => {
  test('every account equals pymrio’s parse_gloria (construct B) to 1e-9', async () => {
    const t = await readGloria(gloriaMock);
    assert.deepEqual(t.regions, ['AUS', 'AUT', 'AZE']);
    // The mock's numbers span 17 orders of magnitude (4e-10 to 6e6) and D_imp's entries are
    // differences of large terms: one entry (652.2) differs by 1.2e-6 (1.9e-9 relative, 2.5e-10 of
    // D_imp's largest entry). Each entry agrees to 1e-9 relative or to 1e-9 of its account's largest.
    assertAccountsMatchPymrio(t, fixture('pymrio-accounts', 'gloria.json'), {
      floor: 1e-9,
      stressorLabel: (s, ext) => (ext === 'VA' ? [s.id.slice(0, s.id.indexOf('/')), s.id.slice(s.id.indexOf('/') + 1)] : [s.id, s.compartment ?? '']),
    });
  });
  test('GLORIA’s supply is diagonal: the four models give the same table', async () => {
    const b = await readGloria(gloriaMock);
    for (const model of ['A', 'C', 'D'] as const) {
      const t = await readGloria(gloriaMock, { model });
      t.Z.forEach((v, k) => assert.ok(Math.abs(v - b.Z[k]) <= 1e-9 * Math.max(1, Math.abs(b.Z[k])), `model ${model}, Z[${k}]`));
    }
  });
  test('the ReadMe’s sheets are found by their names (exceljs names them Sheet1… when the workbook’s relations are absolute paths)', async () => {
    const t = await readGloria(gloriaMock);
    assert.deepEqual(t.sectors, ['Forestry and logging', 'Fishing', 'Crustaceans and molluscs']);
    assert.ok(t.notes?.read[0].includes('3 regions'));
  });
  test('GLORIA’s full database (a T of 39,360² as text: gigabytes) is refused at its file before any of it is read, not an internal error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      const root = await writeGloria(dir);
      // A sparse file of 12 GB (no disk used): the size of the real T's text.
      const T = join(root, 'GLORIA_MRIOs_59_2022', '0_120secMother_AllCountries_002_T-Results_2022_059_Markup001(full).csv');
      await truncate(T, 12e9);
      await assert.rejects(readGloria(root), (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'too-large');
        assert.equal(err.issues[0].location.file, T);
        assert.match(err.message, /12\.00 GB: more than a file read whole as text can be/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('an empty region is left out and said so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      // Zero every row and column of region 3 (AZE: rows and columns 12–17).
      const root = await writeGloria(dir, (text) =>
        text
          .trimEnd()
          .split('\n')
          .map((line, i) => line.split(',').map((c, j) => (i >= 12 || j >= 12 ? '0.0' : c)).join(','))
          .join('\n'),
      );
      const t = await readGloria(root);
      assert.deepEqual(t.regions, ['AUS', 'AUT']);
      assert.ok(t.notes?.dropped.some((l) => l.includes('"AZE"')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('a missing T file is named with what the folder holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-'));
    try {
      const root = await writeGloria(dir, undefined, ['GLORIA_MRIOs_59_2022/0_120secMother_AllCountries_002_T-Results_2022_059_Markup001(full).csv']);
      await assert.rejects(readGloria(root), (err: unknown) => err instanceof InputError && /T-Results/.test(err.message));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
