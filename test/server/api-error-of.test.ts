import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inputError } from '../../src/model/errors.js';
import { apiErrorOf } from '../../src/server/api-error-of.js';
import { ServiceError } from '../../src/service/service-error.js';

describe('apiErrorOf', () => {
  test('each kind its status; the issues placed under the query of a GET, else the body', () => {
    const issue = { path: ['period'], message: 'unknown period', value: 'p9' };
    const statuses = (['not-found', 'conflict', 'invalid-request', 'refused', 'forbidden'] as const).map((k) => apiErrorOf(new ServiceError(k, 'c', 'm'), 'GET').status);
    assert.deepEqual(statuses, [404, 409, 400, 422, 403]);
    const get = apiErrorOf(new ServiceError('invalid-request', 'invalid-request', 'no period p9 in the plan', [issue]), 'GET');
    assert.deepEqual([get.code, get.message, get.issues], ['invalid-request', 'no period p9 in the plan', [{ ...issue, path: ['query', 'period'] }]]);
    assert.deepEqual(apiErrorOf(new ServiceError('refused', 'unknown-id', 'm', [issue]), 'POST').issues[0].path, ['body', 'period']);
  });

  test('a library InputError: a 422 invalid-input naming what was refused, its issues located as the library put them', () => {
    const err = inputError('unknown-id', 'no item steel', { path: ['outputs', 'steel'] }, 'steel');
    const api = apiErrorOf(new ServiceError('refused', 'invalid-input', err.message, [], { what: 'the report', error: err }), 'POST');
    assert.equal(api.status, 422);
    assert.equal(api.code, 'invalid-input');
    assert.match(api.message, /^the report has a problem:\n/);
    assert.deepEqual(api.issues[0].path, ['outputs', 'steel']);
    assert.equal(api.issues[0].value, 'steel');
  });
});
