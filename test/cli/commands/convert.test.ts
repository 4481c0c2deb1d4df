import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertUserError, plenty } from '../run-plenty.js';

const EXAMPLE = 'examples/ussr-1930/economy.yaml';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-convert-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Runs plenty and returns its stdout, failing on a non-zero exit. */
function ok(...args: string[]): string {
  const r = plenty(...args);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('plenty convert', () => {
  test(
    'YAML → Parquet: check, analyze and balance give the same output on the converted example as on the YAML',
    withDir((dir) => {
      const out = join(dir, 'ussr.parquet');
      assert.match(ok('convert', EXAMPLE, '-o', out), /Converted .* \(parquet, \d+ bytes\)/);
      assert.equal(readFileSync(out).subarray(0, 4).toString('latin1'), 'PAR1');
      assert.equal(ok('check', out).replace(out, 'MODEL'), ok('check', EXAMPLE).replace(EXAMPLE, 'MODEL'));
      const analyze = ['--multipliers', '--labour-values', '--labour', 'urban_labour', '--footprints', '--json'];
      assert.equal(ok('analyze', out, ...analyze), ok('analyze', EXAMPLE, ...analyze));
      assert.equal(ok('balance', out, '--all'), ok('balance', EXAMPLE, '--all'));
    }),
  );

  test(
    'YAML → a binary folder (version 2): analyze gives the same output; back to YAML the same file; an existing folder is refused',
    withDir((dir) => {
      const out = join(dir, 'ussr');
      assert.match(ok('convert', EXAMPLE, '-o', `${out}/`), /Converted .* \(parquet-folder, \d+ bytes\)/);
      assert.deepEqual(readdirSync(out).sort(), ['model.parquet', 'products.parquet', 'targets.parquet', 'techniques.parquet']);
      const analyze = ['--multipliers', '--labour-values', '--labour', 'urban_labour', '--footprints', '--json'];
      assert.equal(ok('analyze', out, ...analyze), ok('analyze', EXAMPLE, ...analyze));
      ok('convert', out, '-o', join(dir, 'back.yaml'));
      ok('convert', EXAMPLE, '-o', join(dir, 'direct.yaml'));
      assert.equal(readFileSync(join(dir, 'back.yaml'), 'utf8'), readFileSync(join(dir, 'direct.yaml'), 'utf8'));
      assertUserError(plenty('convert', EXAMPLE, '-o', `${out}/`), /folder/);
    }),
  );

  test(
    'Parquet → YAML and JSON: the same file as converting the YAML directly',
    withDir((dir) => {
      ok('convert', EXAMPLE, '-o', join(dir, 'm.parquet'));
      for (const ext of ['yaml', 'json']) {
        ok('convert', join(dir, 'm.parquet'), '-o', join(dir, `back.${ext}`));
        ok('convert', EXAMPLE, '-o', join(dir, `direct.${ext}`));
        assert.equal(readFileSync(join(dir, `back.${ext}`), 'utf8'), readFileSync(join(dir, `direct.${ext}`), 'utf8'));
      }
    }),
  );

  test(
    'the output rules of the other commands: not the input, its folder must exist; nothing left behind',
    withDir((dir) => {
      ok('convert', EXAMPLE, '-o', join(dir, 'm.parquet'));
      const before = readFileSync(join(dir, 'm.parquet'));
      assertUserError(plenty('convert', join(dir, 'm.parquet'), '-o', join(dir, 'm.parquet')), /-o .* is the input/);
      assert.deepEqual(readFileSync(join(dir, 'm.parquet')), before);
      assertUserError(plenty('convert', EXAMPLE, '-o', join(dir, 'nowhere', 'm.parquet')), /does not exist/);
      assertUserError(plenty('convert', EXAMPLE, '-o', dir), /it is a folder/);
      assert.deepEqual(readdirSync(dir), ['m.parquet']);
    }),
  );

  test(
    'a bad .parquet model is a located user error for every command, without a stack trace',
    withDir((dir) => {
      writeFileSync(join(dir, 'text.parquet'), 'name: not parquet\n');
      for (const command of ['check', 'analyze', 'balance', 'plan']) assertUserError(plenty(command, join(dir, 'text.parquet')), /text\.parquet: not a Parquet file/);
      ok('convert', EXAMPLE, '-o', join(dir, 'm.parquet'));
      writeFileSync(join(dir, 'cut.parquet'), readFileSync(join(dir, 'm.parquet')).subarray(0, 5000));
      assertUserError(plenty('convert', join(dir, 'cut.parquet'), '-o', join(dir, 'x.yaml')), /cut\.parquet: truncated/);
      assert.equal(readdirSync(dir).includes('x.yaml'), false);
    }),
  );

  test(
    'a YAML/JSON model above 20 MB: the commands refuse it and point to convert, which reads it',
    withDir((dir) => {
      const big = join(dir, 'big.json');
      ok('convert', EXAMPLE, '-o', big);
      writeFileSync(big, readFileSync(big, 'utf8') + ' '.repeat(20e6));
      for (const command of ['check', 'analyze']) assertUserError(plenty(command, big), /big\.json: a YAML or JSON model of 20\.0 MB is more than the commands read \(20 MB.*plenty convert .*big\.json -o MODEL\.parquet/);
      const r = plenty('convert', big, '-o', join(dir, 'big.parquet'));
      assert.equal(r.status, 0, r.stderr);
      assert.equal(ok('check', join(dir, 'big.parquet')).replace(join(dir, 'big.parquet'), 'MODEL'), ok('check', EXAMPLE).replace(EXAMPLE, 'MODEL'));
    }),
  );
});
