import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HashedIds } from '../../src/model/hashed-ids.js';
import { idIndex } from '../../src/compile/id-index.js';
import { InputError } from '../../src/model/errors.js';
import { seededRandom } from '../helpers/random.js';

/** n distinct ids shaped like a multi-regional table's (region, then sector), shuffled. */
function shuffledIds(n: number, seed: number): string[] {
  const ids = Array.from({ length: n }, (_, i) => `R${Math.floor(i / 200)}_S${i % 200}`);
  const rand = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids;
}

describe('HashedIds', () => {
  test('finds every id at its position, like a Map, and nothing else', () => {
    const ids = shuffledIds(5000, 7);
    const hashed = new HashedIds(ids);
    assert.equal(hashed.size, ids.length);
    for (let i = 0; i < ids.length; i++) assert.equal(hashed.get(ids[i]), i);
    for (const missing of ['', 'R0', 'R0_S200', 'r0_s0', 'R25_S0 ', 'R999_S0']) {
      assert.equal(hashed.get(missing), undefined, missing);
      assert.equal(hashed.has(missing), false, missing);
    }
    assert.equal(hashed.has(ids[0]), true);
  });

  test('iterates in the order of the ids, as the Map built from them does', () => {
    const ids = shuffledIds(300, 3);
    const hashed = new HashedIds(ids);
    const map = new Map(ids.map((id, i) => [id, i]));
    assert.deepEqual([...hashed], [...map]);
    assert.deepEqual([...hashed.keys()], ids);
    assert.deepEqual([...hashed.values()], ids.map((_, i) => i));
    const seen: [string, number][] = [];
    hashed.forEach((i, id) => seen.push([id, i]));
    assert.deepEqual(seen, [...map]);
  });

  test('reports a repeated id with its first position and keeps the first', () => {
    const ids = ['a', 'b', 'a', 'c', 'b', 'a'];
    const repeats: [number, number][] = [];
    const hashed = new HashedIds(ids, (i, first) => repeats.push([i, first]));
    assert.deepEqual(repeats, [[2, 0], [4, 1], [5, 0]]);
    assert.equal(hashed.size, 3);
    assert.equal(hashed.get('a'), 0);
    assert.equal(hashed.get('b'), 1);
    assert.deepEqual([...hashed.keys()], ['a', 'b', 'c']);
  });

  test('an empty list finds nothing', () => {
    const hashed = new HashedIds([]);
    assert.equal(hashed.size, 0);
    assert.equal(hashed.get('a'), undefined);
    assert.deepEqual([...hashed], []);
  });
});

describe('idIndex', () => {
  test('the hashed index answers as the Map does', () => {
    const ids = shuffledIds(1000, 11);
    const map = idIndex(ids, 'product');
    const hashed = idIndex(ids, 'product', undefined, 1);
    assert.ok(hashed.index instanceof HashedIds);
    assert.ok(map.index instanceof Map);
    for (const id of [...ids, 'nowhere']) assert.equal(hashed.index.get(id), map.index.get(id));
  });

  test('a duplicate is the same located error from either index', () => {
    const ids = ['x', 'y', 'x'];
    const where = (i: number) => ({ path: ['products', i] });
    const issuesFrom = (hashedFrom: number) => {
      try {
        idIndex(ids, 'product', where, hashedFrom);
      } catch (e) {
        assert.ok(e instanceof InputError);
        return e.issues;
      }
      assert.fail('expected an InputError');
    };
    const fromMap = issuesFrom(Infinity);
    assert.deepEqual(issuesFrom(1), fromMap);
    assert.equal(fromMap.length, 1);
    assert.equal(fromMap[0].code, 'duplicate-id');
    assert.equal(fromMap[0].value, 'x');
    assert.deepEqual(fromMap[0].location, { path: ['products', 2] });
    assert.match(fromMap[0].message, /duplicate product id "x" \(first at position 1\)/);
  });
});
