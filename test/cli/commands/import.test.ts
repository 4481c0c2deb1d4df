import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-import-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('plenty import: what it writes loads', () => {
  test(
    'a table without a mapping: flows and primary inputs in "money" (or --unit), and check accepts the model',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      const r = plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out);
      assert.equal(r.status, 0, r.stderr);
      assert.match(readFileSync(out, 'utf8'), /unit: money/);
      assert.doesNotMatch(readFileSync(out, 'utf8'), /unit: ""/);
      const c = plenty('check', out);
      assert.equal(c.status, 0, c.stderr);
      const withUnit = plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', join(dir, 'u.json'), '--unit', 'rouble', '--json');
      assert.equal(withUnit.status, 0, withUnit.stderr);
      assert.equal((JSON.parse(withUnit.stdout) as { unit: string }).unit, 'rouble');
      assert.equal(plenty('check', join(dir, 'u.json')).status, 0);
    }),
  );

  test(
    '-o MODEL.parquet writes the binary format: the same model as -o MODEL.yaml',
    withDir((dir) => {
      const source = fixture('pymrio-test-mrio', 'mrio_data');
      for (const ext of ['yaml', 'parquet']) assert.equal(plenty('import', 'pymrio', source, '-o', join(dir, `m.${ext}`)).status, 0);
      assert.equal(readFileSync(join(dir, 'm.parquet')).subarray(0, 4).toString('latin1'), 'PAR1');
      const yaml = plenty('convert', join(dir, 'm.yaml'), '-o', join(dir, 'a.json'));
      const parquet = plenty('convert', join(dir, 'm.parquet'), '-o', join(dir, 'b.json'));
      assert.deepEqual([yaml.status, parquet.status], [0, 0], yaml.stderr + parquet.stderr);
      assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), readFileSync(join(dir, 'a.json'), 'utf8'));
    }),
  );

  test(
    '--region a@b, an empty --unit, --region for pymrio: refused at the option, nothing written',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--region', 'a@b'), /at \["--region"\]: --region becomes an id in the model, and an id is non-empty text without "@" \(value: "a@b"\)/);
      assertUserError(plenty('import', 'table', fixture('cockshott-5yearplan', 'flows.csv'), '-o', out, '--unit', ' '), /--unit must be non-empty/);
      assertUserError(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', out, '--region', 'x'), /--region is for a table/);
      assert.deepEqual(readdirSync(dir), []);
    }),
  );

  test(
    'a negative cell of a pymrio Z is refused naming file, row, column and value; nothing written',
    withDir((dir) => {
      const source = fixture('pymrio-test-mrio', 'mrio_data');
      const folder = join(dir, 'mrio');
      mkdirSync(folder);
      const Z = readFileSync(join(source, 'trade_flows_Z.txt'), 'utf8').split('\n');
      const cells = Z[3].split('\t');
      cells[4] = '-57.495387';
      Z[3] = cells.join('\t');
      writeFileSync(join(folder, 'trade_flows_Z.txt'), Z.join('\n'));
      writeFileSync(join(folder, 'finald_demand_Y.txt'), readFileSync(join(source, 'finald_demand_Y.txt')));
      assertUserError(plenty('import', 'pymrio', folder, '-o', join(dir, 'm.yaml')), /trade_flows_Z\.txt row 4, column 5: intermediate flow is negative.*\(value: -57\.495387\)/);
      assert.deepEqual(readdirSync(dir), ['mrio']);
    }),
  );
});
