import type { CoefficientColumns, ModelFolder } from '../../src/model/binary/index.js';
import { streamKey, uniform } from '../random.js';

/**
 * A seeded plan at Nove's scale (issue 14: "1.2·10⁷ products, one period, technique choice,
 * capacities"), made straight as the parts of a binary model folder (docs/binary-format.md,
 * version 2) with no object per technique or coefficient, so that it can be made at that size:
 *
 * - `products` products in one region (the model has no regions: each product is one item) and
 *   one period, their units differing by up to 10⁴ (as in generate-plan-model.ts);
 * - 2–3 competing techniques per product with different input mixes: 3–8 inputs from nearby
 *   products (input value per unit of output 0.2–0.6, so every choice is productive), labour
 *   (less in the later variants), land for the first tenth of the products (primary products);
 * - a third of the techniques with a `capacity` (0.3–1.2 times their share of the product's
 *   estimated gross output);
 * - targets on 60% of the products in three priority tiers (tier 1 for 15% of them, tier 2 for
 *   30%, tier 3 for 15%); labour available 1.3 times what the targets need, land 0.5 times.
 *
 * λ = 0 is feasible and every technique uses labour, so the LP is feasible and bounded. Each
 * product draws from its own stream (streamKey(seed, product)), so the model is the same for a
 * seed however it is made; the coefficients come in pieces of `piece` products.
 */
export interface NoveModelOptions {
  readonly products: number;
  readonly seed?: number;
  /** Products per piece of coefficient columns (the writer writes each piece as it comes). */
  readonly piece?: number;
}

export interface NoveModel {
  readonly folder: ModelFolder;
  readonly products: number;
  readonly techniques: number;
  readonly targets: number;
  /** Techniques with a capacity. */
  readonly capacities: number;
}

const VARIANT = ['a', 'b', 'c'];

