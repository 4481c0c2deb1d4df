import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/cli/progress.js';

/** A stand-in for stderr that records what is written. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress on stderr', () => {
  test('stays quiet for quick steps', () => {
    const { stream, written } = fakeStream(false);
    const p = createProgress('solving', { stream, delayMs: 60_000 });
    p.update(0.5, 'half');
    p.done();
    assert.deepEqual(written, []);
  });
  test('writes a bar with the fraction, then a closing line, when not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const p = createProgress('solving', { stream, delayMs: 0 });
    p.update(0.5, 'iteration 10');
    p.update(0.6, 'iteration 12'); // within 5 s of the last line: not repeated
    p.done('converged');
    assert.equal(written.length, 2);
    assert.match(written[0], /^solving \[#{12}\.{12}\] 50% iteration 10 \d+\.\ds\n$/);
    assert.match(written[1], /^solving: converged in \d+\.\ds\n$/);
  });
  test('redraws one line on a terminal and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgress('importing', { stream, delayMs: 0 });
    p.update(null, 'reading');
    p.done();
    assert.ok(written[0].startsWith('\r\x1b[Kimporting … reading '), JSON.stringify(written[0]));
    assert.match(written[0], / \d+\.\ds$/);
    assert.equal(written[1], '\r\x1b[K');
  });
  test('is off when PLENTY_PROGRESS is "0"', () => {
    const { stream, written } = fakeStream(false);
    const before = process.env.PLENTY_PROGRESS;
    process.env.PLENTY_PROGRESS = '0';
    try {
      const p = createProgress('solving', { stream, delayMs: 0 });
      p.update(0.5, 'half');
      p.done();
    } finally {
      if (before === undefined) delete process.env.PLENTY_PROGRESS;
      else process.env.PLENTY_PROGRESS = before;
    }
    assert.deepEqual(written, []);
  });
});
