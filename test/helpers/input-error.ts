import assert from 'node:assert/strict';
import { InputError, type Issue } from '../../src/model/errors.js';

/** The InputError that `f` throws (fails if it throws anything else, or nothing). */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InputError, but nothing was thrown');
}

/** The issues of the InputError that `f` throws. */
export function issuesOf(f: () => unknown): readonly Issue[] {
  return inputErrorOf(f).issues;
}
