import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadAnyModel } from '../../../src/cli/load-model.js';
import { compileEconomy, leontiefSystem, planActivities } from '../../../src/compile/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

const MRIO = 'examples/pymrio-test-mrio/economy.yaml';
const USSR = 'examples/ussr-1930/economy.yaml';

/** Compares with a golden file (written when missing or with UPDATE_GOLDEN=1; review the diff). */
function golden(name: string, actual: string): void {
  const file = join(repoRoot, 'test', 'cli', 'golden', name);
  const text = actual.replace(/\d+ iterations/g, 'N iterations').replace(/relative residual \d\.\d\de[-+]\d+/g, (m) => (Number(m.split(' ')[2]) < 1e-9 ? 'relative residual < 1e-9' : m));
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

/** x = (I − A)⁻¹ b by Gaussian elimination with partial pivoting (dense, small n). */
function solveDense(A: Float64Array, n: number, b: Float64Array, transposed: boolean): Float64Array {
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i * n + j] = (i === j ? 1 : 0) - (transposed ? A[j * n + i] : A[i * n + j]);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k]) > Math.abs(M[p * n + k])) p = i;
    for (let j = 0; j < n; j++) [M[k * n + j], M[p * n + j]] = [M[p * n + j], M[k * n + j]];
    [x[k], x[p]] = [x[p], x[k]];
    for (let i = k + 1; i < n; i++) {
      const f = M[i * n + k] / M[k * n + k];
      for (let j = k; j < n; j++) M[i * n + j] -= f * M[k * n + j];
      x[i] -= f * x[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= M[i * n + j] * x[j];
    x[i] = s / M[i * n + i];
  }
  return x;
}

interface Reference {
  ids: string[];
  n: number;
  A: Float64Array;
  s: Float64Array;
  y: Float64Array;
}

/** The pymrio test MRIO's A, emission_type1 row and reg2's final demand, dense, from the model file. */
async function reference(): Promise<Reference> {
  const economy = await loadAnyModel(join(repoRoot, MRIO));
  const c = compileEconomy(economy);
  const sys = leontiefSystem(c, economy.plan !== undefined ? { activity: planActivities(c, economy.plan).activity } : {});
  const n = c.items.ids.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let p = sys.A.rowPtr[i]; p < sys.A.rowPtr[i + 1]; p++) A[i * n + sys.A.colIdx[p]] = sys.A.values[p];
  const r = c.resources.index.get('emissions/emission_type1') ?? -1;
  const s = new Float64Array(n);
  const P = sys.primary;
  assert.ok(P !== undefined && r >= 0);
  for (let p = P.rowPtr[r]; p < P.rowPtr[r + 1]; p++) s[P.colIdx[p]] = P.values[p];
  const y = new Float64Array(n);
  const reg2 = c.regions.index.get('reg2');
  for (let t = 0; t < c.targets.item.length; t++) if (c.targets.region[t] === reg2 && c.targets.item[t] >= 0) y[c.targets.item[t]] += c.targets.amount[t];
  return { ids: [...c.items.ids], n, A, s, y };
}

interface PathJson {
  rank: number;
  items: string[];
  value: number;
  share: number;
  cumulative: number;
}

