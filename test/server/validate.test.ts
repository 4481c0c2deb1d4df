import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { ApiError } from '../../src/server/api-error.js';
import { buildServer } from '../../src/server/index.js';
import { validate } from '../../src/server/validate.js';
import { openSqliteStore } from '../../src/store/index.js';

/** A list nested `depth` deep, as JSON text. */
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('validate: the issues of a refused request', () => {
  test('echo a value nested too deep to write, or too large, not at all (the answer must still be written)', () => {
    const schema = z.strictObject({ technique: z.string(), name: z.string() });
    const deep = JSON.parse(`{"technique":${nested(20_000)},"name":${JSON.stringify(['x'.repeat(5000)])}}`) as unknown;
    let err: unknown;
    try {
      validate(schema, deep, 'body');
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof ApiError);
    assert.deepEqual(
      err.issues.map((i) => i.path),
      [
        ['body', 'technique'],
        ['body', 'name'],
      ],
    );
    for (const i of err.issues) assert.equal('value' in i, false, JSON.stringify(i.path));
    assert.ok(JSON.stringify(err.issues).length < 2000);
  });

  test('echo scalars and small values as they are, and long text cut short', () => {
    const schema = z.strictObject({ a: z.number(), b: z.string(), c: z.number() });
    try {
      validate(schema, { a: 'x', b: [1, 2], c: 'y'.repeat(1000) }, 'body');
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof ApiError);
      assert.deepEqual(
        e.issues.map((i) => i.value),
        ['x', [1, 2], `${'y'.repeat(200)}…`],
      );
    }
  });

  test('a body nested 5,000 deep is a 400 in the documented error shape (found by the HTTP fuzzer)', async () => {
    const store = openSqliteStore({ dir: ':memory:' });
    await store.tokens.add('t', 'planner', null);
    const app = await buildServer({ store });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/reports',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        payload: `{"reportId":"r1","enterprise":"e","period":"p1","technique":${nested(5000)}}`,
      });
      assert.equal(res.statusCode, 400);
      const body = JSON.parse(res.body) as { error: { code: string; issues: { path: unknown[] }[] } };
      assert.equal(body.error.code, 'too-deep');
      assert.deepEqual(body.error.issues[0].path.slice(0, 2), ['body', 'technique']);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
