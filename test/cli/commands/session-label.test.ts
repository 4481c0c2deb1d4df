import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionLabel } from '../../../src/cli/commands/serve.js';

test('a session token is labelled per node on PostgreSQL, once per data folder on SQLite', () => {
  assert.equal(sessionLabel('sqlite', '127.0.0.1', 8080, 'm1', 10), 'session');
  assert.equal(sessionLabel('sqlite', '127.0.0.1', 0, 'm1', 10), 'session');
  const a = sessionLabel('postgres', '127.0.0.1', 8080, 'm1', 10);
  assert.equal(a, 'session@m1/127.0.0.1:8080');
  assert.equal(sessionLabel('postgres', '127.0.0.1', 8080, 'm1', 11), a, 'the same node started again replaces its own');
  const others = [sessionLabel('postgres', '127.0.0.1', 8081, 'm1', 10), sessionLabel('postgres', '127.0.0.1', 8080, 'm2', 10), sessionLabel('postgres', '0.0.0.0', 8080, 'm1', 10)];
  for (const o of others) assert.notEqual(o, a);
  assert.notEqual(sessionLabel('postgres', '127.0.0.1', 0, 'm1', 10), sessionLabel('postgres', '127.0.0.1', 0, 'm1', 11), 'two --port 0 nodes on one machine');
});
