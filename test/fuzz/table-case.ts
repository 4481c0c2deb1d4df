import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../../src/model/import/index.js';
import { fixture } from '../helpers/paths.js';
import { millerBlairCsv } from '../model/import/tables.js';
import { HOSTILE_STRINGS } from './hostile.js';
import { gridText, mutateGrid, type Grid } from './grid.js';
import type { CaseOptions } from './model-case.js';
import { encodeText, mutateBytes, pickEncoding } from './mutate-bytes.js';
import { mutateTree } from './mutate-tree.js';
import { caseSeed, Rng } from './rng.js';
import { fromPlain, Obj, toJsonText, toYamlText, type Node } from './tree.js';

/** A file of a table case (a path relative to the case's folder); `folder` marks a folder in the place of a file. */
export interface TableFile {
  readonly path: string;
  readonly bytes: Buffer | 'folder';
}

export interface TableCase {
  readonly seed: number;
  readonly index: number;
  readonly kind: 'table' | 'pymrio';
  /** The table file or the pymrio folder, relative to the case's folder. */
  readonly input: string;
  readonly files: readonly TableFile[];
  /** Flags of `plenty import` (output, mapping relative to the case's folder). */
  readonly flags: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
}

const SECTORS = ['agriculture', 'mining', 'manufacturing', 'energy', 'construction', 'trade', 'transport', 'services', 'finance', 'public'];
const FINAL = ['household consumption', 'government consumption', 'gfcf', 'exports', 'final demand', 'inventory change'];

/** A small balanced symmetric table with its mapping, as a grid: Z, final demand, value added and output rows. */
function syntheticTable(rng: Rng): { grid: Grid; mapping: Node } {
  const n = rng.chance(0.05) ? rng.between(20, 60) : rng.between(2, 6);
  const labels = Array.from({ length: n }, (_, i) => (i < SECTORS.length ? SECTORS[i] : `sector_${i}`));
  const fd = FINAL.slice(0, rng.between(1, 3));
  const Z = labels.map(() => labels.map(() => (rng.chance(0.3) ? 0 : rng.between(0, 100))));
  const Y = labels.map(() => fd.map(() => rng.between(n * 100, n * 300)));
  const x = labels.map((_, i) => Z[i].reduce((s, v) => s + v, 0) + Y[i].reduce((s, v) => s + v, 0));
  const va = labels.map((_, j) => x[j] - Z.reduce((s, row) => s + row[j], 0));
  const withTotal = rng.chance(0.5);
  const header = [rng.pick(['sector', '', 'product']), ...labels, ...fd, ...(withTotal ? ['total output'] : [])];
  const grid: Grid = [header];
  labels.forEach((l, i) => grid.push([l, ...Z[i].map(String), ...Y[i].map(String), ...(withTotal ? [String(x[i])] : [])]));
  const blank = fd.map(() => '');
  if (rng.chance(0.5)) grid.push(['value added', ...va.map(String), ...blank, ...(withTotal ? [''] : [])]);
  else {
    const wages = va.map((v) => Math.floor(v / 2));
    grid.push(['compensation of employees', ...wages.map(String), ...blank, ...(withTotal ? [''] : [])]);
    grid.push(['taxes', ...va.map((v, j) => String(v - wages[j])), ...blank, ...(withTotal ? [''] : [])]);
  }
  if (rng.chance(0.3)) grid.push(['employment', ...labels.map(() => String(rng.between(1, 50))), ...blank, ...(withTotal ? [''] : [])]);
  grid.push(['total output', ...x.map(String), ...blank, ...(withTotal ? [''] : [])]);
  const mapping: [string, Node][] = [];
  if (rng.chance(0.4)) mapping.push(['products', labels]);
  if (rng.chance(0.4)) mapping.push(['final_demand', fd]);
  if (rng.chance(0.4)) mapping.push(['output_row', 'total output']);
  if (rng.chance(0.5)) mapping.push(['unit', rng.pick(['EUR million', 'USD', ''])]);
  if (rng.chance(0.2)) mapping.push(['primary_units', new Obj([['employment', '1000 persons']])]);
  if (rng.chance(0.2)) mapping.push(['label_column', rng.chance(0.5) ? 1 : header[0]]);
  return { grid, mapping: new Obj(mapping) };
}

function fixtureGrid(name: string, text: string, delimiter: ',' | '\t'): Grid {
  return parseDelimited(text, name, { delimiter }).rows.map((r) => [...r.cells]);
}

const fixtures = new Map<string, { grid: Grid; mapping: Node }>();

