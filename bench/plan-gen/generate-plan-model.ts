import { streamKey, uniform } from '../random.js';

/**
 * A seeded planning model with the 1930 example's structure, scaled up (issue 14, item 1), as a
 * model file (the JSON form of docs/model.md, so `plenty plan` solves it):
 *
 * - `regions` regions (default 8, as the 1930 example) on a rail network: a ring plus chords, each
 *   line a resource with a capacity per period; a rail technique per storable product, producing
 *   region and neighbouring region, that takes 1.01 of the product at the origin, freight haulage
 *   (t-km) and the line's capacity, and delivers the product at the destination;
 * - products whose units differ by up to 10⁴ (tonnes next to machines), a fifth of them services
 *   (not storable, made in every region), the rest made in 3–5 regions each and storable, some
 *   with initial stocks; freight haulage in every region by steam (coal, labour) or electric
 *   traction (electricity, less labour);
 * - 2–3 competing techniques per product and producing region with different input mixes (inputs
 *   from nearby products, mostly local, some by rail from a neighbouring region; input value per
 *   unit of output 0.2–0.6, so every choice is productive) and labour; primary products use land;
 *   a third of the techniques capacity-limited: half by a fixed `capacity`, half by a plant (a
 *   resource) that an investment technique enlarges after a lag of 1 or 2 periods, built from the
 *   machinery products;
 * - exports and imports at two port regions under a hard-currency balance (`currency`);
 * - targets in three priority tiers: consumption of essentials (tier 1), other consumption
 *   (tier 2), deliveries to other users and investment goods growing by period (tier 3).
 *
 * Size: items × periods ≈ `size`, items = (products + freight) × regions. Resources are set from a
 * rough estimate of what the targets need (labour 1.3 times it), so tiers 1 and 2 can mostly be
 * met and tier 3 takes the rest; λ = 0 is always feasible and every technique uses labour, land,
 * a line or a plant, so the LP is feasible and bounded.
 */
export interface PlanModelOptions {
  /** Items × periods, approximately (at least 2 products per region and period). */
  readonly size: number;
  readonly periods?: number;
  readonly regions?: number;
  readonly seed?: number;
}

/** The model file as a plain object (docs/model.md field names). */
export type ModelFile = Record<string, unknown>;

export interface GeneratedModel {
  readonly model: ModelFile;
  readonly products: number;
  readonly regions: number;
  readonly periods: number;
  readonly items: number;
  readonly techniques: number;
  readonly targets: number;
}

interface Technique {
  id: string;
  region: string;
  produces: Record<string, number>;
  consumes: Record<string, number>;
  uses: Record<string, number>;
  capacity?: number;
  build?: Record<string, number>;
  lag?: number;
}

