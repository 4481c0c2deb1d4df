import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeEconomy, type AnalysisRequest } from '../../src/analysis/index.js';
import { compileEconomy, leontiefSystem, planActivities } from '../../src/compile/index.js';
import { loadEconomy } from '../../src/model/index.js';
import { inputErrorOf } from '../helpers/input-error.js';
import { repoRoot } from '../helpers/paths.js';
import { assertClose } from '../leontief/assert-close.js';
import { dense, leontiefInverse } from './dense.js';

// Type II effects of whole models (src/analysis/type-ii-effects.ts through analyzeEconomy): the
// households' column and row taken from the model, every effect against a dense closed inverse
// computed here. Miller & Blair's published closed inverse is reproduced in test/leontief/type-ii.test.ts.

const names = { labour: 'labour', income: 'income', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' };
const typeIINames = { consumption: 'householdConsumption', income: 'householdIncome' };

async function model(example: string): Promise<{ economy: Awaited<ReturnType<typeof loadEconomy>>; c: ReturnType<typeof compileEconomy> }> {
  const economy = await loadEconomy(join(repoRoot, 'examples', example, 'economy.yaml'));
  return { economy, c: compileEconomy(economy) };
}

interface Quantity {
  name: string;
  direct: number[];
  firstRound: number[];
  industrialSupport: number[];
  induced: number[];
  typeI: number[];
  typeII: number[];
  typeIRatio: (number | null)[];
  typeIIRatio: (number | null)[];
}
interface TypeIIJson {
  status: string;
  category: string;
  income: string;
  totalIncome: number;
  consumption: Float64Array;
  quantities: Quantity[];
}

function run(economy: Awaited<ReturnType<typeof loadEconomy>>, c: ReturnType<typeof compileEconomy>, typeII: { consumption?: string; income?: string }): TypeIIJson {
  const req: AnalysisRequest = { typeII: { ...typeII, names: typeIINames }, tolerance: 1e-13, maxIterations: 5000, names };
  const r = analyzeEconomy(economy, c, req);
  assert.deepEqual(r.failures, []);
  return r.json.typeII as TypeIIJson;
}

/** Every effect of every quantity against the dense closed inverse L̄ of [[A, c], [h, 0]]. */
function checkAgainstDense(economy: Awaited<ReturnType<typeof loadEconomy>>, c: ReturnType<typeof compileEconomy>, t: TypeIIJson): void {
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const A = dense(sys.A);
  const P = dense(sys.primary);
  const n = A.length;
  const h = P[c.resources.index.get(t.income) ?? -1];
  const closed = [...A.map((row, i) => [...row, t.consumption[i]]), [...h, 0]];
  const Lbar = leontiefInverse(closed);
  const L = leontiefInverse(A);
  const rowOf = (name: string): number[] => (name === 'output' ? new Array<number>(n).fill(1) : P[c.resources.index.get(name) ?? -1]);
  for (const q of t.quantities) {
    const e = rowOf(q.name);
    const open = Array.from({ length: n }, (_, j) => e.reduce((s, ei, i) => s + ei * L[i][j], 0));
    const total = Array.from({ length: n }, (_, j) => (q.name === t.income ? Lbar[n][j] : e.reduce((s, ei, i) => s + ei * Lbar[i][j], 0)));
    const scale = Math.max(...total.map(Math.abs), 1e-300);
    assertClose(q.typeI, open, 1e-9, 1e-12 * scale, `${q.name} Type I`);
    assertClose(q.typeII, total, 1e-9, 1e-12 * scale, `${q.name} Type II`);
    assertClose(q.direct, e, 0, 0, `${q.name} direct`);
    for (let j = 0; j < n; j++) {
      // The parts add up, and Type II ≥ Type I (non-negative coefficients): the issue's identities.
      assert.ok(Math.abs(q.direct[j] + q.firstRound[j] + q.industrialSupport[j] - q.typeI[j]) <= 1e-12 * scale, `${q.name}[${j}]: parts`);
      assert.ok(q.typeII[j] >= q.typeI[j] - 1e-12 * scale, `${q.name}[${j}]: Type II ${q.typeII[j]} below Type I ${q.typeI[j]}`);
      if (q.direct[j] !== 0) assert.ok(Math.abs((q.typeIIRatio[j] ?? Number.NaN) - q.typeII[j] / q.direct[j]) <= 1e-12 * Math.abs(q.typeII[j] / q.direct[j]));
      else assert.equal(q.typeIIRatio[j], null);
    }
  }
}

describe('Type II effects of a model', () => {
  test('pymrio’s test MRIO: households’ column from the final-use category found by name, income = value added; every effect equals the dense closed inverse', async () => {
    const { economy, c } = await model('pymrio-test-mrio');
    const t = run(economy, c, { income: 'factor_inputs/Value Added' });
    assert.equal(t.status, 'converged');
    assert.equal(t.category, 'Final consumption expenditure by households');
    assert.deepEqual(
      t.quantities.map((q) => q.name),
      ['output', 'factor_inputs/Value Added', 'emissions/emission_type1', 'emissions/emission_type2'],
    );
    // c · (h·x) is the households' final use, item by item.
    const spending = new Float64Array(c.items.ids.length);
    for (const target of economy.targets) if (target.category === t.category) spending[c.items.index.get(target.product) ?? -1] += target.amount;
    assertClose(Array.from(t.consumption, (v) => v * t.totalIncome), spending, 1e-12, 1e-9, 'households’ spending');
    checkAgainstDense(economy, c, t);
  });

  test('the 1930 example: households’ category found by name, income = urban labour; every effect equals the dense closed inverse', async () => {
    const { economy, c } = await model('ussr-1930');
    const t = run(economy, c, { income: 'urban_labour' });
    assert.equal(t.category, 'households');
    assert.equal(t.quantities.length, c.resources.ids.length + 1);
    checkAgainstDense(economy, c, t);
  });

  test('bad choices are located errors before anything is solved', async () => {
    const { economy, c } = await model('ussr-1930');
    const none = inputErrorOf(() => run(economy, c, {}));
    assert.deepEqual(none.issues[0].location.path, ['householdIncome']);
    assert.match(none.issues[0].message, /households' income .*urban_labour/);
    const wrong = inputErrorOf(() => run(economy, c, { income: 'urban_labour', consumption: 'tourists' }));
    assert.deepEqual(wrong.issues[0].location.path, ['householdConsumption']);
    assert.equal(wrong.issues[0].value, 'tourists');
    const mb = await model('miller-blair');
    const noHouseholds = inputErrorOf(() => run(mb.economy, mb.c, { income: 'labour' }));
    assert.match(noHouseholds.issues[0].message, /categories: final_demand/);
  });
});