/** The importers' fixtures as grids, with the mapping each needs. */
function fixtureTable(name: 'miller-blair' | 'cockshott' | 'beutel'): { grid: Grid; mapping: Node } {
  let f = fixtures.get(name);
  if (f === undefined) {
    if (name === 'miller-blair') f = { grid: fixtureGrid(name, millerBlairCsv, ','), mapping: new Obj([]) };
    else if (name === 'cockshott') f = { grid: fixtureGrid(name, readFileSync(fixture('cockshott-5yearplan', 'flows.csv'), 'utf8'), ','), mapping: new Obj([]) };
    else {
      const text = readFileSync(fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'), 'utf8');
      f = { grid: fixtureGrid(name, text, ','), mapping: new Obj([['label_column', 'iotables_row'], ['unit', 'EUR million']]) };
    }
    fixtures.set(name, f);
  }
  return { grid: f.grid.map((r) => [...r]), mapping: f.mapping };
}

/** A small multi-regional system in the layout of pymrio's test system: file name → grid. */
function syntheticPymrio(rng: Rng): Map<string, Grid> {
  const regions = ['reg1', 'reg2', 'reg3'].slice(0, rng.between(1, 3));
  const sectors = SECTORS.slice(0, rng.between(1, 3));
  const cats = ['Final consumption expenditure by households', 'Gross fixed capital formation'].slice(0, rng.between(1, 2));
  const products = regions.flatMap((r) => sectors.map((s) => [r, s]));
  const fdCols = regions.flatMap((r) => cats.map((c) => [r, c]));
  const unit = 'Mill USD';
  const matrix = (labelCols: number, top: string[][], rows: string[][], value: () => number): Grid => [
    ...top.map((h) => [...new Array<string>(labelCols).fill(''), ...h]),
    ...rows.map((lab) => [...lab, ...top[0].map(() => String(value()))]),
  ];
  const files = new Map<string, Grid>();
  files.set('trade_flows_Z.txt', matrix(3, [products.map((p) => p[0]), products.map((p) => p[1])], products.map((p) => [...p, unit]), () => rng.between(0, 100)));
  files.set('finald_demand_Y.txt', matrix(3, [fdCols.map((p) => p[0]), fdCols.map((p) => p[1])], products.map((p) => [...p, unit]), () => rng.between(500, 2000)));
  if (rng.chance(0.7)) {
    files.set('emissions.txt', matrix(3, [products.map((p) => p[0]), products.map((p) => p[1])], [['emission_type1', 'air', 'kg']], () => rng.between(0, 1e6)));
    if (rng.chance(0.7)) files.set('FDemissions.txt', matrix(3, [fdCols.map((p) => p[0]), fdCols.map((p) => p[1])], [['emission_type1', 'air', 'kg']], () => rng.between(0, 1e5)));
  }
  if (rng.chance(0.7)) files.set('factor_input.txt', matrix(2, [products.map((p) => p[0]), products.map((p) => p[1])], [['Value Added', unit]], () => rng.between(100, 1000)));
  if (rng.chance(0.6)) files.set('population.txt', [['', ...regions], ['Population', ...regions.map(() => String(rng.between(1e5, 1e9)))]]);
  return files;
}

function fixturePymrio(): Map<string, Buffer> {
  const dir = fixture('pymrio-test-mrio', 'mrio_data');
  return new Map(readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f))]));
}

const HOSTILE_FLAG_TEXT = ['', ' ', 'a@b', '@', 'x y', '\ud800', '💥', 'constructor', '0', '-1', '1.5', '1e308', 'x'.repeat(300)];

function importFlags(rng: Rng, kind: 'table' | 'pymrio', input: string, hasMapping: boolean): Record<string, string> {
  const flags: Record<string, string> = {};
  flags.output = rng.weighted([
    [20, 'out.yaml'],
    [6, 'out.json'],
    [1, 'missing-folder/out.yaml'],
    [1, '.'],
    [1, input],
    [0.5, 'out.yaml/'],
  ]);
  if (hasMapping) flags.mapping = 'mapping.yaml';
  if (kind === 'table' && rng.chance(0.3)) flags.region = rng.chance(0.5) ? rng.pick(['north', 'de']) : rng.pick(HOSTILE_FLAG_TEXT);
  if (rng.chance(0.2)) flags.name = rng.chance(0.5) ? 'Imported' : rng.pick(HOSTILE_FLAG_TEXT);
  if (rng.chance(0.15)) flags.priority = rng.chance(0.5) ? '2' : rng.pick([...HOSTILE_FLAG_TEXT, 'NaN', 'Infinity']);
  return flags;
}

