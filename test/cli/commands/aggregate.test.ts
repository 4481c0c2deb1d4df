import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, repoRoot } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-aggregate-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('plenty aggregate', () => {
  test(
    'an imported model over a region and a sector map: the aggregate loads, and says what it became',
    withDir((dir) => {
      const model = join(dir, 'mrio.yaml');
      assert.equal(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', model).status, 0);
      const out = join(dir, 'agg.yaml');
      const r = plenty('aggregate', model, '--regions', fixture('aggregate', 'regions-ab.csv'), '--sectors', fixture('aggregate', 'sectors-3.csv'), '-o', out);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Aggregated .*mrio\.yaml into .*agg\.yaml: “testmrio”\./);
      assert.match(r.stdout, /Aggregated from "testmrio": 6 region\(s\) → 2, 8 sector\(s\) → 3; 48 products → 6\./);
      assert.match(r.stdout, /products\s+48\s+6/);
      assert.match(readFileSync(out, 'utf8'), /id: a\/sector1/);
      assert.equal(plenty('check', out).status, 0);
      const json = plenty('aggregate', model, '--sectors', fixture('aggregate', 'sectors-split.csv'), '-o', join(dir, 'agg.json'), '--json', '--name', 'two sectors');
      assert.equal(json.status, 0, json.stderr);
      const doc = JSON.parse(json.stdout) as { name: string; before: { products: number }; after: { products: number; regions: number } };
      assert.deepEqual([doc.name, doc.before.products, doc.after.products, doc.after.regions], ['two sectors', 48, 12, 6]);
      const analyze = plenty('analyze', join(dir, 'agg.json'), '--footprints', '--json');
      assert.equal(analyze.status, 0, analyze.stderr);
      // From and to the binary format: the same aggregate (it wrote JSON text into a .parquet file).
      assert.equal(plenty('convert', model, '-o', join(dir, 'mrio.parquet')).status, 0);
      const binary = plenty('aggregate', join(dir, 'mrio.parquet'), '--sectors', fixture('aggregate', 'sectors-split.csv'), '-o', join(dir, 'agg.parquet'), '--name', 'two sectors');
      assert.equal(binary.status, 0, binary.stderr);
      assert.equal(readFileSync(join(dir, 'agg.parquet')).subarray(0, 4).toString('latin1'), 'PAR1');
      assert.equal(plenty('convert', join(dir, 'agg.parquet'), '-o', join(dir, 'back.json')).status, 0);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'agg.json'), 'utf8')));
    }),
  );

  test(
    'a map that misses, repeats or names an unknown code, or has a bad weight: every place printed, nothing written',
    withDir((dir) => {
      const model = join(dir, 'mrio.yaml');
      assert.equal(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', model).status, 0);
      const out = join(dir, 'agg.yaml');
      const map = join(dir, 'regions.csv');
      writeFileSync(map, 'from,to,weight\nreg1,a\nreg2,a\nreg3,a\nreg4,b\nreg5,b\nreg7,b\n');
      const r = plenty('aggregate', model, '--regions', map, '-o', out);
      assertUserError(r, /regions\.csv row 7, column 1: the model has no region "reg7" \(did you mean "reg1"\?\) \(value: "reg7"\)/);
      assert.match(r.stderr, /regions\.csv: the model's region "reg6" is not in the map: add a row reg6,TO-CODE \(value: "reg6"\)/);
      writeFileSync(map, 'reg1,a\nreg1,b\nreg2,a,1.5\n');
      const bad = plenty('aggregate', model, '--regions', map, '-o', out);
      assertUserError(bad, /regions\.csv row 2, column 1: reg1 is mapped again \(first on row 1\)/);
      assert.match(bad.stderr, /regions\.csv row 3, column 3: a weight is the share .* \(value: "1\.5"\)/);
      assertUserError(plenty('aggregate', model, '-o', out), /name a region map \(--regions\), a sector map \(--sectors\) or both/);
      assertUserError(plenty('aggregate', model, '--regions', fixture('aggregate', 'regions-ab.csv'), '-o', out, '--name', ' '), /at \["--name"\]: --name must be non-empty text \(value: " "\)/);
      assertUserError(plenty('aggregate', model, '--regions', fixture('aggregate', 'regions-ab.csv'), '-o', model), /-o .* is the input/);
      assert.equal(existsSync(out), false);
    }),
  );

  test(
    'a model with periods and investment is refused with the reason',
    withDir((dir) => {
      const model = join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml');
      const map = join(dir, 'r.csv');
      writeFileSync(map, 'ukraine,south\n');
      assertUserError(plenty('aggregate', model, '--sectors', map, '-o', join(dir, 'a.yaml')), /economy\.yaml at periods: the model has 4 periods; aggregation is defined for input–output models \(one period, one technique per product\)/);
    }),
  );
});
