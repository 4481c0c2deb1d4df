import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../src/compile/leontief-system.js';
import { InputError } from '../../src/model/errors.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { serializeEconomy } from '../../src/model/serialize-economy.js';
import type { Economy, Technique } from '../../src/model/types.js';
import { fixture } from '../helpers/paths.js';
import { seededRandom } from '../helpers/random.js';
import { assertClose, dense } from './dense.js';

interface MillerBlair {
  readonly Z: number[][];
  readonly x_published: number[];
  readonly A_published: number[][];
  readonly labour_coeff: number[];
}
const mb = (JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as { miller_blair_2009_ch2_two_sector: MillerBlair }).miller_blair_2009_ch2_two_sector;

/** Miller & Blair's two sectors as a model: each technique, run once, makes the year's gross output. */
function millerBlairModel(): Economy {
  const sectors = ['s1', 's2'];
  const techniques = sectors
    .map((s, j) => {
      const consumes = sectors.map((r, i) => `${r}: ${mb.Z[i][j]}`).join(', ');
      return `  - { id: make_${s}, produces: { ${s}: ${mb.x_published[j]} }, consumes: { ${consumes} }, uses: { labour: ${mb.labour_coeff[j] * mb.x_published[j]} } }`;
    })
    .join('\n');
  return parseEconomy(`name: Miller-Blair\nproducts:\n  - { id: s1, unit: USD }\n  - { id: s2, unit: USD }\nresources:\n  - { id: labour, unit: person-year }\ntechniques:\n${techniques}\n`, { file: 'mb.yaml' });
}

describe('leontiefSystem', () => {
  test("Miller & Blair's two sectors give the published A and labour coefficients", () => {
    const sys = leontiefSystem(compileEconomy(millerBlairModel()));
    assert.deepEqual(sys.items.ids, ['s1', 's2']);
    assert.deepEqual([...sys.technique], [0, 1]);
    assertClose(dense(sys.A), mb.A_published, 1e-15, 'A');
    assertClose(dense(sys.primary), [mb.labour_coeff], 1e-15, 'labour');
  });

  const joint = parseEconomy(
    `products:
  - { id: crude, unit: t }
  - { id: petrol, unit: t }
  - { id: diesel, unit: t }
resources: [{ id: labour, unit: h }]
techniques:
  - { id: well, produces: { crude: 1 }, uses: { labour: 1 } }
  - { id: refinery, produces: { petrol: 2, diesel: 1 }, consumes: { crude: 4 }, uses: { labour: 6 } }
  - { id: diesel_plant, produces: { diesel: 1 }, consumes: { crude: 1.5 } }
`,
    { file: 'joint.yaml' },
  );
  const cj = compileEconomy(joint);

  test('several techniques for an item: an InputError naming them, unless activity chooses', () => {
    assert.throws(
      () => leontiefSystem(cj),
      (e: unknown) => e instanceof InputError && e.issues[0].code === 'ambiguous-technique' && /"diesel".*"refinery", "diesel_plant"/.test(e.issues[0].message),
    );
    const sys = leontiefSystem(cj, { activity: Float64Array.from([10, 2, 3]) });
    assert.deepEqual([...sys.technique], [0, 1, 2]);
    // By-products are negative inputs: the refinery's diesel per unit of petrol is −1/2.
    assertClose(dense(sys.A), [
      [0, 2, 1.5],
      [0, 0, 0],
      [0, -0.5, 0],
    ], 1e-15, 'A');
    assertClose(dense(sys.primary), [[1, 3, 0]], 1e-15, 'primary');
  });

  test('a joint-product technique chosen for two items is an error', () => {
    assert.throws(
      () => leontiefSystem(cj, { activity: Float64Array.from([10, 5, 3]) }),
      (e: unknown) => e instanceof InputError && e.issues[0].code === 'joint-product' && /"refinery".*"petrol".*"diesel"/.test(e.issues[0].message),
    );
  });

  test('an item no technique makes is an InputError saying it can only be imported', () => {
    const e = parseEconomy('products:\n  - { id: a, unit: t }\n  - { id: tea, unit: t }\ntechniques: [{ id: t, produces: { a: 1 }, consumes: { tea: 1 } }]\n', { file: 'tea.yaml' });
    assert.throws(
      () => leontiefSystem(compileEconomy(e)),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues[0].code, 'not-produced');
        assert.match(err.issues[0].message, /"tea".*only be imported/);
        assert.equal(err.issues[0].location.line, 3);
        return true;
      },
    );
  });
});

