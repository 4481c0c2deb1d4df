import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertUserError, plenty } from './run-plenty.js';

/** Every character below U+0100 as one byte. */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-read-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const model = 'name: café\nproducts: [{ id: pâte, unit: t }]\ntechniques: [{ id: make, produces: { pâte: 1 }, uses: { labour: 1 } }]\nresources: [{ id: labour, unit: h, available: 10 }]\ntargets: [{ product: pâte, amount: 2 }]\nplan: { activity: { make: 2 } }\n';

describe('--encoding: files that are not UTF-8', () => {
  test(
    'check: Latin-1 is a located error naming the byte offset and the option (exit 1); read with --encoding latin1',
    withDir((dir) => {
      const file = join(dir, 'm.yaml');
      writeFileSync(file, latin1(model));
      assertUserError(plenty('check', file), /m\.yaml:1:10: not valid utf-8 text at byte offset 9; .*--encoding latin1.*\(value: "0xE9"\)/);
      const r = plenty('check', file, '--encoding', 'latin1', '--json');
      assert.equal(r.status, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { name: string }).name, 'café');
      assertUserError(plenty('check', file, '--encoding', 'klingon'), /--encoding.*unknown encoding.*\(value: "klingon"\)/);
    }),
  );

  test(
    'balance --plan, analyze --demand and plan read every file in the encoding named',
    withDir((dir) => {
      const file = join(dir, 'm.yaml');
      writeFileSync(file, latin1(model));
      writeFileSync(join(dir, 'p.yaml'), latin1('name: été\nactivity: { make: 1 }\n'));
      writeFileSync(join(dir, 'd.csv'), latin1('pâte,3\n'));
      const b = plenty('balance', file, '--plan', join(dir, 'p.yaml'), '--encoding', 'latin1', '--json');
      assert.equal(b.status, 0, b.stderr);
      assert.match(b.stdout, /été/);
      const a = plenty('analyze', file, '--demand', join(dir, 'd.csv'), '--encoding', 'latin1', '--json');
      assert.equal(a.status, 0, a.stderr);
      assert.match(a.stdout, /pâte/);
      const p = plenty('plan', file, '--encoding', 'latin1', '--json');
      assert.equal(p.status, 0, p.stderr);
      writeFileSync(join(dir, 'utf8.yaml'), model);
      assertUserError(plenty('analyze', join(dir, 'utf8.yaml'), '--demand', join(dir, 'd.csv')), /d\.csv:1:2: not valid utf-8 text at byte offset 1/);
    }),
  );
});

describe('deep nesting', () => {
  test(
    'check on JSON and YAML models nested 5,000 and 100,000 deep: exit 1, located, the limit stated',
    withDir((dir) => {
      for (const depth of [5000, 100000]) {
        writeFileSync(join(dir, 'deep.json'), `{"name": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
        assertUserError(plenty('check', join(dir, 'deep.json')), /deep\.json:1:73: nested more than 64 levels deep/);
        writeFileSync(join(dir, 'deep.yaml'), `name: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
        assertUserError(plenty('check', join(dir, 'deep.yaml')), /deep\.yaml:1:259: nested more than 64 levels deep/);
      }
    }),
  );
});