export function generateNoveModel(options: NoveModelOptions): NoveModel {
  const n = Math.max(4, Math.round(options.products));
  const seed = options.seed ?? 1;
  const piece = options.piece ?? 1 << 18;
  const round = (v: number): number => Number(v.toPrecision(6));
  const primary = Math.max(1, Math.round(0.1 * n));

  // First pass: units, targets, and how many techniques each product has.
  const scale = new Float64Array(n);
  const demand = new Float64Array(n);
  const variants = new Uint8Array(n);
  const tProduct: number[] = [];
  const tAmount: number[] = [];
  const tPriority: number[] = [];
  let total = 0;
  for (let q = 0; q < n; q++) {
    const key = streamKey(seed, q);
    scale[q] = round(Math.pow(10, 4 * uniform(key, 0)));
    variants[q] = uniform(key, 1) < 0.5 ? 3 : 2;
    const u = uniform(key, 2);
    const tier = u < 0.15 ? 1 : u < 0.45 ? 2 : u < 0.6 ? 3 : 0;
    if (tier === 0) continue;
    const value = tier === 1 ? 20 + 60 * uniform(key, 3) : 10 + 50 * uniform(key, 3);
    tProduct.push(q);
    tAmount.push(round(value * scale[q]));
    tPriority.push(tier);
    demand[q] = value;
    total += value;
  }
  const mean = total / n;
  const techniqueStart = new Int32Array(n + 1);
  for (let q = 0; q < n; q++) techniqueStart[q + 1] = techniqueStart[q] + variants[q];
  const nT = techniqueStart[n];

  // Technique records (ids, capacities) and labour needed, in one pass; coefficients in pieces, drawn again from the same streams.
  const techniqueIds: string[] = new Array<string>(nT);
  const more: (string | null)[] = new Array<string | null>(nT).fill(null);
  let capacities = 0;
  let labourNeed = 0;
  /** Draws technique v of product q: calls `input(c, amount)` per input and returns its labour per unit (value units). */
  const draw = (q: number, v: number, input: (c: number, amount: number) => void): number => {
    const key = streamKey(seed, q);
    let k0 = 8 + 64 * v;
    const next = (): number => uniform(key, k0++);
    const share = 0.2 + 0.4 * next();
    const k = 3 + Math.min(5, Math.floor(6 * next()));
    const picked: number[] = [];
    for (let tries = 0; picked.length < k && tries < 4 * k; tries++) {
      const c = (((q + Math.round(-50 + 100 * next())) % n) + n) % n;
      if (c !== q && !picked.includes(c)) picked.push(c);
    }
    const weights = picked.map(() => 0.1 + 0.9 * next());
    const sum = weights.reduce((a, b) => a + b, 0);
    picked.forEach((c, i) => input(c, round((((share * weights[i]) / sum) * scale[c]) / scale[q])));
    return (0.2 + next()) / (1 + v);
  };
  for (let q = 0; q < n; q++) {
    const gross = 2 * demand[q] + mean;
    const key = streamKey(seed, q);
    for (let v = 0; v < variants[q]; v++) {
      const j = techniqueStart[q] + v;
      techniqueIds[j] = `p${q + 1}_${VARIANT[v]}`;
      labourNeed += (draw(q, v, () => undefined) * gross) / variants[q];
      if (uniform(key, 4 + v) < 1 / 3) {
        more[j] = `{"capacity":${round((gross / variants[q]) * (0.3 + 0.9 * uniform(key, 200 + v)) * scale[q])}}`;
        capacities++;
      }
    }
  }

  function* coefficients(): Generator<CoefficientColumns> {
    for (let q0 = 0; q0 < n; q0 += piece) {
      const q1 = Math.min(n, q0 + piece);
      const room = (techniqueStart[q1] - techniqueStart[q0]) * 11;
      const c = { technique: new Int32Array(room), role: new Int32Array(room), item: new Int32Array(room), region: new Int32Array(room).fill(-1), value: new Float64Array(room) };
      let k = 0;
      const put = (j: number, role: number, item: number, value: number): void => {
        c.technique[k] = j;
        c.role[k] = role;
        c.item[k] = item;
        c.value[k++] = value;
      };
      for (let q = q0; q < q1; q++) {
        for (let v = 0; v < variants[q]; v++) {
          const j = techniqueStart[q] + v;
          put(j, 0, q, 1);
          const labour = draw(q, v, (input, amount) => put(j, 1, input, amount));
          put(j, 2, 0, round(labour / scale[q]));
          if (q < primary) put(j, 2, 1, round((0.5 + 1.5 * uniform(streamKey(seed, q), 300 + v)) / scale[q]));
        }
      }
      yield { technique: c.technique.subarray(0, k), role: c.role.subarray(0, k), item: c.item.subarray(0, k), region: c.region.subarray(0, k), value: c.value.subarray(0, k) };
    }
  }

  const nTg = tProduct.length;
  const folder: ModelFolder = {
    model: {
      name: `Generated plan at Nove's scale, seed ${seed}: ${n} products, one period`,
      description: 'A seeded model: one region, one period, 2–3 competing techniques per product, capacities on a third (bench/plan-gen).',
      periods: ['1'],
      resources: [
        { id: 'labour', unit: 'person-year', available: round(1.3 * labourNeed) },
        { id: 'land', unit: 'ha', available: round(0.5 * total) },
      ],
    },
    products: { id: Array.from({ length: n }, (_, q) => `p${q + 1}`), unit: Array.from(scale, (s) => (s > 100 ? 'kg' : 'unit')), region: new Int32Array(n).fill(-1) },
    techniques: { id: techniqueIds, region: new Int32Array(nT).fill(-1), more },
    targets: {
      product: Int32Array.from(tProduct),
      productRegion: new Int32Array(nTg).fill(-1),
      amount: Float64Array.from(tAmount),
      priority: Int32Array.from(tPriority),
      region: new Int32Array(nTg).fill(-1),
      period: new Int32Array(nTg).fill(-1),
      category: Int32Array.from(tPriority, (p) => (p === 3 ? 1 : 0)),
      categories: ['households', 'other_users'],
    },
    coefficients: { [Symbol.iterator]: coefficients },
  };
  return { folder, products: n, techniques: nT, targets: nTg, capacities };
}
