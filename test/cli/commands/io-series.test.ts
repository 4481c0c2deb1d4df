import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../../helpers/paths.js';
import { assertUserError, plenty } from '../run-plenty.js';

function withDir(fn: (dir: string) => void): () => void {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenty-io-series-'));
    try {
      fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

interface Measure {
  id: string;
  before: number;
  after: number;
  change: number;
  parts: Record<string, number>;
  residual: number;
}
interface DecompositionDoc {
  status: string;
  identityResidual: number;
  factors: string[];
  destinations: string[];
  measures: Measure[];
}

const ussr = 'examples/ussr-1930/economy.yaml';
const mrio = 'examples/pymrio-test-mrio/economy.yaml';

function json<T>(...args: string[]): T {
  const r = plenty(...args, '--json');
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** Σ of the gross output `plenty analyze` gives for a model (and period). */
function totalOutput(model: string, ...more: string[]): number {
  const doc = json<{ grossOutput: { x: number[] } }>('analyze', model, ...more);
  return doc.grossOutput.x.reduce((a, b) => a + b, 0);
}

function assertIdentity(doc: DecompositionDoc): void {
  assert.equal(doc.status, 'converged');
  assert.ok(doc.identityResidual <= 1e-9, `identity residual ${doc.identityResidual}`);
  for (const m of doc.measures) {
    const sum = Object.values(m.parts).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - m.change) <= 1e-9 * Math.max(1, Math.abs(m.change)), `${m.id}: Σ parts ${sum} vs change ${m.change}`);
    assert.ok(Math.abs(m.after - m.before - m.change) <= 1e-9 * Math.max(1, Math.abs(m.change)));
  }
}

/** A copy of a model as JSON with its targets scaled per region and one coefficient changed: "a later year". */
function laterYear(dir: string, model: string, name: string, scale: (region: string | undefined) => number, change: (t: { consumes: Record<string, number> }) => void): string {
  const json = join(dir, `${name}-base.json`);
  assert.equal(plenty('convert', model, '-o', json).status, 0);
  const e = JSON.parse(readFileSync(json, 'utf8')) as { targets: { amount: number; region?: string }[]; techniques: { consumes: Record<string, number> }[] };
  for (const t of e.targets) t.amount *= scale(t.region);
  change(e.techniques[0]);
  const out = join(dir, `${name}.json`);
  writeFileSync(out, JSON.stringify(e));
  rmSync(json);
  return out;
}

describe('plenty decompose', () => {
  test('two periods of the 1930 model: technology and intensity do not change, the parts sum to the change, first and second equal plenty analyze', () => {
    const doc = json<DecompositionDoc>('decompose', ussr, ussr, '--first-period', '1930', '--second-period', '1933', '--resource', 'urban_labour');
    assertIdentity(doc);
    assert.deepEqual(doc.factors, ['intensity', 'technology', 'level', 'destination', 'mix']);
    assert.deepEqual(doc.measures.map((m) => m.id), ['gross output', 'urban_labour']);
    const [go] = doc.measures;
    assert.equal(go.parts.intensity, 0);
    assert.ok(Math.abs(go.parts.technology) < 1e-6 * go.before);
    assert.ok(Math.abs(go.before - totalOutput(ussr, '--period', '1930')) < 1e-9 * go.before);
    assert.ok(Math.abs(go.after - totalOutput(ussr, '--period', '1933')) < 1e-9 * go.after);
    assert.ok(go.change > 0);
  });

  test(
    'the pymrio test MRIO and a later year of it: every stressor decomposed, the identity holds, the level part is the growth of final demand',
    withDir((dir) => {
      // Final demand 10 % higher everywhere: level explains the whole change of gross output (no other factor moved).
      const later = laterYear(dir, mrio, 'mrio-2001', () => 1.1, () => undefined);
      const doc = json<DecompositionDoc>('decompose', mrio, later);
      assertIdentity(doc);
      assert.deepEqual(doc.destinations, ['reg1', 'reg2', 'reg3', 'reg4', 'reg5', 'reg6', 'unassigned']);
      assert.ok(doc.measures.length > 1);
      for (const m of doc.measures) {
        assert.ok(Math.abs(m.after - 1.1 * m.before) <= 1e-9 * Math.abs(m.after), m.id);
        assert.ok(Math.abs(m.parts.level - m.change) <= 1e-9 * Math.max(1, Math.abs(m.change)), m.id);
      }
      // Growth in one region only, and a coefficient changed: destination and technology parts appear.
      const skewed = laterYear(dir, mrio, 'mrio-2002', (r) => (r === 'reg2' ? 1.5 : 1), (t) => {
        const k = Object.keys(t.consumes)[0];
        t.consumes[k] *= 1.2;
      });
      const d2 = json<DecompositionDoc>('decompose', mrio, skewed);
      assertIdentity(d2);
      const g = d2.measures[0];
      assert.ok(Math.abs(g.parts.destination) > 1e-6 * g.before, `destination ${g.parts.destination}`);
      assert.ok(g.parts.technology > 0, `technology ${g.parts.technology}`);
      assert.ok(g.parts.level > 0 && g.parts.intensity === 0);
      const csv = plenty('decompose', mrio, skewed, '--csv');
      assert.equal(csv.status, 0);
      assert.match(csv.stdout.split('\n')[0], /^measure,unit,first,second,change,intensity,technology,level,destination,mix,sum/);
    }),
  );

  test(
    'models of different classifications: a located error naming the first id that differs',
    withDir((dir) => {
      const r = plenty('decompose', ussr, 'examples/miller-blair/economy.yaml');
      assertUserError(r, /is not of the classification of examples\/ussr-1930\/economy\.yaml: its item 1 is "\w+" where .* has "grain@ukraine"/);
      assertUserError(plenty('decompose', ussr, ussr, '--resource', 'nonsense'), /--resource names no resource/);
      assertUserError(plenty('decompose', ussr, ussr, '--second-period', '1999'), /--second-period names no period/);
      void dir;
    }),
  );
});

describe('plenty regionalise', () => {
  test(
    'the Eurostat Germany 1995 table and a region’s employment by FLQ: the regional model loads, no coefficient rises, its multipliers are the report’s',
    withDir((dir) => {
      const nat = join(dir, 'germany-1995.yaml');
      assert.equal(plenty('import', 'table', fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'), '-o', nat, '--mapping', fixture('cli', 'beutel-mapping.yaml')).status, 0);
      const out = join(dir, 'region.yaml');
      const args = ['regionalise', nat, '--regional', fixture('regional', 'germany-region-employment.csv'), '--method', 'flq', '--delta', '0.3', '--measure', 'factor_inputs/employment_domestic_total', '-o', out];
      const text = plenty(...args);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /Regional coefficients by FLQ \(δ = 0\.3, λ\* = 0\.5769\d+\)/);
      const doc = json<{ lambda: number; share: number; changed: number; entries: number; sectors: { id: string; national: number; regional: number; slq: number; nationalInputs: number; regionalInputs: number; regionalMultiplier: number }[] }>(
        ...args.slice(0, -1),
        join(dir, 'region2.yaml'),
      );
      const R = 4270;
      const N = doc.sectors.reduce((s, x) => s + x.national, 0);
      assert.ok(Math.abs(doc.share - R / N) < 1e-12);
      assert.ok(Math.abs(doc.lambda - Math.log2(1 + R / N) ** 0.3) < 1e-12);
      for (const s of doc.sectors) {
        assert.ok(s.regionalInputs <= s.nationalInputs + 1e-15, s.id);
        assert.ok(Math.abs(s.slq - s.regional / R / (s.national / N)) < 1e-12, s.id);
      }
      assert.equal(doc.changed, doc.entries);
      const check = plenty('check', out);
      assert.equal(check.status, 0, check.stderr);
      // The binary format (checked as bytes, no text on the way): the same model.
      assert.equal(plenty(...args.slice(0, -1), join(dir, 'region.parquet')).status, 0);
      assert.equal(plenty('convert', join(dir, 'region.parquet'), '-o', join(dir, 'back.yaml')).status, 0);
      assert.equal(readFileSync(join(dir, 'back.yaml'), 'utf8'), readFileSync(out, 'utf8'));
      const an = json<{ items: string[]; multipliers: { output: number[] } }>('analyze', out, '--multipliers');
      an.items.forEach((id, i) => {
        const s = doc.sectors.find((x) => x.id === id);
        assert.ok(s !== undefined && Math.abs(s.regionalMultiplier - an.multipliers.output[i]) < 1e-9, id);
      });
    }),
  );

  test(
    'SLQ on the Miller–Blair table with national values in the file; errors name the row',
    withDir((dir) => {
      const model = 'examples/miller-blair/economy.yaml';
      const items = json<{ items: string[] }>('analyze', model).items;
      const csv = join(dir, 'region.csv');
      writeFileSync(csv, `sector,regional,national\n${items[0]},10,100\n${items[1]},40,100\n`);
      const doc = json<{ sectors: { slq: number; nationalInputs: number; regionalInputs: number }[] }>('regionalise', model, '--regional', csv, '--method', 'slq', '-o', join(dir, 'r.yaml'));
      // SLQ = (10/50)/(100/200) = 0.4 and (40/50)/(100/200) = 1.6.
      assert.deepEqual(doc.sectors.map((s) => Number(s.slq.toFixed(12))), [0.4, 1.6]);
      writeFileSync(csv, `sector,regional\n${items[0]},10\nnonsense,4\n`);
      assertUserError(plenty('regionalise', model, '--regional', csv, '--method', 'slq', '-o', join(dir, 'r2.yaml')), /region\.csv,? row 3, column 1.*unknown product "nonsense"/s);
      writeFileSync(csv, `sector,regional\n${items[0]},10\n`);
      assertUserError(plenty('regionalise', model, '--regional', csv, '--method', 'slq', '-o', join(dir, 'r2.yaml')), new RegExp(`sector "${items[1]}" has no row`));
      writeFileSync(csv, `sector,regional\n${items[0]},-1\n`);
      assertUserError(plenty('regionalise', model, '--regional', csv, '--method', 'slq', '-o', join(dir, 'r2.yaml')), /row 2, column 2.*must not be negative/s);
      assertUserError(plenty('regionalise', model, '--regional', csv, '--method', 'lq', '-o', join(dir, 'r2.yaml')), /--method must be slq, cilq or flq/);
      assertUserError(plenty('regionalise', model, '--regional', csv, '--method', 'slq', '--delta', '0.2', '-o', join(dir, 'r2.yaml')), /--delta is the FLQ’s/);
    }),
  );
});

describe('plenty series', () => {
  interface SeriesDoc {
    years: { year: string; source: string }[];
    measures: { id: string; values: (number | null)[] }[];
    analyses: { year: string; grossOutput: { x: number[] } }[];
    decompositions?: (DecompositionDoc & { from: string; to: string })[];
  }

  test('the 1930 model is a series of its four periods: gross output per year equals plenty analyze, decompositions chain to the whole change', () => {
    const doc = json<SeriesDoc>('series', ussr, '--decompose', '--multipliers');
    assert.deepEqual(doc.years.map((y) => y.year), ['1930', '1931', '1932', '1933']);
    const go = doc.measures.find((m) => m.id === 'gross output');
    assert.ok(go !== undefined);
    doc.years.forEach((y, k) => {
      const want = totalOutput(ussr, '--period', y.year);
      assert.ok(Math.abs((go.values[k] ?? NaN) - want) < 1e-9 * want, y.year);
    });
    assert.ok(doc.measures.some((m) => m.id === 'output multiplier of grain@ukraine'));
    assert.equal(doc.decompositions?.length, 3);
    let sum = 0;
    for (const d of doc.decompositions ?? []) {
      assertIdentity(d);
      sum += d.measures[0].change;
    }
    assert.ok(Math.abs(sum - ((go.values[3] ?? 0) - (go.values[0] ?? 0))) < 1e-9 * (go.values[0] ?? 0));
  });

  test(
    'a folder of imported tables, years from the file names; a clash of years or classifications is a located error',
    withDir((dir) => {
      const folder = join(dir, 'years');
      mkdirSync(folder);
      const base = laterYear(dir, mrio, 'base', () => 1, () => undefined);
      writeFileSync(join(folder, 'mrio-1999.json'), readFileSync(base));
      writeFileSync(join(folder, 'mrio-2000.json'), readFileSync(laterYear(dir, mrio, 'y2000', (r) => (r === 'reg1' ? 1.2 : 1), () => undefined)));
      const r = plenty('series', folder, '--footprints', '--decompose', '--json');
      assert.equal(r.status, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as SeriesDoc;
      assert.deepEqual(doc.years.map((y) => y.year), ['1999', '2000']);
      assert.ok(doc.measures.some((m) => m.id.startsWith('footprint of reg1 in ')));
      assertIdentity(doc.decompositions?.[0] as DecompositionDoc);
      const text = plenty('series', folder);
      assert.equal(text.status, 0);
      assert.match(text.stdout, /Over the years 1999–2000/);
      writeFileSync(join(folder, 'other-2000.json'), readFileSync(base));
      assertUserError(plenty('series', folder), /both the year 2000/);
      rmSync(join(folder, 'other-2000.json'));
      assertUserError(plenty('series', folder, ussr), /is not of the classification/);
      assertUserError(plenty('series', base), /say which year .*base\.json is/);
    }),
  );
});
