import assert from 'node:assert/strict';
import { ServiceError } from '../../src/service/service-error.js';

/** The ServiceError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ServiceError, `a ServiceError, got ${String(err)}`);
    return err;
  }
  assert.fail('resolved');
}
