import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSource } from '../../../src/model/import/source-files.js';
import { fixture } from '../../helpers/paths.js';
import { issuesOf } from '../issues-of.js';

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return issuesOf(() => {
      throw err;
    });
  }
  assert.fail('expected an InputError');
}

describe('a download as a zip or a folder', () => {
  test('a zip: its files by path, read whole or streamed, decoded strictly', async () => {
    const zip = fixture('archives', 'download.zip');
    const s = await openSource(zip);
    try {
      assert.equal(s.kind, 'zip');
      assert.deepEqual(s.entries.map((e) => e.name), ['IOT_2022_pxp/Z.txt', 'IOT_2022_pxp/latin1.txt', 'IOT_2022_pxp/unit.txt']);
      assert.deepEqual(s.find(/unit\.txt$/).map((e) => e.name), ['IOT_2022_pxp/unit.txt']);
      assert.equal(await s.readText('IOT_2022_pxp/unit.txt'), 'M.EUR\n');
      const z = await s.readText('IOT_2022_pxp/Z.txt');
      assert.equal(z.split('\n').length, 203);
      assert.equal(s.entry('IOT_2022_pxp/Z.txt').size, Buffer.byteLength(z));
      assert.equal(await s.readText('IOT_2022_pxp/latin1.txt', 'latin1'), 'café\n');
      const bad = await rejection(s.readText('IOT_2022_pxp/latin1.txt'));
      assert.equal(bad[0].code, 'invalid-encoding');
      assert.equal(bad[0].location.file, `${zip}/IOT_2022_pxp/latin1.txt`);
      const missing = issuesOf(() => s.entry('IOT_2022_pxp/Y.txt'));
      assert.equal(missing[0].code, 'file-not-found');
      assert.match(missing[0].message, /no file IOT_2022_pxp\/Y\.txt in the archive \(it holds .*Z\.txt/);
    } finally {
      await s.close();
    }
  });

  test('the same files unpacked in a folder read the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-source-'));
    try {
      mkdirSync(join(dir, 'IOT_2022_pxp'));
      writeFileSync(join(dir, 'IOT_2022_pxp', 'unit.txt'), 'M.EUR\n');
      const s = await openSource(dir);
      assert.equal(s.kind, 'folder');
      assert.deepEqual(s.entries, [{ name: 'IOT_2022_pxp/unit.txt', size: 6 }]);
      assert.equal(await s.readText('IOT_2022_pxp/unit.txt'), 'M.EUR\n');
      assert.equal(s.where('IOT_2022_pxp/unit.txt'), join(dir, 'IOT_2022_pxp', 'unit.txt'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a truncated zip, a file that is no zip and a missing path are located errors', async () => {
    const truncated = await rejection(openSource(fixture('archives', 'truncated.zip')));
    assert.equal(truncated[0].code, 'invalid-archive');
    assert.equal(truncated[0].location.file, fixture('archives', 'truncated.zip'));
    const text = await rejection(openSource(fixture('archives', '..', 'SOURCES.md')));
    assert.equal(text[0].code, 'invalid-archive');
    const missing = await rejection(openSource(fixture('archives', 'nothing.zip')));
    assert.equal(missing[0].code, 'file-not-found');
  });
});
