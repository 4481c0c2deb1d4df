import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repoRoot } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

const MRIO = 'examples/pymrio-test-mrio/economy.yaml';
const MB = 'examples/miller-blair/economy.yaml';

interface Row {
  row: string;
  of: string;
  value: number;
  mean: number;
  median: number;
  p025: number;
  p975: number;
}
interface Doc {
  status: string;
  draws: number;
  regions: string[];
  footprints: Row[];
  multipliers: Row[];
}

function golden(name: string, actual: string): void {
  const file = join(repoRoot, 'test', 'cli', 'golden', name);
  const text = actual.replace(/\d+ iterations/g, 'N iterations').replace(/relative residual \d\.\d\de[-+]\d+/g, (m) => (Number(m.split(' ')[2]) <= 1e-6 ? 'relative residual ≤ 1e-6' : m));
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `output differs from golden file ${name}`);
}

const json = (...args: string[]): Doc => {
  const r = plenty('uncertainty', ...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Doc;
};
const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('plenty uncertainty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-uncertainty-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("zero spread on pymrio's test MRIO: every summary is the deterministic value, and equals plenty analyze's footprints and multipliers", () => {
    const doc = json(MRIO, '--rsd', '0', '--draws', '3');
    assert.equal(doc.status, 'converged');
    const a = plenty('analyze', MRIO, '--footprints', '--multipliers', '--json');
    assert.equal(a.status, 0, a.stderr);
    const an = JSON.parse(a.stdout) as { items: string[]; footprints: { regions: string[]; rows: Record<string, number[]> }; multipliers: { output: number[]; rows: Record<string, { total: number[] }> } };
    assert.deepEqual(doc.regions, an.footprints.regions);
    assert.equal(doc.footprints.length, Object.keys(an.footprints.rows).length * doc.regions.length);
    for (const f of doc.footprints) {
      const want = an.footprints.rows[f.row][an.footprints.regions.indexOf(f.of)];
      for (const v of [f.value, f.mean, f.median, f.p025, f.p975]) assert.ok(close(v, want, 1e-10), `${f.row} ${f.of}: ${v} vs ${want}`);
    }
    for (const m of doc.multipliers) {
      const i = an.items.indexOf(m.of);
      const want = m.row === 'output' ? an.multipliers.output[i] : an.multipliers.rows[m.row].total[i];
      for (const v of [m.value, m.mean, m.median, m.p025, m.p975]) assert.ok(close(v, want, 1e-10), `${m.row} ${m.of}: ${v} vs ${want}`);
    }
  });

  test('seeded and reproducible; the 95% interval brackets the median and, for the footprints, the deterministic value', () => {
    const args = [MRIO, '--rsd', '0.1', '--demand-rsd', '0.05', '--extension-rsd', '0.05', '--draws', '200', '--seed', '7'];
    const a = json(...args);
    const b = json(...args);
    const c = json(MRIO, '--rsd', '0.1', '--demand-rsd', '0.05', '--extension-rsd', '0.05', '--draws', '200', '--seed', '8');
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.footprints, c.footprints);
    for (const f of [...a.footprints, ...a.multipliers]) assert.ok(f.p025 <= f.median && f.median <= f.p975, `${f.row} ${f.of}`);
    for (const f of a.footprints) assert.ok(f.p025 < f.value && f.value < f.p975, `${f.row} ${f.of}: ${f.value} outside [${f.p025}, ${f.p975}]`);
  });

  test('a table of draws: the drawn coefficient is what each draw solves (Miller–Blair, against the 2 × 2 inverse)', () => {
    const file = join(dir, 'draws.csv');
    writeFileSync(file, 'draw,row,column,value\n1,sector_1,sector_1,0.1\n2,sector_1,sector_1,0.3\n');
    const doc = json(MB, '--draws-table', file);
    assert.equal(doc.draws, 2);
    // Labour multipliers m = l (I − A)⁻¹ with a11 = 0.1 and 0.3 (a21 = 0.2, a12 = 0.25, a22 = 0.05; l = 0.3, 0.25).
    const labour = (a11: number): number => {
      const [b11, b12, b21, b22] = [1 - a11, -0.25, -0.2, 0.95];
      const det = b11 * b22 - b12 * b21;
      return (0.3 * b22 - 0.25 * b21) / det; // m_1 = (l1 b22 − l2 b21) / det
    };
    const m1 = doc.multipliers.find((m) => m.row === 'labour' && m.of === 'sector_1');
    assert.ok(m1 !== undefined);
    const [lo, hi] = [labour(0.1), labour(0.3)];
    assert.ok(close(m1.mean, (lo + hi) / 2, 1e-12), `${m1.mean} vs ${(lo + hi) / 2}`);
    assert.ok(close(m1.p025, lo + 0.025 * (hi - lo), 1e-12));
    assert.ok(close(m1.p975, lo + 0.975 * (hi - lo), 1e-12));
  });

  test('Miller–Blair (golden text)', () => {
    const r = plenty('uncertainty', MB, '--rsd', '0.1', '--draws', '100', '--seed', '3');
    assert.equal(r.status, 0, r.stderr);
    golden('uncertainty-miller-blair.txt', r.stdout);
  });

  test('bad options and tables are located errors', () => {
    assertUserError(plenty('uncertainty', MB), /--rsd/);
    assertUserError(plenty('uncertainty', MB, '--rsd', '0.1', '--distribution', 'cauchy'), /--distribution must be lognormal or normal/);
    assertUserError(plenty('uncertainty', MB, '--rsd', '-1'), /--rsd must be a relative standard deviation/);
    assertUserError(plenty('uncertainty', MB, '--rsd', '0.1', '--draws', '0'), /--draws must be a whole number/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'draw,row,column,value\n1,sector_1,sector_1,0.1\n1,nope,sector_1,0.2\n');
    assertUserError(plenty('uncertainty', MB, '--draws-table', bad), /bad\.csv row 3, column 2: --draws-table: the row names no product and no resource/);
    writeFileSync(bad, 'draw,from,to,value\n');
    assertUserError(plenty('uncertainty', MB, '--draws-table', bad), /row 1.*header draw,row,column,value/);
    writeFileSync(bad, 'draw,row,column,value\n1,sector_1,sector_1,-0.1\n');
    assertUserError(plenty('uncertainty', MB, '--draws-table', bad), /row 2, column 4.*≥ 0/);
  });
});
