import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadEconomy } from '../../src/model/index.js';
import type { Economy } from '../../src/model/index.js';
import { compileEconomy, leontiefSystem, planActivities } from '../../src/compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../../src/compile/index.js';
import { balancePlan } from '../../src/balance/index.js';
import type { BalanceReport } from '../../src/balance/index.js';
import { checkProductive } from '../../src/sparse/index.js';
import { grossOutput, labourValues } from '../../src/leontief/index.js';
import { fixture, repoRoot } from '../helpers/paths.js';

/** Every `economy.yaml` under examples/, as paths relative to the repository root. */
function exampleFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'economy.yaml') found.push(relative(repoRoot, path));
    }
  };
  walk(join(repoRoot, 'examples'));
  return found.sort();
}

interface Loaded {
  readonly economy: Economy;
  readonly compiled: CompiledEconomy;
  /** The model's own plan as activity levels, imports and exports. */
  readonly planned: ReturnType<typeof planActivities>;
  /** One technique per item: the one the plan runs most. */
  readonly system: LeontiefSystem;
  readonly balance: BalanceReport;
}

async function load(example: string): Promise<Loaded> {
  const economy = await loadEconomy(join(repoRoot, 'examples', example, 'economy.yaml'));
  const compiled = compileEconomy(economy);
  assert.ok(economy.plan !== undefined, `${example} has a plan`);
  const planned = planActivities(compiled, economy.plan);
  const system = leontiefSystem(compiled, { activity: planned.activity });
  const balance = balancePlan(compiled, planned);
  return { economy, compiled, planned, system, balance };
}

function itemIndex(c: CompiledEconomy, id: string): number {
  const i = c.items.index.get(id);
  assert.ok(i !== undefined, `item ${id} exists`);
  return i;
}

function closeTo(actual: number, expected: number, rtol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected), `${what}: ${actual} differs from ${expected} by more than ${rtol} relative`);
}

interface Expected {
  readonly miller_blair_2009_ch2_two_sector: {
    readonly A_published: number[][];
    readonly L_exact: number[][];
    readonly f_new: number[];
    readonly x_new_exact: number[];
    readonly labour_coeff: number[];
  };
  readonly cockshott_iron_coal_corn_bread: {
    readonly expected: {
      readonly labour_values: number[];
      readonly net_output: number[];
      readonly value_of_net_output_equals_total_labour: number;
      readonly spectral_radius_A: number;
    };
  };
}
const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Expected;

describe('every example', () => {
  const files = exampleFiles();

  test('the examples folder holds the four documented examples', () => {
    assert.deepEqual(files, ['examples/cockshott/economy.yaml', 'examples/miller-blair/economy.yaml', 'examples/pymrio-test-mrio/economy.yaml', 'examples/ussr-1930/economy.yaml'].map((f) => join(...f.split('/'))));
  });

  for (const file of files) {
    const example = file.split(/[\\/]/)[1];
    test(`${example}: loads, compiles, and its chosen-technique system is productive`, async () => {
      const { economy, compiled, system } = await load(example);
      assert.ok(economy.products.length > 0 && economy.techniques.length > 0);
      assert.equal(compiled.items.ids.length, system.A.rows, 'one chosen technique per item');
      const productive = checkProductive(system.A, { refine: true });
      assert.equal(productive.status, 'productive');
      // Well below 1: every item takes well under one unit of itself, directly and indirectly.
      assert.ok(productive.spectralRadius.upper < 0.5, `spectral radius ≤ ${productive.spectralRadius.upper}`);
      // Every target names a period of the model (or none) and a positive amount.
      for (let k = 0; k < compiled.targets.amount.length; k++) assert.ok(compiled.targets.amount[k] > 0);
    });
  }
});

describe('miller-blair', () => {
  const mb = expected.miller_blair_2009_ch2_two_sector;

  test('coefficients are the published A, and the plan x = (1000, 2000) balances exactly', async () => {
    const { compiled, system, balance } = await load('miller-blair');
    const s1 = itemIndex(compiled, 'sector_1');
    const s2 = itemIndex(compiled, 'sector_2');
    const a = (i: number, j: number): number => {
      for (let p = system.A.rowPtr[i]; p < system.A.rowPtr[i + 1]; p++) if (system.A.colIdx[p] === j) return system.A.values[p];
      return 0;
    };
    const order = [s1, s2];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) closeTo(a(order[i], order[j]), mb.A_published[i][j], 1e-12, `a[${i}][${j}]`);
    assert.equal(balance.counts.deficit, 0);
    assert.equal(balance.counts.surplus, 0);
    for (const i of order) assert.ok(Math.abs(balance.items.gap[i]) <= 1e-9 * balance.items.supply[i]);
    const labour = compiled.resources.index.get('labour');
    assert.ok(labour !== undefined);
    // 0.3 · 1000 + 0.25 · 2000
    closeTo(balance.resources.use[labour], 800, 1e-12, 'labour used by the plan');
  });

  test('a new final demand (600, 1500) needs the published gross output and labour', async () => {
    const { compiled, system } = await load('miller-blair');
    const order = [itemIndex(compiled, 'sector_1'), itemIndex(compiled, 'sector_2')];
    const y = new Float64Array(2);
    order.forEach((i, k) => (y[i] = mb.f_new[k]));
    const result = grossOutput(system, y);
    assert.equal(result.status, 'converged');
    order.forEach((i, k) => {
      closeTo(result.x[i], mb.x_new_exact[k], 1e-9, `x_new[${k}]`);
      closeTo(result.x[i] * mb.labour_coeff[k], mb.x_new_exact[k] * mb.labour_coeff[k], 1e-9, `labour[${k}]`);
    });
  });
});

