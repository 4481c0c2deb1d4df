import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/output.js';
import { InputError, inputError } from '../../src/model/errors.js';
import { errorShapeProblem, hasLoneSurrogate, httpFindings, invalidUtf8Offset, jobFindings, nonFinitePlaces, outputFindings, thrownFindings } from './oracle.js';

const answer = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8') => ({ statusCode, headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the fuzz oracle', () => {
  test('an exception other than InputError and UsageError is an internal error; a located InputError is not a finding', () => {
    assert.deepEqual(thrownFindings(new TypeError('x is undefined'), 'check').map((f) => f.kind), ['internal-error']);
    assert.deepEqual(thrownFindings(new RangeError('Maximum call stack size exceeded'), 'check').map((f) => f.kind), ['internal-error']);
    assert.deepEqual(thrownFindings(inputError('negative', 'must not be negative', { file: 'm.yaml', line: 3 }, -1), 'check'), []);
    assert.deepEqual(thrownFindings(inputError('invalid-option', '--top must be whole', { path: ['--top'] }), 'check'), []);
    assert.deepEqual(thrownFindings(new UsageError('choose one'), 'check'), []);
  });

  test('an issue with neither file, path nor row is an unlocated user error', () => {
    assert.deepEqual(thrownFindings(inputError('x', 'bad', {}), 'plan').map((f) => f.kind), ['unlocated-error']);
    assert.deepEqual(thrownFindings(inputError('x', 'bad', { path: [] }), 'plan').map((f) => f.kind), ['unlocated-error']);
    assert.deepEqual(thrownFindings(new InputError([]), 'plan').map((f) => f.kind), ['unlocated-error']);
  });

  test('non-finite numbers are found in nested values, typed arrays, Maps and as strings, finite ones are not', () => {
    assert.deepEqual(nonFinitePlaces({ a: [1, 2, { b: NaN }] }), ['.a[2].b = NaN']);
    assert.deepEqual(nonFinitePlaces({ x: new Float64Array([0, -Infinity]) }), ['.x[1] = -Infinity']);
    assert.deepEqual(nonFinitePlaces(new Map([['k', 'Infinity']])), ['.k = "Infinity"']);
    // An unlimited availability is written "Infinity" in the plan document; NaN there is still a finding.
    assert.deepEqual(nonFinitePlaces({ resources: { '1': { labour: { use: 5, available: 'Infinity' }, land: { use: 1, available: 'NaN' } } } }), ['.resources.1.land.available = "NaN"']);
    assert.deepEqual(nonFinitePlaces({ a: 1e308, b: -0, c: 'NaNa', d: null }), []);
    // A name that spells NaN is a name.
    assert.deepEqual(nonFinitePlaces([{ id: 'NaN', name: 'Infinity', items: ['NaN'], actual: 'NaN' }]), ['[0].actual = "NaN"']);
  });

  test('a command output is checked in its JSON and in its tables', () => {
    const table = { name: 't', title: 't', columns: [{ key: 'v', label: 'v' }], rows: [['a', Infinity]] };
    assert.deepEqual(outputFindings({ tables: [table], json: {} }, 'balance').map((f) => f.kind), ['non-finite']);
    assert.deepEqual(outputFindings({ tables: [], json: { lambda: [1, 2] } }, 'plan'), []);
  });

  test('HTTP: a 5xx, a 4xx out of shape, a 422 without located issues, a 2xx with "NaN" are findings', () => {
    assert.deepEqual(httpFindings(answer(500, { error: { code: 'internal', message: 'x', issues: [] } }), 'GET /a').map((f) => f.kind), ['server-error']);
    assert.deepEqual(httpFindings(answer(400, { error: 'Bad Request', code: 'FST_ERR_BAD_URL', message: 'x' }), 'GET /a').map((f) => f.kind), ['error-shape']);
    assert.deepEqual(httpFindings(answer(404, 'not found', 'text/plain'), 'GET /a').map((f) => f.kind), ['error-shape']);
    assert.deepEqual(httpFindings(answer(422, { error: { code: 'invalid-input', message: 'x', issues: [{ path: [], message: 'bad' }] } }), 'POST /a').map((f) => f.kind), ['unlocated-api-error']);
    assert.deepEqual(httpFindings(answer(422, { error: { code: 'invalid-input', message: 'x', issues: [] } }), 'POST /a').map((f) => f.kind), ['unlocated-api-error']);
    assert.deepEqual(httpFindings(answer(200, { lambda: { 1: 'NaN' } }), 'GET /a').map((f) => f.kind), ['non-finite']);
    assert.deepEqual(httpFindings(answer(422, { error: { code: 'invalid-input', message: 'x', issues: [{ path: ['body', 'a'], message: 'bad', value: 1 }] } }), 'POST /a'), []);
    assert.deepEqual(httpFindings(answer(404, { error: { code: 'not-found', message: 'no such', issues: [] } }), 'GET /a'), []);
    assert.equal(errorShapeProblem({ error: { code: 'x', message: 'y', issues: [{ path: ['a', 1.5], message: 'z' }] } }), 'issues[0].path is not a list of keys and indices');
  });

  test('a job that failed with a JavaScript error message is a finding; one that failed on its input is not', () => {
    assert.equal(jobFindings({ status: 'failed', error: "Cannot read properties of undefined (reading 'x')" }, 'POST /s').length, 1);
    assert.equal(jobFindings({ status: 'failed', error: 'actual activity must be a finite number ≥ 0' }, 'POST /s').length, 0);
    assert.equal(jobFindings({ status: 'done' }, 'POST /s').length, 0);
  });

  test('invalid UTF-8 is found at its first byte; valid UTF-8 and UTF-16 with a byte-order mark are not', () => {
    assert.equal(invalidUtf8Offset(Buffer.from('café', 'utf8')), -1);
    assert.equal(invalidUtf8Offset(Buffer.from('café', 'latin1')), 3);
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1);
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0xaf])), 1);
    assert.equal(invalidUtf8Offset(Buffer.from([0xf0, 0x9f, 0x92, 0xa5])), -1);
    assert.equal(invalidUtf8Offset(Buffer.from([0xf0, 0x9f, 0x92])), 0);
    assert.equal(invalidUtf8Offset(Buffer.from([0xff, 0xfe, 0x61, 0x00])), -1);
    assert.ok(hasLoneSurrogate('a\ud800'));
    assert.ok(hasLoneSurrogate('\udc00a'));
    assert.ok(!hasLoneSurrogate('💥'));
  });
});