describe('plenty paths', () => {
  let ref: Reference;
  let total: number;
  before(async () => {
    ref = await reference();
    const x = solveDense(ref.A, ref.n, ref.y, false);
    total = ref.s.reduce((acc, v, i) => acc + v * x[i], 0);
  });

  /** The value of a chain from the dense matrices: y_{j0} a_{j1 j0} ⋯ a_{jt jt−1} s_{jt}. */
  const chainValue = (items: string[]): number => {
    const idx = items.map((id) => ref.ids.indexOf(id));
    let v = ref.y[idx[0]];
    for (let k = 1; k < idx.length; k++) v *= ref.A[idx[k] * ref.n + idx[k - 1]];
    return v * ref.s[idx[idx.length - 1]];
  };

  test("pymrio's test MRIO, emission_type1 behind reg2's final demand: the total and every path equal the dense reference; shares add up", () => {
    const r = plenty('paths', MRIO, '--resource', 'emissions/emission_type1', '--region', 'reg2', '--top', '50', '--depth', '5', '--json');
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { total: number; covered: number; complete: boolean; paths: PathJson[]; demand: string; unit: string };
    assert.equal(doc.demand, "reg2's final demand");
    assert.equal(doc.unit, 'kg');
    assert.ok(Math.abs(doc.total - total) <= 1e-10 * total, `${doc.total} vs ${total}`);
    assert.equal(doc.paths.length, 50);
    let cum = 0;
    doc.paths.forEach((p, k) => {
      const want = chainValue(p.items);
      assert.ok(Math.abs(p.value - want) <= 1e-12 * want, `path ${p.items.join(' ← ')}: ${p.value} vs ${want}`);
      assert.ok(Math.abs(p.share - want / total) <= 1e-10 * p.share);
      if (k > 0) assert.ok(p.value <= doc.paths[k - 1].value, 'ranked largest first');
      cum += p.share;
      assert.ok(Math.abs(p.cumulative - cum) <= 1e-12);
    });
    assert.ok(Math.abs(doc.covered - cum) <= 1e-12);
    assert.equal(doc.complete, true);
  });

  test('with every path listed, the paths sum to s (I + A + … + A^d) y: depth 0 and 1 against the dense reference', () => {
    let power = Float64Array.from(ref.y); // A^k y
    let partial = 0;
    for (let d = 0; d <= 1; d++) {
      partial += ref.s.reduce((acc, v, i) => acc + v * power[i], 0);
      const r = plenty('paths', MRIO, '--resource', 'emissions/emission_type1', '--region', 'reg2', '--top', '10000', '--depth', String(d), '--json');
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as { total: number; covered: number; paths: PathJson[] };
      const sum = doc.paths.reduce((acc, p) => acc + p.value, 0);
      assert.ok(Math.abs(sum - partial) <= 1e-10 * partial, `depth ${d}: ${sum} vs ${partial}`);
      assert.ok(doc.covered < 1 && doc.covered > 0);
      const next = new Float64Array(ref.n);
      for (let i = 0; i < ref.n; i++) for (let j = 0; j < ref.n; j++) next[i] += ref.A[i * ref.n + j] * power[j];
      power = next;
    }
  });

  test('a product: the paths decompose its multiplier (one unit of its final demand)', () => {
    const r = plenty('paths', MRIO, '--resource', 'emissions/emission_type1', '--product', 'reg1/food', '--top', '5', '--json');
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { total: number; paths: PathJson[] };
    const j = ref.ids.indexOf('reg1/food');
    const m = solveDense(ref.A, ref.n, ref.s, true);
    assert.ok(Math.abs(doc.total - m[j]) <= 1e-10 * m[j]);
    assert.deepEqual(doc.paths[0].items.slice(0, 1), ['reg1/food']);
  });

  test('the 1930 example, urban labour behind Moscow–Leningrad’s final demand (golden text); gross output as CSV', () => {
    const r = plenty('paths', USSR, '--resource', 'urban_labour', '--region', 'moscow_leningrad', '--top', '12');
    assert.equal(r.status, 0, r.stderr);
    golden('paths-ussr-1930.txt', r.stdout);
    const csv = plenty('paths', USSR, '--top', '3', '--csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^rank,path,depth,value,share,cumulative/m);
    assert.equal(csv.stdout.trim().split('\n').filter((l) => /^\d/.test(l)).length, 3);
  });

  test('bad options are located errors', () => {
    assertUserError(plenty('paths', MRIO, '--region', 'atlantis'), /--region.*names no region/);
    assertUserError(plenty('paths', MRIO, '--resource', 'smoke'), /--resource.*names no resource/);
    assertUserError(plenty('paths', MRIO, '--region', 'reg1', '--product', 'reg1/food'), /at most one of --region, --product and --demand/);
    assertUserError(plenty('paths', MRIO, '--top', '0'), /--top must be a whole number/);
    assertUserError(plenty('paths', MRIO, '--depth', 'deep'), /--depth must be a number/);
    assertUserError(plenty('paths', MRIO, '--threshold', '1.5'), /--threshold must be a share/);
  });
});
