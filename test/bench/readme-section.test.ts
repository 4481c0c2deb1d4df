import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceSections } from '../../bench/readme-section.js';

test('replaceSections replaces the marked tables, keeps the prose and appends missing sections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-readme-'));
  try {
    const path = join(dir, 'README.md');
    writeFileSync(path, '# Bench\n\nProse before.\n\n<!-- bench:sparse -->\nold table\n<!-- /bench:sparse -->\n\nProse after.\n');
    replaceSections(path, new Map([['sparse', '| new |'], ['dense', '| dense |']]));
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes('Prose before.') && text.includes('Prose after.'));
    assert.ok(!text.includes('old table'));
    assert.ok(text.includes('<!-- bench:sparse -->\n| new |\n<!-- /bench:sparse -->'));
    assert.ok(text.trimEnd().endsWith('<!-- bench:dense -->\n| dense |\n<!-- /bench:dense -->'));
    // Running again changes nothing more than the tables.
    replaceSections(path, new Map([['sparse', '| new |'], ['dense', '| dense |']]));
    assert.equal(readFileSync(path, 'utf8'), text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
