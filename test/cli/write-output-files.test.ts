import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkOutputPath, writeOutputFiles } from '../../src/cli/write-output-files.js';
import { InputError } from '../../src/model/errors.js';
import { fixture, repoRoot } from '../helpers/paths.js';
import { assertUserError, plenty } from './run-plenty.js';

/** Runs `fn` in a scratch folder holding a copy of Cockshott's table as a.csv, then removes it. */
function inScratch(fn: (dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-output-'));
    try {
      writeFileSync(join(dir, 'a.csv'), readFileSync(fixture('cockshott-5yearplan', 'flows.csv')));
      await fn(dir);
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function refusedWith(p: Promise<unknown>, code: string, file: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.issues[0].code, code, err.message);
    assert.equal(err.issues[0].location.file, file);
    assert.deepEqual(err.issues[0].location.path, ['-o']);
    return true;
  });
}

describe('checkOutputPath and writeOutputFiles', () => {
  const rules = (dir: string) => ({ option: '-o', inputs: [join(dir, 'a.csv'), join(dir, 'in')] });

  test(
    'a missing folder, a folder, a path through a file: refused, nothing written',
    inScratch(async (dir) => {
      mkdirSync(join(dir, 'folder'));
      await refusedWith(writeOutputFiles([{ path: join(dir, 'nope', 'm.yaml'), text: 'x' }], rules(dir)), 'output-folder-missing', join(dir, 'nope', 'm.yaml'));
      await refusedWith(writeOutputFiles([{ path: join(dir, 'folder'), text: 'x' }], rules(dir)), 'output-is-folder', join(dir, 'folder'));
      await refusedWith(writeOutputFiles([{ path: join(dir, 'a.csv', 'm.yaml'), text: 'x' }], rules(dir)), 'output-folder-missing', join(dir, 'a.csv', 'm.yaml'));
      assert.deepEqual(readdirSync(dir).sort(), ['a.csv', 'folder']);
      assert.deepEqual(readdirSync(join(dir, 'folder')), []);
    }),
  );

  test(
    'an input under another name (relative, ./, a symbolic or hard link, a file in an input folder): refused, input untouched',
    inScratch(async (dir) => {
      const input = join(dir, 'a.csv');
      const before = readFileSync(input, 'utf8');
      symlinkSync(input, join(dir, 'soft.csv'));
      linkSync(input, join(dir, 'hard.csv'));
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'Z.txt'), 'z');
      const viaDot = `./${relative(process.cwd(), input)}`;
      for (const path of [input, viaDot, join(dir, '.', 'a.csv'), join(dir, 'soft.csv'), join(dir, 'hard.csv'), join(dir, 'in', 'Z.txt')]) {
        await refusedWith(checkOutputPath(path, rules(dir)), 'output-is-input', path);
        await refusedWith(writeOutputFiles([{ path, text: 'overwritten' }], rules(dir)), 'output-is-input', path);
      }
      assert.equal(readFileSync(input, 'utf8'), before);
      assert.equal(readFileSync(join(dir, 'in', 'Z.txt'), 'utf8'), 'z');
      // A new file in an input folder is not an input.
      await writeOutputFiles([{ path: join(dir, 'in', 'model.yaml'), text: 'ok' }], rules(dir));
      assert.deepEqual(readdirSync(join(dir, 'in')).sort(), ['Z.txt', 'model.yaml']);
    }),
  );

  test(
    'several files are written whole, and replace what was there',
    inScratch(async (dir) => {
      writeFileSync(join(dir, 'p-1.yaml'), 'old');
      await writeOutputFiles(
        [
          { path: join(dir, 'p-1.yaml'), text: 'one' },
          { path: join(dir, 'p-2.yaml'), text: 'two' },
        ],
        rules(dir),
      );
      assert.equal(readFileSync(join(dir, 'p-1.yaml'), 'utf8'), 'one');
      assert.equal(readFileSync(join(dir, 'p-2.yaml'), 'utf8'), 'two');
      assert.deepEqual(readdirSync(dir).sort(), ['a.csv', 'p-1.yaml', 'p-2.yaml']);
    }),
  );

  test(
    'an unwritable place: refused naming the path and the reason, no temporary file left',
    inScratch(async (dir) => {
      // A name longer than the file system takes: unwritable for every user, the superuser too.
      const long = join(dir, `${'m'.repeat(250)}.yaml`);
      await refusedWith(writeOutputFiles([{ path: long, text: 'x' }], rules(dir)), 'write-failed', long);
      assert.deepEqual(readdirSync(dir), ['a.csv']);
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      try {
        // A folder without write permission stops everyone but the superuser.
        if (process.getuid?.() !== 0) {
          await refusedWith(writeOutputFiles([{ path: join(locked, 'm.yaml'), text: 'x' }], rules(dir)), 'write-failed', join(locked, 'm.yaml'));
        }
        assert.deepEqual(readdirSync(locked), []);
      } finally {
        chmodSync(locked, 0o755);
      }
    }),
  );
});

describe('plenty import -o and plan --write-plan', () => {
  test(
    'import into a missing folder, onto a folder, onto its input: exit 1 naming the path, nothing left behind',
    inScratch((dir) => {
      const input = join(dir, 'a.csv');
      const before = readFileSync(input, 'utf8');
      mkdirSync(join(dir, 'folder'));
      assertUserError(plenty('import', 'table', input, '-o', join(dir, 'nope', 'm.yaml')), /nope.m\.yaml.*the folder .*nope does not exist/);
      assertUserError(plenty('import', 'table', input, '-o', join(dir, 'folder')), /folder.*it is a folder/);
      const viaDot = `./${relative(repoRoot, input)}`;
      assertUserError(plenty('import', 'table', input, '-o', viaDot), /-o .*a\.csv is the input/);
      assert.equal(readFileSync(input, 'utf8'), before);
      assert.deepEqual(readdirSync(dir).sort(), ['a.csv', 'folder']);
      assert.deepEqual(readdirSync(join(dir, 'folder')), []);
    }),
  );

  test(
    'plan --write-plan onto the model is refused before solving; the model is untouched',
    inScratch((dir) => {
      const model = join(dir, 'm.yaml');
      const text = readFileSync(join(repoRoot, 'examples', 'miller-blair', 'economy.yaml'), 'utf8');
      writeFileSync(model, text);
      assertUserError(plenty('plan', model, '--write-plan', model), /--write-plan .*m\.yaml is the input/);
      assertUserError(plenty('plan', model, '--write-plan', join(dir, 'nope', 'p.yaml')), /the folder .*nope does not exist/);
      assert.equal(readFileSync(model, 'utf8'), text);
      assert.deepEqual(readdirSync(dir).sort(), ['a.csv', 'm.yaml']);
    }),
  );
});
