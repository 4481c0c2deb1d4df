import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { generateModel } from './small-models.js';
import { Rng, caseSeed } from './rng.js';
import { shrinkGreedy, treeVariants, byteVariants } from './shrink.js';
import { fromPlain, Obj, Raw, toJsonText, toPlain, toYamlText } from './tree.js';

describe('fuzz trees, writers and shrinking', () => {
  test('a generated model written as JSON and as YAML reads back as the same data', () => {
    for (let seed = 0; seed < 20; seed++) {
      const m = generateModel(new Rng(seed));
      const plain = toPlain(m);
      assert.deepEqual(JSON.parse(toJsonText(m)), plain);
      assert.deepEqual(JSON.parse(toJsonText(m, true)), plain);
      assert.deepEqual(parseYaml(toYamlText(m)), plain);
      assert.deepEqual(parseYaml(toYamlText(m, { flowUpTo: 4 })), plain);
    }
  });

  test('tokens are written as they are, and a repeated key is written twice', () => {
    const t = new Obj([
      ['a', new Raw('1e999')],
      ['a', -1],
      ['b', [new Raw('-0'), 'x y']],
    ]);
    assert.equal(toJsonText(t), '{"a":1e999,"a":-1,"b":[-0,"x y"]}');
    assert.equal(toYamlText(t), 'a: 1e999\na: -1\nb:\n  - -0\n  - x y\n');
    assert.equal(toYamlText(t, { flowUpTo: 2 }), 'a: 1e999\na: -1\nb: [-0, x y]\n');
    assert.deepEqual(toPlain(fromPlain({ x: [1, -0, Infinity] })), { x: [1, -0, Infinity] });
  });

  test('case seeds differ by target and index and do not change', () => {
    assert.notEqual(caseSeed(1, 'models', 0), caseSeed(1, 'models', 1));
    assert.notEqual(caseSeed(1, 'models', 0), caseSeed(1, 'tables', 0));
    assert.equal(caseSeed(7, 'http', 3), caseSeed(7, 'http', 3));
  });

  test('shrinking keeps what still fails and drops the rest', async () => {
    const start = fromPlain({ keep: { deep: 'needle', other: [1, 2, 3] }, drop: 'x'.repeat(100), more: [4, 5] });
    const fails = async (n: typeof start): Promise<boolean> => toJsonText(n).includes('needle');
    const { result } = await shrinkGreedy(start, treeVariants, fails, 500);
    assert.equal(toJsonText(result), '{"keep":{"deep":"needle"}}');
    const bytes = Buffer.from('a\nb\nneedle\nc\nd\n');
    const small = await shrinkGreedy(bytes, byteVariants, async (b) => b.includes('needle'), 500);
    assert.equal(small.result.toString(), 'needle\n');
  });
});