export function generatePlanModel(options: PlanModelOptions): GeneratedModel {
  const T = options.periods ?? 4;
  const R = options.regions ?? 8;
  const seed = options.seed ?? 1;
  const n = Math.max(6, Math.round(options.size / (T * R)) - 1);
  const key = streamKey(seed, 7);
  let counter = 0;
  const rand = (): number => uniform(key, counter++);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rand();
  const pick = (k: number): number => Math.min(k - 1, Math.floor(rand() * k));
  const round = (v: number): number => Number(v.toPrecision(6));

  const periods = Array.from({ length: T }, (_, t) => String(1930 + t));
  const regions = Array.from({ length: R }, (_, r) => `r${r + 1}`);
  const ports = [0, Math.floor(R / 2)];

  // Rail network: a ring and chords from every other region across; distance in 100 km.
  const lines: { a: number; b: number; distance: number }[] = [];
  const neighbours: number[][] = regions.map(() => []);
  const link = (a: number, b: number): void => {
    if (a === b || neighbours[a].includes(b)) return;
    lines.push({ a, b, distance: round(between(3, 15)) });
    neighbours[a].push(b);
    neighbours[b].push(a);
  };
  for (let r = 0; r < R; r++) link(r, (r + 1) % R);
  for (let r = 0; r < R; r += 2) link(r, (r + Math.floor(R / 2) + 1) % R);

  // Products: 0 coal, 1 electricity (a service), the next ~5% machinery (investment goods), then
  // primary products (~10%, use land); every fifth product a service.
  const ids = Array.from({ length: n }, (_, q) => `p${q + 1}`);
  const scale = Float64Array.from({ length: n }, (_, q) => (q < 2 ? 1 : round(Math.pow(10, between(0, 4)))));
  const service = Array.from({ length: n }, (_, q) => q === 1 || (q > 1 && q % 5 === 0));
  const machinery: number[] = [];
  for (let q = 2; q < n && machinery.length < Math.max(2, Math.round(0.05 * n)); q++) if (!service[q]) machinery.push(q);
  const primaryFrom = machinery[machinery.length - 1] + 1;
  const primary = (q: number): boolean => q === 0 || (q >= primaryFrom && q < primaryFrom + Math.max(1, Math.round(0.1 * n)));
  const makers: number[][] = ids.map((_, q) => {
    if (service[q]) return regions.map((_, r) => r);
    const k = 3 + pick(3);
    const set = new Set<number>();
    while (set.size < Math.min(k, R)) set.add(pick(R));
    return [...set].sort((x, y) => x - y);
  });
  const madeIn = ids.map((_, q) => new Set(makers[q]));
  // Whether product q is at hand in region r: made there, or (storable) made in a neighbour.
  const reachable = (q: number, r: number): boolean => madeIn[q].has(r) || (!service[q] && neighbours[r].some((o) => madeIn[q].has(o)));

  // Targets first (value units; the physical amount is value × the product's scale).
  const targets: Record<string, unknown>[] = [];
  const demandValue = new Float64Array(n);
  let totalValue = 0;
  const addTarget = (q: number, r: number, value: number, priority: number, category: string, period?: string): void => {
    targets.push({ product: ids[q], region: regions[r], amount: round(value * scale[q]), priority, category, ...(period === undefined ? {} : { period }) });
    const v = period === undefined ? value : value / T;
    demandValue[q] += v;
    totalValue += v;
  };
  const essentials = Math.max(1, Math.round(0.15 * n));
  for (let q = 0; q < n; q++) {
    for (let r = 0; r < R; r++) {
      if (!reachable(q, r)) continue;
      const u = rand();
      if (q < essentials + primaryFrom && q >= primaryFrom && u < 0.6) addTarget(q, r, between(20, 80), 1, 'households');
      else if (u < 0.3) addTarget(q, r, between(10, 60), 2, 'households');
      else if (u < 0.45) addTarget(q, r, between(10, 60), 3, 'other_users');
    }
  }
  for (const q of machinery) {
    const r = makers[q][0];
    periods.forEach((p, t) => addTarget(q, r, between(20, 40) * (1 + 0.25 * t), 3, 'investment', p));
  }
  const meanDemand = totalValue / n;

  // Techniques.
  const techniques: Technique[] = [];
  const resources: Record<string, unknown>[] = [];
  const investments: Technique[] = [];
  const labourOf = regions.map(() => 0);
  for (let q = 0; q < n; q++) {
    const gross = 2 * demandValue[q] + meanDemand;
    for (const r of makers[q]) {
      const variants = 2 + (rand() < 0.5 ? 1 : 0);
      for (let v = 0; v < variants; v++) {
        const id = `${ids[q]}_${regions[r]}_${'abc'[v]}`;
        const consumes: Record<string, number> = {};
        const share = between(0.2, 0.6);
        const k = 3 + pick(6);
        const picked: number[] = [];
        for (let tries = 0; picked.length < k && tries < 4 * k; tries++) {
          const c = (((q + Math.round(between(-50, 50))) % n) + n) % n;
          if (c === q || picked.includes(c)) continue;
          // Mostly local inputs; some brought by rail from a neighbouring region.
          if (madeIn[c].has(r) || (rand() < 0.2 && reachable(c, r))) picked.push(c);
        }
        if (q !== 0 && !picked.includes(0) && reachable(0, r)) picked.push(0);
        if (v > 0 && q !== 1 && !picked.includes(1)) picked.push(1); // the modern techniques use electricity
        const weights = picked.map(() => between(0.1, 1));
        const sum = weights.reduce((a, b) => a + b, 0);
        // Input value share × the units: physical input per physical unit of output.
        picked.forEach((c, i) => (consumes[ids[c]] = round((((share * weights[i]) / sum) * scale[c]) / scale[q])));
        const labour = between(0.2, 1.2) / (1 + v);
        const uses: Record<string, number> = { [`labour_${regions[r]}`]: round(labour / scale[q]) };
        labourOf[r] += (labour * gross) / makers[q].length / variants;
        if (primary(q)) uses[`land_${regions[r]}`] = round(between(0.5, 2) / scale[q]);
        const t: Technique = { id, region: regions[r], produces: { [ids[q]]: 1 }, consumes, uses };
        const capacityValue = (gross / makers[q].length / variants) * between(0.3, 1.2);
        const c = rand();
        if (c < 1 / 6) t.capacity = round(capacityValue * scale[q]);
        else if (c < 1 / 3) {
          const plant = `plant_${id}`;
          uses[plant] = 1;
          resources.push({ id: plant, unit: `${ids[q]} per period`, available: round(capacityValue * scale[q]) });
          const inv: Record<string, number> = {};
          for (const m of machinery.slice(0, 3)) if (reachable(m, r)) inv[ids[m]] = round((between(0.3, 0.8) * scale[m]) / scale[q]);
          investments.push({
            id: `build_${id}`,
            region: regions[r],
            produces: { [ids[q]]: 0.05 },
            consumes: inv,
            uses: { [`labour_${regions[r]}`]: round(0.5 / scale[q]) },
            build: { [plant]: 1 },
            lag: 1 + pick(2),
          });
        }
        techniques.push(t);
      }
    }
  }

  // Freight haulage in every region (thousand t-km): steam against electric traction.
  for (let r = 0; r < R; r++) {
    techniques.push({ id: `steam_${regions[r]}`, region: regions[r], produces: { freight: 1 }, consumes: { [ids[0]]: 0.05 }, uses: { [`labour_${regions[r]}`]: 0.02 } });
    techniques.push({ id: `electric_${regions[r]}`, region: regions[r], produces: { freight: 1 }, consumes: { [ids[1]]: 0.04 }, uses: { [`labour_${regions[r]}`]: 0.008 }, ...(r % 2 === 0 ? { capacity: round(totalValue / R) } : {}) });
  }

  // Rail: each storable product from each region that makes it to each neighbour. The lines
  // together carry about the value of the storable products' targets (a line's capacity 0.5–1.5
  // times its share), so that some bind.
  let railValue = 0;
  for (let q = 0; q < n; q++) {
    if (service[q]) continue;
    for (const o of makers[q]) {
      for (const d of neighbours[o]) {
        const line = lines.find((l) => (l.a === o && l.b === d) || (l.a === d && l.b === o));
        if (line === undefined) continue;
        techniques.push({
          id: `rail_${ids[q]}_${regions[o]}_${regions[d]}`,
          region: regions[o],
          produces: { [`${ids[q]}@${regions[d]}`]: 1 },
          consumes: { [ids[q]]: 1.01, freight: round((line.distance * 0.1) / scale[q]) },
          uses: { [`line_${regions[line.a]}_${regions[line.b]}`]: round(1 / scale[q]) },
        });
      }
    }
    railValue += demandValue[q];
  }

  // Resources.
  const perPeriod = (base: number, growth: number): Record<string, number> => Object.fromEntries(periods.map((p, t) => [p, round(base * (1 + growth * t))]));
  for (let r = 0; r < R; r++) {
    resources.push({ id: `labour_${regions[r]}`, unit: 'person-year', region: regions[r], available: perPeriod(1.3 * labourOf[r] * between(0.8, 1.2), 0.03) });
    resources.push({ id: `land_${regions[r]}`, unit: 'ha', region: regions[r], available: round((totalValue / R) * between(0.3, 0.8)) });
  }
  for (const l of lines) resources.push({ id: `line_${regions[l.a]}_${regions[l.b]}`, unit: 't', available: perPeriod((railValue / lines.length) * between(0.5, 1.5), 0.05) });
  resources.push({ id: 'hard_currency', unit: 'rouble', available: perPeriod(0.02 * totalValue, 0) });

  // Trade at the ports: exports of some storable products made there, imports of others.
  const trade: Record<string, unknown>[] = [];
  for (let q = 2; q < n; q++) {
    if (service[q]) continue;
    const u = rand();
    for (const r of ports) {
      const item = `${ids[q]}@${regions[r]}`;
      if (u < 0.1 && madeIn[q].has(r)) trade.push({ product: item, export_price: round(between(0.6, 0.9) / scale[q]), max_export: round(0.2 * (demandValue[q] + meanDemand) * scale[q]) });
      else if (u > 0.9) trade.push({ product: item, import_price: round(between(1.1, 1.6) / scale[q]), max_import: round(0.3 * (demandValue[q] + meanDemand) * scale[q]) });
    }
  }

  const products = [
    ...ids.map((id, q) => ({
      id,
      unit: q === 0 ? 't' : q === 1 ? 'MWh' : scale[q] > 100 ? 'kg' : 'unit',
      ...(service[q] ? { storable: false } : rand() < 0.3 ? { initial_stock: round(0.1 * (demandValue[q] + meanDemand) * scale[q] / makers[q].length) } : {}),
    })),
    { id: 'freight', unit: 'thousand t-km', storable: false },
  ];
  const all = [...techniques, ...investments];
  const model: ModelFile = {
    name: `Generated plan, seed ${seed}: ${n} products × ${R} regions × ${T} periods`,
    description: "A seeded model with the 1930 example's structure, scaled up (bench/plan-gen).",
    periods,
    currency: 'hard_currency',
    regions: regions.map((id) => ({ id })),
    products,
    resources,
    techniques: all,
    targets,
    trade,
  };
  return { model, products: n + 1, regions: R, periods: T, items: (n + 1) * R, techniques: all.length, targets: targets.length };
}