describe('cockshott', () => {
  const ck = expected.cockshott_iron_coal_corn_bread.expected;
  const goods = ['iron', 'coal', 'corn', 'bread'];

  test('targets are the net output; the gross-output plan meets them exactly', async () => {
    const { compiled, balance } = await load('cockshott');
    goods.forEach((g, k) => {
      const i = itemIndex(compiled, g);
      closeTo(balance.items.final[i], ck.net_output[k], 1e-12, `net output of ${g}`);
      assert.ok(Math.abs(balance.items.gap[i]) <= 1e-9 * balance.items.supply[i], `${g} balances`);
    });
  });

  test('labour values, v · y = total labour, and spectral radius 1/6 as published', async () => {
    const { compiled, system } = await load('cockshott');
    const y = new Float64Array(goods.length);
    goods.forEach((g, k) => (y[itemIndex(compiled, g)] = ck.net_output[k]));
    const lv = labourValues(system, 'labour', { finalDemand: y });
    goods.forEach((g, k) => closeTo(lv.values[itemIndex(compiled, g)], ck.labour_values[k], 1e-8, `labour value of ${g}`));
    assert.ok(lv.identity !== undefined);
    closeTo(lv.identity.valueOfFinalDemand, ck.value_of_net_output_equals_total_labour, 1e-9, 'v · y');
    closeTo(lv.identity.totalLabour, ck.value_of_net_output_equals_total_labour, 1e-9, 'l · x');
    const rho = checkProductive(system.A, { refine: true, tolerance: 1e-9 }).spectralRadius;
    assert.ok(rho.lower <= ck.spectral_radius_A * (1 + 1e-6) && rho.upper >= ck.spectral_radius_A * (1 - 1e-6), `bounds [${rho.lower}, ${rho.upper}] hold 1/6`);
  });
});

