import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { exampleText, startServer, type Harness } from './harness.js';

/** Scenario names found by the HTTP fuzzer (seed 101, cases 738 and 816): stored with a lone surrogate, or as "\n". */
describe('POST /api/scenarios: the name is well-formed, trimmed, non-empty text', () => {
  let h: Harness;
  before(async () => {
    h = await startServer();
    const up = await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('kantorovich', 'machine-tools.yaml'), id: 'machine-tools' } });
    assert.equal(up.status, 201);
  });
  after(async () => h.close());

  for (const [what, raw] of [
    ['a lone surrogate', '{"modelId":"machine-tools","name":"base\\ud800"}'],
    ['a lone low surrogate', '{"modelId":"machine-tools","name":"\\udc00x"}'],
    ['only a line end', '{"modelId":"machine-tools","name":"\\n"}'],
    ['only spaces', '{"modelId":"machine-tools","name":"   "}'],
  ] as const) {
    test(`a name of ${what} is a 400 located at body.name, and nothing is stored`, async () => {
      const before = (await h.call('GET', '/api/scenarios')).body.length as number;
      const a = await h.call('POST', '/api/scenarios', { raw });
      assert.equal(a.status, 400, JSON.stringify(a.body));
      assert.equal(a.body.error.code, 'invalid-request');
      assert.deepEqual(a.body.error.issues[0].path, ['body', 'name']);
      assert.equal((await h.call('GET', '/api/scenarios')).body.length, before);
    });
  }

  test('a name with spaces around it is stored trimmed', async () => {
    const a = await h.call('POST', '/api/scenarios', { body: { modelId: 'machine-tools', name: '  doubled machines ' } });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.name, 'doubled machines');
    assert.equal((await h.call('GET', `/api/scenarios/${a.body.id}`)).body.name, 'doubled machines');
  });

  test('a name with a well-formed emoji is taken as it is', async () => {
    const a = await h.call('POST', '/api/scenarios', { body: { modelId: 'machine-tools', name: 'plan 💥' } });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.name, 'plan 💥');
  });
});
