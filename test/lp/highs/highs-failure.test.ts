import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highsFailure } from '../../../src/lp/highs/highs-failure.js';

test('an aborted HiGHS instance is fatal and says what it most often means (memory) and what to use instead', () => {
  const f = highsFailure(new Error('Aborted(). Build with -sASSERTIONS for more info.'));
  assert.equal(f.fatal, true);
  assert.match(f.message, /does not fit in its 2 GiB of memory/);
  assert.match(f.message, /PDHG/);
  assert.match(f.message, /Aborted\(\)/, 'the original words are kept for a bug report');
  const trap = new Error('memory access out of bounds');
  trap.name = 'RuntimeError';
  assert.equal(highsFailure(trap).fatal, true);
});

test('an ordinary HiGHS failure keeps its own message and the instance', () => {
  const f = highsFailure(new Error('Unable to read LP model (see http://web.mit.edu/lpsolve/doc/CPLEX-format.htm)'));
  assert.deepEqual(f, { message: 'Unable to read LP model (see http://web.mit.edu/lpsolve/doc/CPLEX-format.htm)', fatal: false });
  assert.deepEqual(highsFailure('text thrown'), { message: 'text thrown', fatal: false });
});
