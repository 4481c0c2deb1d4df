/**
 * The planning LPs' valuations from PDHG against HiGHS's (issue 14, item 4): each plan solved by
 * both backends through solvePlan, the path planners use, and compared on
 *
 * 1. the objective (λ per tier, the weighted or harmony sum, the least cost): within 1e-6 relative, PDHG at gap 1e-8 (as
 *    in netlib.test.ts);
 * 2. PDHG's duals are an optimal dual of the LP whose duals the plan reads: recomputed here from
 *    the LP's data alone (reduced costs d = c − Aᵀy, each row dual and each d on the side of a
 *    finite bound, and the dual objective Σ y·bound + Σ d·bound equal to HiGHS's optimum). This
 *    holds whether or not the duals are unique; and every valuation and resource price ≥ 0 from
 *    both (docs/optimize.md, "Signs and units of the valuations");
 * 3. where the dual is unique, PDHG's valuations and resource prices equal HiGHS's. The dual is
 *    unique when HiGHS's optimal vertex is primal non-degenerate: as many of the LP's columns and
 *    row activities strictly between their bounds as there are rows (they are then the basis, and
 *    the reduced costs vanishing on them fix y). A degenerate vertex may have many optimal duals,
 *    and there only check 2 applies; each case says which checks it got.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../../src/compile/index.js';
import type { CompiledEconomy } from '../../../src/compile/index.js';
import { parseEconomy } from '../../../src/model/index.js';
import type { Economy, Target } from '../../../src/model/index.js';
import { solvePlan } from '../../../src/plan/index.js';
import type { LinearProgram, LpSolution } from '../../../src/lp/index.js';
import type { PlanObjective, PlanResult } from '../../../src/plan/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { seededRandom } from '../../helpers/random.js';

const GAP = 1e-8;

function example(...parts: string[]): CompiledEconomy {
  const file = join(repoRoot, 'examples', ...parts);
  return compileEconomy(parseEconomy(readFileSync(file, 'utf8'), { file }));
}

/**
 * The dual value of row duals y for an LP, from its data alone: the LP is turned into a
 * minimisation (c and y negated for a maximisation, the sign convention of lp-types.ts), the
 * reduced costs d = c − Aᵀy are taken as the column duals, and each dual is valued at the bound
 * its sign selects (positive: the lower bound, negative: the upper). `violation`: the largest dual
 * on the side of an infinite bound, relative to 1 + ‖c‖∞ (0 for a dual-feasible y). `value`: the
 * dual objective in the LP's own sense (including the offset).
 */
function dualValue(lp: LinearProgram, rowDual: Float64Array): { value: number; violation: number } {
  const s = lp.sense === 'max' ? -1 : 1;
  const { A } = lp;
  const d = new Float64Array(A.cols);
  for (let j = 0; j < A.cols; j++) d[j] = s * lp.c[j];
  let value = 0;
  let violation = 0;
  let cNorm = 0;
  for (let j = 0; j < A.cols; j++) cNorm = Math.max(cNorm, Math.abs(lp.c[j]));
  const side = (v: number, lower: number, upper: number): void => {
    if (v > 0) {
      if (lower === -Infinity) violation = Math.max(violation, v);
      else value += v * lower;
    } else if (v < 0) {
      if (upper === Infinity) violation = Math.max(violation, -v);
      else value += v * upper;
    }
  };
  for (let i = 0; i < A.rows; i++) {
    const y = s * rowDual[i];
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) d[A.colIdx[p]] -= A.values[p] * y;
    side(y, lp.rowLower[i], lp.rowUpper[i]);
  }
  for (let j = 0; j < A.cols; j++) side(d[j], lp.colLower[j], lp.colUpper[j]);
  return { value: s * value + (lp.offset ?? 0), violation: violation / (1 + cNorm) };
}

