import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText, encodingName, replacementCharacterAt } from '../../src/model/decode-text.js';
import { loadDemand } from '../../src/model/load-demand.js';
import { loadEconomy } from '../../src/model/load-economy.js';
import { loadPlan } from '../../src/model/load-plan.js';
import { inputErrorOf } from '../helpers/input-error.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Every character below U+0100 as one byte. */
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const join2 = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** The one issue decodeText throws for `bytes`. */
function decodeIssue(bytes: Uint8Array, encoding?: string) {
  const err = inputErrorOf(() => decodeText(bytes, 'f.yaml', encoding));
  assert.equal(err.issues.length, 1);
  return err.issues[0];
}

describe('decodeText: strict, located, never U+FFFD', () => {
  test('Latin-1 bytes read as UTF-8: file, line, column, byte offset, the byte and the option to use', () => {
    const issue = decodeIssue(latin1('products:\n  - { id: bread, name: café }\n'));
    assert.equal(issue.code, 'invalid-encoding');
    assert.deepEqual(issue.location, { file: 'f.yaml', line: 2, column: 27 });
    assert.equal(issue.value, '0xE9');
    assert.match(issue.message, /byte offset 36;/);
    assert.match(issue.message, /--encoding latin1/);
  });

  test('the offset is where the bad sequence starts, after multi-byte characters', () => {
    // "é" is two bytes in UTF-8: the column counts characters, the offset bytes.
    const issue = decodeIssue(join2(utf8('né\nab'), Uint8Array.of(0xe2, 0x28, 0xa1)));
    assert.deepEqual(issue.location, { file: 'f.yaml', line: 2, column: 3 });
    assert.match(issue.message, /byte offset 6;/);
    assert.equal(issue.value, '0xE2');
  });

  test('a sequence cut off by the end of the file', () => {
    const issue = decodeIssue(join2(utf8('name: x'), Uint8Array.of(0xe2, 0x82)));
    assert.deepEqual(issue.location, { file: 'f.yaml', line: 1, column: 8 });
    assert.match(issue.message, /byte offset 7;/);
    assert.equal(issue.value, '0xE2 0x82');
  });

  test('a byte-order mark is dropped; valid UTF-8 (U+FFFD itself included) is read as it is', () => {
    assert.equal(decodeText(join2(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('name: café')), 'f.yaml'), 'name: café');
    assert.equal(decodeText(utf8('a \uFFFD b'), 'f.yaml'), 'a \uFFFD b');
  });

  test('a named encoding: latin1, UTF-16LE with its mark, Shift_JIS', () => {
    assert.equal(decodeText(latin1('name: café'), 'f.yaml', 'latin1'), 'name: café');
    assert.equal(decodeText(Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00), 'f.yaml', 'utf-16le'), 'aé');
    assert.equal(decodeText(Uint8Array.of(0x82, 0xa0), 'f.yaml', 'shift_jis'), 'あ');
    const issue = decodeIssue(join2(utf8('name: '), Uint8Array.of(0x82, 0xa0, 0xff)), 'shift_jis');
    assert.deepEqual(issue.location, { file: 'f.yaml', line: 1, column: 8 });
    assert.match(issue.message, /not valid shift_jis text at byte offset 8;/);
  });

  test('encoding names: canonical, or an InputError at the option', () => {
    assert.equal(encodingName('LATIN1'), 'windows-1252');
    assert.equal(encodingName('utf8'), 'utf-8');
    const err = inputErrorOf(() => encodingName('klingon'));
    assert.equal(err.issues[0].code, 'invalid-option');
    assert.deepEqual(err.issues[0].location, { path: ['--encoding'] });
    assert.equal(err.issues[0].value, 'klingon');
  });

  test('replacementCharacterAt', () => {
    assert.equal(replacementCharacterAt('café'), undefined);
    assert.deepEqual(replacementCharacterAt('a\nca\uFFFD'), { line: 2, column: 3, offset: 4 });
  });
});

describe('model, plan and demand files in another encoding', () => {
  test('Latin-1 is refused by default and read with { encoding: "latin1" }', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenty-encoding-'));
    try {
      const model = join(dir, 'm.yaml');
      await writeFile(model, latin1('name: café\nproducts: [{ id: pâte, unit: t }]\ntechniques: [{ id: t, produces: { pâte: 1 } }]\n'));
      await assert.rejects(loadEconomy(model), (err: unknown) => {
        assert.equal(inputErrorOf(() => { throw err; }).issues[0].code, 'invalid-encoding');
        return true;
      });
      const e = await loadEconomy(model, { encoding: 'latin1' });
      assert.equal(e.name, 'café');
      assert.equal(e.products[0].id, 'pâte');
      const plan = join(dir, 'p.yaml');
      await writeFile(plan, latin1('activity: { t: 2 }\nname: été\n'));
      await assert.rejects(loadPlan(plan, e));
      assert.equal((await loadPlan(plan, e, { encoding: 'latin1' })).name, 'été');
      const demand = join(dir, 'd.csv');
      await writeFile(demand, latin1('pâte,3\n'));
      await assert.rejects(loadDemand(demand));
      assert.deepEqual((await loadDemand(demand, { encoding: 'latin1' })).amounts, { pâte: 3 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
