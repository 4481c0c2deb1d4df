import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addModelVersion } from '../../src/service/add-model-version.js';
import { decomposeStoredModels } from '../../src/service/decompose-stored-models.js';
import { extractStoredModel } from '../../src/service/extract-stored-model.js';
import { regionaliseStoredModel } from '../../src/service/regionalise-stored-model.js';
import { storedModelSeries } from '../../src/service/stored-model-series.js';
import { structuralPathsOfStoredModel } from '../../src/service/structural-paths-of-stored-model.js';
import { uncertaintyOfStoredModel } from '../../src/service/uncertainty-of-stored-model.js';
import { uploadModel } from '../../src/service/upload-model.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { refusal } from './refusal.js';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const MILLER_BLAIR = readFileSync(join(repoRoot, 'examples', 'miller-blair', 'economy.yaml'), 'utf8');

// Miller–Blair: A = [[0.15, 0.25], [0.2, 0.05]], det(I − A) = 0.7575, labour 0.3 and 0.25 per unit.
const DET = 0.85 * 0.95 - 0.25 * 0.2;
const close = (actual: unknown, expected: number, what: string): void => {
  assert.equal(typeof actual, 'number', what);
  assert.ok(Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${String(actual)} vs ${expected}`);
};

/** Miller–Blair as `mb`: version 1 as published, version 2 with sector 2's final demand 2,000 (was 1,700). */
async function millerBlairStore(): Promise<SqliteStore> {
  const store = openSqliteStore({ dir: ':memory:' });
  await uploadModel(store, { id: 'mb', format: 'yaml', text: MILLER_BLAIR });
  await addModelVersion(store, 'mb', { format: 'yaml', text: MILLER_BLAIR.replace('amount: 1700', 'amount: 2000') });
  return store;
}

describe('analysis use cases over stored models', () => {
  test('extractStoredModel: extracting sector 1 leaves sector 2 making 1700 / 0.95; unknown sector refused as the extraction; no model not found', async () => {
    const store = await millerBlairStore();
    const r = (await extractStoredModel(store, 'mb', 1, { sectors: ['sector_1'] })) as { extraction: { losses: { name: string; before: number; after: number }[] }; version: number; failures: unknown[] };
    assert.equal(r.version, 1);
    assert.deepEqual(r.failures, []);
    const output = r.extraction.losses.find((l) => l.name === 'output');
    close(output?.before, 3000, 'output before');
    close(output?.after, 1700 / 0.95, 'output after');
    close(r.extraction.losses.find((l) => l.name === 'labour')?.after, (0.25 * 1700) / 0.95, 'labour after');
    const bad = await refusal(extractStoredModel(store, 'mb', undefined, { sectors: ['nope'] }));
    assert.equal(bad.kind, 'refused');
    assert.equal(bad.input?.what, 'the extraction');
    assert.equal((await refusal(extractStoredModel(store, 'none', undefined, {}))).kind, 'not-found');
    await store.close();
  });

  test('structuralPathsOfStoredModel: sector 1’s output multiplier 1.15 / det, its paths 1, 0.2, 0.15', async () => {
    const store = await millerBlairStore();
    const r = (await structuralPathsOfStoredModel(store, 'mb', undefined, { product: 'sector_1', top: 3 })) as { total: number; paths: { items: string[]; value: number }[]; version: number };
    assert.equal(r.version, 2);
    close(r.total, 1.15 / DET, 'total');
    assert.deepEqual(r.paths.map((p) => p.items), [['sector_1'], ['sector_1', 'sector_2'], ['sector_1', 'sector_1']]);
    r.paths.forEach((p, k) => close(p.value, [1, 0.2, 0.15][k], `path ${k}`));
    const bad = await refusal(structuralPathsOfStoredModel(store, 'mb', undefined, { resource: 'nope' }));
    assert.equal(bad.input?.what, 'the structural paths');
    await store.close();
  });

  test('uncertaintyOfStoredModel: the deterministic multipliers with their intervals around them; a run beyond the bounds is refused at draws', async () => {
    const store = await millerBlairStore();
    const r = (await uncertaintyOfStoredModel(store, 'mb', 1, { rsd: 0.1, draws: 50, seed: 1 }, { draws: 2000, kept: 2_000_000 })) as { draws: number; multipliers: { row: string; of: string; value: number; p025: number; p975: number }[] };
    assert.equal(r.draws, 50);
    const output1 = r.multipliers.find((m) => m.row === 'output' && m.of === 'sector_1');
    close(output1?.value, 1.15 / DET, 'output multiplier of sector 1');
    const labour2 = r.multipliers.find((m) => m.row === 'labour' && m.of === 'sector_2');
    close(labour2?.value, (0.3 * 0.25 + 0.25 * 0.85) / DET, 'labour multiplier of sector 2');
    for (const m of r.multipliers) assert.ok(m.p025 < m.value && m.value < m.p975, `${m.row} of ${m.of}`);
    const tooMany = await refusal(uncertaintyOfStoredModel(store, 'mb', 1, { rsd: 0.1, draws: 11 }, { draws: 10, kept: 2_000_000 }));
    assert.equal(tooMany.input?.what, 'the uncertainty analysis');
    assert.equal(tooMany.input.error.issues[0].code, 'too-large');
    assert.deepEqual(tooMany.input.error.issues[0].location.path, ['draws']);
    // 2 draws × (1 resource + output) × 2 items = 8 numbers.
    assert.equal((await refusal(uncertaintyOfStoredModel(store, 'mb', 1, { rsd: 0.1, draws: 2 }, { draws: 10, kept: 7 }))).input?.error.issues[0].code, 'too-large');
    await store.close();
  });

  test('storedModelSeries and decomposeStoredModels: version 2’s 300 more of sector 2 adds 1.1 × 300 / det of gross output', async () => {
    const store = await millerBlairStore();
    const s = (await storedModelSeries(store, { models: [{ id: 'mb', version: 1, year: '2000' }, { id: 'mb', version: 2, year: '2001' }], decompose: true })) as { measures: { id: string; values: number[] }[]; decompositions: unknown[]; versions: Record<string, number> };
    const go = s.measures.find((m) => m.id === 'gross output');
    close(go?.values[0], 3000, 'gross output 2000');
    close(go?.values[1], 3000 + (1.1 * 300) / DET, 'gross output 2001');
    assert.equal(s.decompositions.length, 1);
    assert.deepEqual(s.versions, { mb: 2 });
    assert.equal((await refusal(storedModelSeries(store, { models: [{ id: 'mb', version: 3 }] }))).kind, 'not-found');

    const d = (await decomposeStoredModels(store, { first: { id: 'mb', version: 1 }, second: { id: 'mb' } })) as { first: { version: number }; second: { version: number }; measures: { id: string; change: number; sum: number; parts: Record<string, number> }[] };
    assert.equal(d.first.version, 1);
    assert.equal(d.second.version, 2);
    const change = d.measures.find((m) => m.id === 'gross output');
    close(change?.change, (1.1 * 300) / DET, 'change of gross output');
    close(change?.sum, (1.1 * 300) / DET, 'sum of the parts');
    assert.equal(change?.parts.technology, 0);
    const labour = d.measures.find((m) => m.id === 'labour');
    close(labour?.change, ((0.3 * 0.25 + 0.25 * 0.85) * 300) / DET, 'change of labour');
    const bad = await refusal(decomposeStoredModels(store, { first: { id: 'mb' }, second: { id: 'mb' }, resources: ['nope'] }));
    assert.equal(bad.input?.what, 'the decomposition');
    await store.close();
  });

  test('regionaliseStoredModel: SLQ 0.4 and 1.6, stored as a new model; delta without FLQ, data both or neither way and a sector in one record only are invalid requests, nothing stored', async () => {
    const store = await millerBlairStore();
    const r = (await regionaliseStoredModel(store, 'mb', 1, { method: 'slq', regional: { sector_1: 10, sector_2: 40 }, national: { sector_1: 100, sector_2: 100 }, store: { id: 'region' } })) as { sectors: { slq: number; regionalInputs: number }[]; stored: { id: string; version: number } };
    r.sectors.forEach((s, k) => close(s.slq, [0.4, 1.6][k], `slq ${k}`));
    r.sectors.forEach((s, k) => close(s.regionalInputs, [0.15 * 0.4 + 0.2, 0.25 * 0.4 + 0.05][k], `regional inputs ${k}`));
    assert.deepEqual([r.stored.id, r.stored.version], ['region', 1]);
    const invalid = async (o: Parameters<typeof regionaliseStoredModel>[3]) => {
      const e = await refusal(regionaliseStoredModel(store, 'mb', 1, o));
      assert.equal(e.kind, 'invalid-request');
      return e.issues.map((i) => [i.path, i.value]);
    };
    assert.deepEqual(await invalid({ method: 'slq', delta: 0.3, regional: { sector_1: 1 }, store: { id: 'never' } }), [[['delta'], 0.3]]);
    assert.deepEqual(await invalid({ method: 'slq' }), [[['csv'], undefined]]);
    assert.deepEqual(await invalid({ method: 'slq', csv: 'sector,regional\nsector_1,1\n', national: { sector_1: 1 } }), [[['national'], undefined]]);
    assert.deepEqual(await invalid({ method: 'slq', regional: { sector_1: 1, sector_2: 1 }, national: { sector_1: 1 } }), [[['national', 'sector_2'], 'sector_2']]);
    assert.equal((await refusal(regionaliseStoredModel(store, 'mb', 1, { method: 'slq', regional: { sector_1: 1, sector_2: 1 }, store: { id: 'region' } }))).kind, 'conflict');
    assert.deepEqual((await store.models.list()).map((m) => m.id).sort(), ['mb', 'region']);
    await store.close();
  });
});