describe('ussr-1930: the hand-set plan fails the balance check as the story says', () => {
  test('the plan is for 1930 and the model runs four years with eight regions', async () => {
    const { economy, compiled, planned } = await load('ussr-1930');
    assert.deepEqual(economy.periods, ['1930', '1931', '1932', '1933']);
    assert.equal(economy.regions.length, 8);
    assert.ok(economy.products.length >= 24);
    assert.equal(compiled.periods.ids[planned.period], '1930');
  });

  test('exactly four deficits: bolts, mortar, and grain in Ukraine and the North Caucasus', async () => {
    const { compiled, balance } = await load('ussr-1930');
    const short = Array.from(balance.deficits, (i) => compiled.items.ids[i]).sort();
    assert.deepEqual(short, ['bolt@moscow_leningrad', 'grain@north_caucasus', 'grain@ukraine', 'mortar@north_caucasus']);
    assert.equal(balance.balances, false);
  });

  test('nuts without bolts: nuts over-produced while bolts fall short of the tractor works', async () => {
    const { compiled, balance } = await load('ussr-1930');
    const { gap, supply, use } = balance.items;
    const nut = itemIndex(compiled, 'nut@moscow_leningrad');
    const bolt = itemIndex(compiled, 'bolt@moscow_leningrad');
    assert.equal(balance.items.status[nut], 'surplus');
    assert.ok(gap[nut] > 0.2 * use[nut], 'nuts over-fulfilled by more than a fifth');
    assert.ok(-gap[bolt] > 0.2 * use[bolt], 'bolts short by more than a fifth of their use');
    // The tractor works are among the users of bolts.
    const stz = compiled.techniques.index.get('stalingrad_tractors');
    assert.ok(stz !== undefined);
    let boltsPerTractor = 0;
    const inputs = compiled.inputs;
    for (let p = inputs.rowPtr[bolt]; p < inputs.rowPtr[bolt + 1]; p++) if (inputs.colIdx[p] === stz) boltsPerTractor = inputs.values[p];
    assert.ok(boltsPerTractor > 0 && balance.techniques.activity[stz] > 0);
    assert.ok(supply[bolt] < use[bolt]);
  });

  test('bricks without mortar: every brickworks over-produces while cement for mortar falls short', async () => {
    const { compiled, balance } = await load('ussr-1930');
    for (const region of ['moscow_leningrad', 'ukraine', 'north_caucasus']) {
      const brick = itemIndex(compiled, `brick@${region}`);
      assert.equal(balance.items.status[brick], 'surplus', `bricks in ${region}`);
    }
    const mortar = itemIndex(compiled, 'mortar@north_caucasus');
    assert.ok(balance.items.relativeGap[mortar] < -0.2, 'mortar short by more than a fifth');
  });

  test('grain exports and procurement leave the grain regions below their bread norm', async () => {
    const { economy, compiled, balance } = await load('ussr-1930');
    for (const region of ['ukraine', 'north_caucasus']) {
      const grain = itemIndex(compiled, `grain@${region}`);
      const deficit = -balance.items.gap[grain];
      assert.ok(deficit > 0, `grain short in ${region}`);
      // Exporting less or sending less to the cities would close it: the shortfall is smaller than
      // the grain that leaves the region.
      assert.ok(deficit < balance.items.exports[grain], `${region}: deficit below the export`);
      // The region's bread norm is a target and the bakeries are planned to meet it.
      const bread = itemIndex(compiled, `bread@${region}`);
      assert.ok(balance.items.final[bread] > 0);
      assert.ok(balance.items.gap[bread] >= 0, `bakeries in ${region} planned to the norm`);
      const pop = economy.regions.find((r) => r.id === region)?.population;
      assert.ok(pop !== undefined && balance.items.final[bread] / pop >= 0.15, 'norm of at least 150 kg a head');
    }
    // Priority regions get the higher norm.
    const norm = (r: string): number => {
      const pop = economy.regions.find((x) => x.id === r)?.population ?? NaN;
      return balance.items.final[itemIndex(compiled, `bread@${r}`)] / pop;
    };
    assert.ok(norm('moscow_leningrad') > norm('ukraine') && norm('donbass_baku') > norm('north_caucasus'));
  });

  test('grain exported at 30 roubles a tonne, a little over 5 million tonnes', async () => {
    const { economy, compiled, balance } = await load('ussr-1930');
    let total = 0;
    for (const t of economy.trade) if (t.product.startsWith('grain')) assert.equal(t.exportPrice, 30);
    for (let i = 0; i < compiled.items.ids.length; i++) total += balance.items.exports[i];
    assert.ok(total > 5.0e6 && total < 5.5e6, `grain exports ${total} t`);
  });

  test('the plan keeps within every resource, counting grain export earnings as hard currency', async () => {
    const { economy, compiled, balance } = await load('ussr-1930');
    const { use, available } = balance.resources;
    let earnings = 0;
    for (const t of economy.trade) {
      const i = compiled.items.index.get(t.product);
      if (i !== undefined && t.exportPrice !== undefined) earnings += t.exportPrice * balance.items.exports[i];
    }
    assert.ok(earnings > 1.5e8, 'grain earns over 150 million roubles');
    compiled.resources.ids.forEach((id, r) => {
      const limit = id === 'hard_currency' ? available[r] + earnings : available[r];
      assert.ok(use[r] <= limit, `${id}: uses ${use[r]} of ${limit}`);
    });
    // Skilled labour is nearly exhausted already: it is one of the bottlenecks an optimal plan meets.
    const skilled = compiled.resources.index.get('skilled_labour');
    assert.ok(skilled !== undefined && use[skilled] > 0.95 * available[skilled]);
  });

  test('plants that come on line later have capacity only from their year; the Kharkov works and the Dnieper dam are built by the plan, in whole units', async () => {
    const { compiled } = await load('ussr-1930');
    const periods = compiled.periods.ids.length;
    const capacity = (id: string): number[] => {
      const r = compiled.resources.index.get(id);
      assert.ok(r !== undefined, id);
      return Array.from(compiled.available.subarray(r * periods, (r + 1) * periods));
    };
    const opens = (id: string): string => compiled.periods.ids[capacity(id).findIndex((v) => v > 0)];
    assert.equal(opens('stalingrad_tractor_works'), '1930');
    assert.equal(opens('moscow_bearing_works'), '1932');
    assert.deepEqual(capacity('kharkov_tractor_works'), [0, 0, 0, 0]);
    assert.deepEqual(capacity('dnieper_dam'), [0, 0, 0, 0]);
    const builder = (resource: string): { whole?: boolean; lag?: number; fixedCost?: Readonly<Record<string, number>> } | undefined =>
      compiled.model.techniques.find((t) => (t.build?.[resource] ?? 0) > 0);
    for (const [resource, lag] of [['kharkov_tractor_works', 1], ['dnieper_dam', 2]] as const) {
      const t = builder(resource);
      assert.ok(t !== undefined && t.whole === true && t.lag === lag && (t.fixedCost?.skilled_labour ?? 0) > 0, `${resource} is built in whole units, lag ${lag}, with a fixed cost`);
    }
    for (const id of ['stalingrad_tractor_works', 'moscow_bearing_works']) {
      const c = capacity(id);
      for (let t = 1; t < c.length; t++) assert.ok(c[t] >= c[t - 1], `${id} does not shrink`);
    }
  });
});