/** A random productive economy in the file's shape: n products, one technique each, ~4 inputs each. */
function randomEconomy(n: number, seed: number): Economy {
  const rand = seededRandom(seed);
  const products = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, unit: 't' }));
  const techniques: Technique[] = products.map((p) => {
    const consumes: Record<string, number> = {};
    for (let k = 0; k < 4; k++) consumes[`p${Math.floor(rand() * n)}`] = 0.2 * rand();
    return { id: `make_${p.id}`, produces: { [p.id]: 0.5 + rand() }, consumes, uses: { labour: rand() } };
  });
  return { name: 'random', periods: ['1'], regions: [], products, resources: [{ id: 'labour', unit: 'h' }], techniques, targets: [], trade: [], directUse: [] };
}

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(rand() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

describe('leontiefSystem, metamorphic (seeded)', () => {
  test('permuting products in the file permutes A accordingly', () => {
    for (const seed of [1, 2, 3]) {
      const e = randomEconomy(30, seed);
      const permuted: Economy = { ...e, products: shuffled(e.products, seededRandom(seed + 100)), techniques: shuffled(e.techniques, seededRandom(seed + 200)) };
      const reparsed = parseEconomy(serializeEconomy(permuted, 'yaml'), { file: 'permuted.yaml' });
      const s1 = leontiefSystem(compileEconomy(e));
      const s2 = leontiefSystem(compileEconomy(reparsed));
      const a1 = dense(s1.A);
      const a2 = dense(s2.A);
      const l1 = dense(s1.primary)[0];
      const l2 = dense(s2.primary)[0];
      const at = s2.items.ids.map((id) => s1.items.index.get(id) ?? -1);
      for (let i = 0; i < at.length; i++) {
        assert.ok(Math.abs(l2[i] - l1[at[i]]) <= 1e-15 * Math.abs(l1[at[i]]));
        for (let j = 0; j < at.length; j++) assert.ok(Math.abs(a2[i][j] - a1[at[i]][at[j]]) <= 1e-15 * Math.abs(a1[at[i]][at[j]]), `A[${i}][${j}]`);
      }
    }
  });

  test("rescaling a product's unit (×1000) scales A's row by 1000 and its column by 1/1000", () => {
    const e = randomEconomy(20, 7);
    const k = 5;
    const id = `p${k}`;
    const scale = (m: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(m).map(([key, v]) => [key, key === id ? v * 1000 : v]));
    const rescaled: Economy = {
      ...e,
      products: e.products.map((p) => (p.id === id ? { ...p, unit: 'kg' } : p)),
      techniques: e.techniques.map((t) => ({ ...t, produces: scale(t.produces), consumes: scale(t.consumes) })),
    };
    const a = dense(leontiefSystem(compileEconomy(e)).A);
    const s = leontiefSystem(compileEconomy(rescaled));
    const b = dense(s.A);
    const l = dense(leontiefSystem(compileEconomy(e)).primary)[0];
    const m = dense(s.primary)[0];
    const rel = 1e-14;
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20; j++) {
        const f = (i === k ? 1000 : 1) / (j === k ? 1000 : 1);
        assert.ok(Math.abs(b[i][j] - a[i][j] * f) <= rel * Math.abs(a[i][j] * f), `A[${i}][${j}]: ${b[i][j]} vs ${a[i][j] * f}`);
      }
      const g = i === k ? 1 / 1000 : 1;
      assert.ok(Math.abs(m[i] - l[i] * g) <= rel * l[i] * g);
    }
  });
});

describe('leontiefSystem and the magnitude rule', () => {
  test('a tiny output dividing a large input is an InputError naming the technique and both items', () => {
    const e = parseEconomy(
      ['products: [{ id: a, unit: t }, { id: b, unit: t }]', 'techniques:', '  - { id: make_a, produces: { a: 1e-20 }, consumes: { b: 1e20 } }', '  - { id: make_b, produces: { b: 1 } }', ''].join('\n'),
      { file: 'tiny.yaml' },
    );
    assert.throws(
      () => leontiefSystem(compileEconomy(e)),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.equal(err.issues.length, 1);
        const issue = err.issues[0];
        assert.equal(issue.code, 'out-of-range');
        assert.equal(issue.value, 1e40);
        assert.deepEqual([issue.location.file, issue.location.line], ['tiny.yaml', 3]);
        assert.match(issue.message, /technique "make_a" makes 1e-20 of "a" .* uses "b" 1e\+20: 1e\+40 per unit of "a", beyond 1e30/);
        return true;
      },
    );
  });
});
