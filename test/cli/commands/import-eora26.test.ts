import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-import-eora26-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('plenty import eora26', () => {
  test(
    'the download becomes a model that check accepts; what was read, guessed and dropped is printed',
    withDir((dir) => {
      const out = join(dir, 'eora.yaml');
      const r = plenty('import', 'eora26', fixture('eora26'), '-o', out, '--year', '2010');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Imported .* into .*eora\.yaml: “Eora26 2010 bp” \(flows in thousand USD\)\./);
      assert.match(r.stdout, /Read:\n {2}Eora26 2010 in basic prices \(bp\)/);
      assert.match(r.stdout, /Guessed \(override with the options\):\n {2}basic prices \(bp\), the only ones for 2010/);
      assert.match(r.stdout, /Dropped:\n {2}region ROW/);
      assert.match(readFileSync(out, 'utf8'), /id: VA\/Subsidies on production D\.39 \(negative part\)/);
      const c = plenty('check', out);
      assert.equal(c.status, 0, c.stderr);
      const json = plenty('import', 'eora26', fixture('eora26'), '-o', join(dir, 'e.json'), '--json', '--unit', 'kUSD', '--prices', 'bp');
      assert.equal(json.status, 0, json.stderr);
      const doc = JSON.parse(json.stdout) as { unit: string; counts: { regions: number; sectors: number; products: number }; notes: { dropped: string[] } };
      assert.equal(doc.unit, 'kUSD');
      assert.deepEqual([doc.counts.regions, doc.counts.sectors, doc.counts.products], [3, 26, 78]);
      assert.match(doc.notes.dropped[0], /^region ROW/);
      const one = plenty('import', 'eora26', fixture('eora26'), '-o', join(dir, 'bra.yaml'), '--region', 'BRA', '--name', 'Brazil 2010', '--json');
      assert.equal(one.status, 0, one.stderr);
      const oneDoc = JSON.parse(one.stdout) as { name: string; counts: { regions: number; products: number }; notes: { read: string[] } };
      assert.deepEqual([oneDoc.name, oneDoc.counts.regions, oneDoc.counts.products], ['Brazil 2010', 1, 26]);
      assert.ok(oneDoc.notes.read.some((l) => l.startsWith('--region BRA: its own table cut out of the 3 regions')));
      assert.equal(plenty('check', join(dir, 'bra.yaml')).status, 0);
    }),
  );

  test(
    'bad --year and --prices, --year for another importer, a --region not in the download: refused at the option, nothing written',
    withDir((dir) => {
      const out = join(dir, 'm.yaml');
      assertUserError(plenty('import', 'eora26', fixture('eora26'), '-o', out, '--prices', 'market'), /at \["--prices"\]: --prices is bp .* or pp/);
      assertUserError(plenty('import', 'eora26', fixture('eora26'), '-o', out, '--year', '10'), /at \["--year"\]: --year is a year of four digits \(value: "10"\)/);
      assertUserError(plenty('import', 'eora26', fixture('eora26'), '-o', out, '--year', '2011'), /no Eora26 tables of this year in the download \(it holds 2010\) \(value: "2011"\)/);
      assertUserError(plenty('import', 'pymrio', fixture('pymrio-test-mrio', 'mrio_data'), '-o', out, '--year', '2010'), /at \["--year"\]: --year is for import eora26, gloria, bea/);
      assertUserError(plenty('import', 'eora26', fixture('eora26'), '-o', out, '--region', 'SUX'), /at \["--region"\]: the table has no region "SUX" \(did you mean "SUD"\?\); it has 3: AUS, BRA, SUD/);
      assertUserError(plenty('import', 'eora', fixture('eora26'), '-o', out), /the kind of import is one of table, pymrio, eora26/);
      assertUserError(plenty('import', 'eora26', fixture('eora26'), '-o', out, '--name', ''), /at \["--name"\]: --name must be non-empty text \(value: ""\)/);
      assert.equal(existsSync(out), false);
    }),
  );
});