function tableCaseOf(rng: Rng, notes: string[]): { files: TableFile[]; input: string; hasMapping: boolean } {
  const base = rng.weighted([
    [6, 'synthetic'],
    [2, 'miller-blair'],
    [1, 'cockshott'],
    [1, 'beutel'],
  ] as const);
  const { grid, mapping } = base === 'synthetic' ? syntheticTable(rng) : fixtureTable(base);
  notes.push(`table from ${base}`);
  if (rng.chance(0.85)) notes.push(...mutateGrid(grid, rng, rng.weighted([[6, 1], [3, 2], [1, 4]])));
  const delimiter = rng.weighted([
    [6, ','],
    [2, '\t'],
    [1, ';'],
  ]);
  const input = delimiter === '\t' ? 'table.tsv' : 'table.csv';
  let bytes = encodeText(gridText(grid, delimiter, rng.chance(0.95)), rng.chance(0.3) ? pickEncoding(rng) : 'utf8', rng);
  if (rng.chance(0.15)) {
    const [b, done] = mutateBytes(bytes, rng, rng.between(1, 3));
    bytes = b;
    notes.push(...done);
  }
  const files: TableFile[] = [{ path: input, bytes }];
  const wantMapping = mapping instanceof Obj && (mapping.entries.length > 0 || rng.chance(0.1));
  if (wantMapping) {
    const m = fromPlain(JSON.parse(toJsonText(mapping)) as unknown);
    if (rng.chance(0.3)) notes.push(...mutateTree(m, rng, 1, { yaml: true, maxArray: 40, deep: rng.chance(0.2) }).map((x) => `mapping: ${x}`));
    files.push({ path: 'mapping.yaml', bytes: encodeText(rng.chance(0.5) ? toYamlText(m) : toJsonText(m), rng.chance(0.1) ? pickEncoding(rng) : 'utf8', rng) });
  }
  return { files, input, hasMapping: wantMapping };
}

function pymrioCaseOf(rng: Rng, notes: string[], heavy: boolean): { files: TableFile[]; input: string } {
  const folder = 'mrio';
  const files = new Map<string, Buffer | 'folder'>();
  if (rng.chance(heavy ? 0.15 : 0.03)) {
    // The test system itself, byte-mutated in one file.
    const fx = fixturePymrio();
    const name = rng.pick([...fx.keys()]);
    const [b, done] = mutateBytes(fx.get(name) as Buffer, rng, rng.between(1, 3));
    fx.set(name, b);
    notes.push(`pymrio test system, ${name}: ${done.join('; ')}`);
    for (const [k, v] of fx) files.set(k, v);
  } else {
    const grids = syntheticPymrio(rng);
    notes.push(`synthetic pymrio ${[...grids.keys()].join(', ')}`);
    const names = [...grids.keys()];
    const changed = rng.chance(0.8) ? rng.pick(names) : undefined;
    if (changed !== undefined) notes.push(...mutateGrid(grids.get(changed) as Grid, rng, rng.weighted([[6, 1], [3, 2], [1, 4]])).map((m) => `${changed}: ${m}`));
    for (const [name, g] of grids) files.set(name, encodeText(gridText(g, '\t'), name === changed && rng.chance(0.3) ? pickEncoding(rng) : 'utf8', rng));
    files.set('metadata.json', Buffer.from(JSON.stringify({ name: rng.chance(0.8) ? 'fuzz mrio' : rng.pick(HOSTILE_STRINGS), system: 'pxp' })));
  }
  // Damage to the folder itself.
  const damage = rng.weighted([
    [10, 'none'],
    [1, 'drop'],
    [1, 'empty'],
    [1, 'folder'],
    [1, 'orphan'],
    [1, 'case'],
    [1, 'metadata'],
  ] as const);
  const names = [...files.keys()];
  const victim = rng.pick(names);
  if (damage === 'drop') files.delete(victim);
  else if (damage === 'empty') files.set(victim, Buffer.alloc(0));
  else if (damage === 'folder') files.set(victim, 'folder');
  else if (damage === 'orphan') files.set('FDnothing.txt', files.get('emissions.txt') ?? Buffer.from('x\n'));
  else if (damage === 'case') {
    const b = files.get(victim) as Buffer | 'folder';
    files.delete(victim);
    files.set(victim.toUpperCase(), b);
  } else if (damage === 'metadata') {
    const meta = fromPlain({ name: 'fuzz', files: { Z: { name: 'trade_flows_Z.txt' } } }) as Obj;
    notes.push(...mutateTree(meta, rng, 2, { yaml: false, maxArray: 40, deep: rng.chance(0.3) }).map((m) => `metadata: ${m}`));
    files.set(rng.chance(0.5) ? 'metadata.json' : 'file_parameters.json', Buffer.from(toJsonText(meta)));
  }
  if (damage !== 'none') notes.push(`folder damage: ${damage} ${victim}`);
  return { files: [{ path: folder, bytes: 'folder' }, ...[...files].map(([name, b]) => ({ path: `${folder}/${name}`, bytes: b }))], input: folder };
}

/** The table case number `index` of a campaign with `seed`: a symmetric table (CSV/TSV) or a pymrio folder, with import flags. */
export function tableCase(seed: number, index: number, options: CaseOptions): TableCase {
  const rng = new Rng(caseSeed(seed, 'tables', index));
  const notes: string[] = [];
  const kind = rng.chance(0.55) ? 'table' : 'pymrio';
  if (kind === 'table') {
    const { files, input, hasMapping } = tableCaseOf(rng, notes);
    return { seed, index, kind, input, files, flags: importFlags(rng, kind, input, hasMapping), notes };
  }
  const { files, input } = pymrioCaseOf(rng, notes, options.heavy);
  return { seed, index, kind, input, files, flags: importFlags(rng, kind, input, false), notes };
}
