import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPymrioFolder, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

/** Writes a matrix as pandas does (header levels, index-name row, label columns), tab-separated. */
function pandasText(headers: { name: string; labels: string[] }[], index: { names: string[]; labels: string[][] }, values: Float64Array): string {
  const L = index.names.length;
  const lines: string[] = [];
  for (const h of headers) lines.push([h.name, ...new Array<string>(L - 1).fill(''), ...h.labels].join('\t'));
  lines.push([...index.names, ...new Array<string>(headers[0].labels.length).fill('')].join('\t'));
  const k = headers[0].labels.length;
  index.labels.forEach((lab, i) => lines.push([...lab, ...Array.from(values.subarray(i * k, (i + 1) * k), String)].join('\t')));
  return lines.join('\n') + '\n';
}

/** The test system written in the layout of pymrio's save_all (file_parameters.json, sub-folder per extension). */
async function writeSaveAll(t: IoTable, dir: string): Promise<void> {
  const products = t.regions.flatMap((r) => t.sectors.map((s) => [r, s]));
  const regionsOfProducts = products.map((p) => p[0]);
  const fdRegions = t.regions.flatMap((r) => t.categories.map(() => r));
  const fdCats = t.regions.flatMap(() => [...t.categories]);
  const idx = { names: ['region', 'sector'], labels: products };
  const zHead = [{ name: 'region', labels: regionsOfProducts }, { name: 'sector', labels: products.map((p) => p[1]) }];
  const yHead = [{ name: 'region', labels: fdRegions }, { name: 'category', labels: fdCats }];
  const files = (entries: Record<string, [string, number, number]>): string =>
    JSON.stringify({ files: Object.fromEntries(Object.entries(entries).map(([k, [name, c, h]]) => [k, { name, nr_index_col: String(c), nr_header: String(h) }])) });
  await writeFile(join(dir, 'Z.txt'), pandasText(zHead, idx, t.Z));
  await writeFile(join(dir, 'Y.txt'), pandasText(yHead, idx, t.Y));
  await writeFile(join(dir, 'unit.txt'), ['region\tsector\tunit', ...products.map((p) => `${p[0]}\t${p[1]}\t${t.unit}`)].join('\n') + '\n');
  await writeFile(join(dir, 'file_parameters.json'), JSON.stringify({ ...JSON.parse(files({ Z: ['Z.txt', 2, 2], Y: ['Y.txt', 2, 2], unit: ['unit.txt', 2, 1] })), systemtype: 'IOSystem' }));
  for (const ext of t.extensions) {
    const sub = join(dir, ext.name);
    await mkdir(sub);
    const sIdx = { names: ['stressor', 'compartment'], labels: ext.stressors.map((s) => [s.id, s.compartment ?? '']) };
    await writeFile(join(sub, 'F.txt'), pandasText(zHead, sIdx, ext.F));
    const entries: Record<string, [string, number, number]> = { F: ['F.txt', 2, 2], unit: ['unit.txt', 2, 1] };
    if (ext.FY !== undefined) {
      await writeFile(join(sub, 'F_Y.txt'), pandasText(yHead, sIdx, ext.FY));
      entries.F_Y = ['F_Y.txt', 2, 2];
    }
    await writeFile(join(sub, 'unit.txt'), ['stressor\tcompartment\tunit', ...ext.stressors.map((s) => `${s.id}\t${s.compartment ?? ''}\t${s.unit}`)].join('\n') + '\n');
    await writeFile(join(sub, 'file_parameters.json'), JSON.stringify({ ...JSON.parse(files(entries)), systemtype: 'Extension', name: ext.name }));
  }
}

test('a folder in the layout of pymrio save_all reads to the same table as the test system', async () => {
  const original = await readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data'));
  const dir = await mkdtemp(join(tmpdir(), 'plenty-save-all-'));
  try {
    const folder = join(dir, 'testmrio');
    await mkdir(folder);
    await writeSaveAll(original, folder);
    const t = await readPymrioFolder(folder);
    assert.equal(t.name, 'testmrio');
    assert.equal(t.unit, original.unit);
    assert.deepEqual(t.regions, original.regions);
    assert.deepEqual(t.sectors, original.sectors);
    assert.deepEqual(t.categories, original.categories);
    assert.deepEqual(Array.from(t.Z), Array.from(original.Z));
    assert.deepEqual(Array.from(t.Y), Array.from(original.Y));
    assert.deepEqual(t.extensions.map((e) => e.name).sort(), ['emissions', 'factor_inputs']);
    for (const e of t.extensions) {
      const o = original.extensions.find((q) => q.name === e.name);
      assert.ok(o !== undefined);
      assert.deepEqual(e.stressors.map((s) => [s.id, s.unit]), o.stressors.map((s) => [s.id, s.unit]));
      assert.deepEqual(Array.from(e.F), Array.from(o.F));
      assert.deepEqual(e.FY === undefined ? undefined : Array.from(e.FY), o.FY === undefined ? undefined : Array.from(o.FY));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