/** Whether a vertex is primal non-degenerate: exactly as many columns and rows off their bounds as rows. */
function nonDegenerate(lp: LinearProgram, r: LpSolution): { interior: number; rows: number; unique: boolean } {
  const tol = 1e-9;
  const off = (v: number, lo: number, hi: number): boolean => (lo === -Infinity || v > lo + tol * (1 + Math.abs(lo))) && (hi === Infinity || v < hi - tol * (1 + Math.abs(hi)));
  let interior = 0;
  for (let j = 0; j < lp.A.cols; j++) if (off(r.x[j], lp.colLower[j], lp.colUpper[j])) interior++;
  for (let i = 0; i < lp.A.rows; i++) if (off(r.rowActivity[i], lp.rowLower[i], lp.rowUpper[i])) interior++;
  return { interior, rows: lp.A.rows, unique: interior === lp.A.rows };
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

interface Case {
  readonly name: string;
  readonly economy: () => CompiledEconomy;
  readonly objective: PlanObjective;
}

async function both(k: Case): Promise<{ highs: PlanResult; pdhg: PlanResult }> {
  const c = k.economy();
  // The LP relaxation (relaxIntegers): PDHG refuses whole-plant decisions (the 1930 example's works and dam).
  const highs = await solvePlan(c, { objective: k.objective, solver: 'highs', relaxIntegers: true });
  const pdhg = await solvePlan(c, { objective: k.objective, solver: 'pdhg', gap: GAP, relaxIntegers: true });
  return { highs, pdhg };
}

/**
 * A seeded plan of several periods linked by stocks and by investment: n products, each made by
 * two competing techniques with different input mixes (inputs per unit summing to at most 0.6, so
 * every choice is productive) and resource uses, some with capacities; a machine-building
 * technique that adds to next period's machine capacity; labour, land and machines per period;
 * targets in two priority tiers in every period (amounts × `demand`).
 */
function seededPlan(seed: number, n: number, periods: number, demand = 1): Economy {
  const rand = seededRandom(seed);
  const ids = Array.from({ length: periods }, (_, t) => `y${t + 1}`);
  const perPeriod = (lo: number, hi: number): Record<string, number> => Object.fromEntries(ids.map((p) => [p, lo + (hi - lo) * rand()]));
  const products = Array.from({ length: n }, (_, i) => `g${i + 1}`);
  const techniques: Economy['techniques'][number][] = [];
  for (const [i, id] of products.entries()) {
    for (const variant of ['a', 'b']) {
      const consumes: Record<string, number> = {};
      const inputs = products.filter((_, k) => k !== i && rand() < 0.4);
      let sum = 0;
      const w = inputs.map(() => 0.1 + rand());
      for (const v of w) sum += v;
      const share = 0.2 + 0.4 * rand();
      inputs.forEach((p, k) => (consumes[p] = (share * w[k]) / sum));
      const uses: Record<string, number> = { labour: 0.2 + rand() };
      if (rand() < 0.6) uses.land = 0.1 + rand();
      if (variant === 'b') uses.machines = 0.1 + 0.5 * rand();
      techniques.push({ id: `${id}_${variant}`, produces: { [id]: 1 }, consumes, uses, ...(rand() < 0.33 ? { capacity: 20 + 60 * rand() } : {}) });
    }
  }
  techniques.push({ id: 'build_machines', produces: { [products[0]]: 0.1 }, consumes: { [products[1]]: 0.5 }, uses: { labour: 1 }, build: { machines: 1 }, lag: 1 });
  const targets: Target[] = [];
  for (const [i, product] of products.entries()) {
    for (const p of ids) targets.push({ product, amount: demand * (10 + 40 * rand()), priority: i < n / 3 ? 1 : 2, period: p });
  }
  return {
    name: `seeded plan ${seed}`,
    periods: ids,
    regions: [],
    products: products.map((id, i) => ({ id, unit: 't', storable: i % 2 === 0 })),
    resources: [
      { id: 'labour', unit: 'person-year', available: perPeriod(200, 400) },
      { id: 'land', unit: 'ha', available: perPeriod(100, 300) },
      { id: 'machines', unit: 'machine-year', available: perPeriod(10, 40) },
    ],
    techniques,
    targets,
    trade: [],
    directUse: [],
  };
}

/** Relative agreement asked of objectives (λ per tier, the weighted sum, the least cost). */
const OBJECTIVE_TOL = 1e-6;
/**
 * Agreement asked of unique valuations and resource prices, relative to the largest of HiGHS's: a
 * first-order solver's individual duals are less accurate than its objective (measured here: up
 * to 2.4e-6 at gap 1e-8, on seeded plan 4, weighted).
 */
const DUAL_TOL = 1e-5;

function close(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);
}

function assertSameArray(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length);
  const scale = Math.max(maxAbs(expected), 1e-12);
  for (let k = 0; k < expected.length; k++) {
    assert.ok(Math.abs(actual[k] - expected[k]) <= DUAL_TOL * scale, `${what}[${k}]: PDHG ${actual[k]}, HiGHS ${expected[k]} (largest ${scale})`);
  }
}

const CASES: Case[] = [
  { name: 'kantorovich machine tools, maxmin', economy: () => example('kantorovich', 'machine-tools.yaml'), objective: { kind: 'maxmin' } },
  { name: 'miller-blair, mincost of labour', economy: () => example('miller-blair', 'economy.yaml'), objective: { kind: 'mincost' } },
  { name: 'cockshott, mincost of labour', economy: () => example('cockshott', 'economy.yaml'), objective: { kind: 'mincost' } },
  // The 1930 example's harmony is left out: PDHG stops at its iteration limit (10^6) at gap 1e-8,
  // 5.7e-4 under the optimum (docs/optimize.md, "PDHG's valuations against HiGHS's").
  { name: 'ussr-1930, maxmin common', economy: () => example('ussr-1930', 'economy.yaml'), objective: { kind: 'maxmin', periods: 'common' } },
  { name: 'ussr-1930, mincost of urban labour', economy: () => example('ussr-1930', 'economy.yaml'), objective: { kind: 'mincost', resource: 'urban_labour' } },
  { name: 'ussr-1930, weighted', economy: () => example('ussr-1930', 'economy.yaml'), objective: { kind: 'weighted' } },
  ...[1, 2, 3, 4].flatMap((seed): Case[] => [
    { name: `seeded plan ${seed}, maxmin common`, economy: () => compileEconomy(seededPlan(seed, 8, 3)), objective: { kind: 'maxmin', periods: 'common' } },
    { name: `seeded plan ${seed} (twice the demand), weighted`, economy: () => compileEconomy(seededPlan(seed, 8, 3, 2)), objective: { kind: 'weighted' } },
    { name: `seeded plan ${seed} (twice the demand), harmony`, economy: () => compileEconomy(seededPlan(seed, 8, 3, 2)), objective: { kind: 'harmony' } },
  ]),
  { name: 'seeded plan 5, 30 products, 4 periods, maxmin common', economy: () => compileEconomy(seededPlan(5, 30, 4)), objective: { kind: 'maxmin', periods: 'common' } },
];

/** How many cases had unique duals, not all zero, and had their valuations compared entry by entry. */
let compared = 0;

describe("planning LPs: PDHG's objective and valuations against HiGHS's (solvePlan, PDHG at gap 1e-8)", () => {
  for (const k of CASES) {
    test(k.name, async (t) => {
      const { highs, pdhg } = await both(k);
      assert.equal(highs.status, 'optimal', highs.message);
      assert.equal(pdhg.status, 'optimal', pdhg.message);
      assert.match(pdhg.solver, /pdhg/);
      assert.match(highs.solver, /highs/);
      // 1. The objective, and λ of every tier for maxmin.
      close(pdhg.objectiveValue, highs.objectiveValue, OBJECTIVE_TOL, 'objective');
      for (let s = 0; s < highs.lambda.length; s++) {
        if (Number.isNaN(highs.lambda[s])) assert.ok(Number.isNaN(pdhg.lambda[s]));
        else close(pdhg.lambda[s], highs.lambda[s], OBJECTIVE_TOL, `λ of tier ${s + 1}`);
      }
      // Signs (docs/optimize.md): one more unit of an item or a resource available never lowers the
      // objective in its own direction, so every valuation and resource price is ≥ 0, from both.
      for (const r of [highs, pdhg]) {
        const floor = -DUAL_TOL * Math.max(maxAbs(r.valuation), maxAbs(r.resourcePrice), 1e-12);
        assert.ok(r.valuation.every((v) => v >= floor) && r.resourcePrice.every((v) => v >= floor), `${r.solver}: a negative valuation or price`);
      }
      // The valuations are the duals of the LP read (one LP per tier here: periods 'common').
      assert.equal(pdhg.stages.length, highs.stages.length);
      assert.ok(pdhg.stages.every((s) => s.step === 'tier' || s.step === 'solve'));
      // 2. PDHG's row duals are an optimal dual of its LP: dual-feasible, and their dual value is
      //    HiGHS's optimum of the same LP (the LP HiGHS solved: the same up to the earlier tiers' λ
      //    held at what each backend reached).
      const lp = pdhg.formulated.lp;
      const mine = dualValue(lp, pdhg.solution.rowDual);
      assert.ok(mine.violation <= 1e-6, `PDHG's duals are infeasible by ${mine.violation}`);
      close(mine.value, highs.solution.objective, OBJECTIVE_TOL, "PDHG's dual objective against HiGHS's optimum");
      const theirs = dualValue(highs.formulated.lp, highs.solution.rowDual);
      assert.ok(theirs.violation <= 1e-9);
      close(theirs.value, highs.solution.objective, 1e-9, "HiGHS's own dual objective");
      // 3. Where HiGHS's vertex is non-degenerate the dual is unique: the valuations must agree.
      const vertex = nonDegenerate(highs.formulated.lp, highs.solution);
      if (vertex.unique) {
        assertSameArray(pdhg.valuation, highs.valuation, 'valuation');
        assertSameArray(pdhg.resourcePrice, highs.resourcePrice, 'resourcePrice');
        assertSameArray(pdhg.solution.rowDual, highs.solution.rowDual, 'row dual');
        if (maxAbs(highs.valuation) > 0) compared++;
        t.diagnostic(`unique dual (${vertex.interior} values off their bounds for ${vertex.rows} rows): valuations compared entry by entry, largest ${maxAbs(highs.valuation).toPrecision(3)}`);
      } else {
        t.diagnostic(`degenerate vertex (${vertex.interior} values off their bounds for ${vertex.rows} rows): duals not unique, checked as an optimal dual only`);
      }
    });
  }

  // Measured: 12 of 19 (the 1930 plans and the harmony plans are degenerate: their kinks and ties).
  test('most cases (12) have a unique, non-zero dual, so the valuations themselves were compared', () => {
    assert.ok(compared >= 12, `${compared} of ${CASES.length}`);
  });
});

