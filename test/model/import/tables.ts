import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSymmetricTable, readEora26, readExiobase3, readPymrioFolder, readSymmetricTable, singleRegionTable, type ImporterKind, type ImporterOptions, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';
import { eora26Input } from './eora26/eora26-inputs.js';
import { readSupplyUseTables } from '../../../src/model/import/sut/import-sut.js';
import { sutInputs, sutSupply, sutUse } from './sut/sut-inputs.js';
import { gloriaInputs, gloriaMock } from './gloria/gloria-inputs.js';
import { readGloria } from '../../../src/model/import/gloria/import-gloria.js';
import { readBea } from '../../../src/model/import/bea/import-bea.js';
import { beaInputs, beaIo, beaSup, DETAIL_SUPPLY, SUMMARY_SUPPLY } from './bea/bea-inputs.js';
import { figaroInputs, mrioCases, oecdInputs, wiodInputs } from './mrio-inputs.js';

/** Miller and Blair (2009), ch. 2, two sectors, as a small CSV with CRLF line ends. */
export const millerBlairCsv = [
  'sector,agriculture,manufacturing,final demand,total output',
  'agriculture,150,500,350,1000',
  'manufacturing,200,100,1700,2000',
  'value added,650,1400,,2050',
  'total output,1000,2000,2050,',
].join('\r\n');

/**
 * Every importer on its fixture: the cases of the shared importer suite. `monetary`: flows in one
 * money unit, so that column sums of A (cost shares) are below 1; Cockshott's table is in physical
 * units (its bread column sums to 1.2) and is productive all the same.
 */
export const importerCases: readonly { readonly name: string; readonly load: () => Promise<IoTable>; readonly monetary: boolean }[] = [
  { name: 'symmetric table: Eurostat Germany 1995', load: () => readSymmetricTable(fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'), { unit: 'EUR million' }), monetary: true },
  { name: 'symmetric table: Cockshott flows', load: () => readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv')), monetary: false },
  { name: 'symmetric table: Miller and Blair', load: () => Promise.resolve(parseSymmetricTable(millerBlairCsv, 'miller-blair.csv')), monetary: true },
  ...['six-sectors-semicolon.csv', 'three-sector-flows.csv', 'analytical-127.csv', 'national-56.tsv', 'five-label-columns.csv'].map((file) => ({
    name: `symmetric table of issue 10 without a mapping: ${file}`,
    load: () => readSymmetricTable(fixture('io-tables', file)),
    monetary: true,
  })),
  { name: 'pymrio folder: test MRIO', load: () => readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data')), monetary: true },
  { name: 'Eora26: 3 regions × 26 sectors and ROW', load: () => readEora26(fixture('eora26')), monetary: true },
  { name: 'Eora26: one region cut out (--region BRA)', load: async () => singleRegionTable(await readEora26(fixture('eora26')), 'BRA', 'eora26'), monetary: true },
  { name: 'EXIOBASE 3.4 pxp (folder, A and Y only)', load: () => readExiobase3(exiobase34), monetary: true },
  { name: 'EXIOBASE 3.8 pxp (zip)', load: () => readExiobase3(exiobase38), monetary: true },
  { name: 'EXIOBASE 3.10 ixi (folder)', load: () => readExiobase3(exiobase310), monetary: true },
  { name: 'EXIOBASE 3.10 ixi read for a model', load: () => readExiobase3(exiobase310, { forModel: true }), monetary: true },
  { name: 'GLORIA: the mock of pymrio’s tests', load: () => readGloria(gloriaMock), monetary: true },
  { name: 'BEA make and use tables, summary', load: () => readBea(beaIo), monetary: true },
  { name: 'BEA make and use tables, detail, model D', load: () => readBea(beaIo, { level: 'detail', model: 'D' }), monetary: true },
  { name: 'BEA supply and use tables, summary', load: () => readBea(join(beaSup, SUMMARY_SUPPLY)), monetary: true },
  { name: 'BEA supply and use tables, detail', load: () => readBea(join(beaSup, DETAIL_SUPPLY)), monetary: true },
  ...(['A', 'B', 'C', 'D'] as const).map((model) => ({ name: `supply and use tables, model ${model}`, load: () => readSupplyUseTables(sutSupply, { use: sutUse, model, ...(model === 'A' ? { negatives: 'almon' as const } : {}) }), monetary: true })),
  ...mrioCases,
];

const exiobase34 = fixture('exiobase3', '3.4', 'IOT_2009_pxp');
const exiobase38 = fixture('exiobase3', '3.8', 'IOT_2011_pxp.zip');
const exiobase310 = fixture('exiobase3', '3.10', 'IOT_2011_ixi');

/**
 * The EXIOBASE 3.10 fixture copied into `dir`, with `edit` applied to the text of `file` (a path
 * inside the download); returns the copy's path.
 */
async function exiobaseCopy(dir: string, file?: string, edit?: (text: string) => string): Promise<string> {
  const path = join(dir, 'IOT_2011_ixi');
  await cp(exiobase310, path, { recursive: true });
  if (file !== undefined && edit !== undefined) await writeFile(join(path, file), edit(await readFile(join(path, file), 'utf8')));
  return path;
}

/** `text` with line `line` (1-based) replaced by `edit(line)`. */
function editLine(text: string, line: number, edit: (l: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  return lines.join('\n');
}

/** A small pymrio folder in the layout of pymrio's test system (tab-separated, two header rows). */
export interface PymrioSketch {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  /** Rows of Z as cell texts, n × n (n = regions × sectors). */
  readonly Z: readonly (readonly string[])[];
  /** Rows of Y as cell texts, n × regions (one category). */
  readonly Y: readonly (readonly string[])[];
  /** The unit label column of Z and Y; absent: no unit column. */
  readonly unit?: string;
  /** One emissions row (n cells), in kg. */
  readonly emissions?: readonly string[];
}

/** Writes `sketch` into `dir` as trade_flows_Z.txt, finald_demand_Y.txt and, if given, emissions.txt. */
export async function writePymrioSketch(dir: string, sketch: PymrioSketch): Promise<void> {
  const labels: string[][] = [];
  for (const r of sketch.regions) for (const s of sketch.sectors) labels.push([r, s]);
  const lead = sketch.unit === undefined ? 2 : 3;
  const blank = (k: number): string[] => new Array<string>(k).fill('');
  const rowOf = (k: number, cells: readonly string[]): string => [...labels[k], ...(sketch.unit === undefined ? [] : [sketch.unit]), ...cells].join('\t');
  const z = [
    [...blank(lead), ...labels.map((l) => l[0])].join('\t'),
    [...blank(lead), ...labels.map((l) => l[1])].join('\t'),
    ...sketch.Z.map((cells, k) => rowOf(k, cells)),
  ];
  const y = [[...blank(lead), ...sketch.regions].join('\t'), [...blank(lead), ...sketch.regions.map(() => 'household')].join('\t'), ...sketch.Y.map((cells, k) => rowOf(k, cells))];
  await writeFile(join(dir, 'trade_flows_Z.txt'), `${z.join('\n')}\n`);
  await writeFile(join(dir, 'finald_demand_Y.txt'), `${y.join('\n')}\n`);
  if (sketch.emissions !== undefined) {
    const e = [[...blank(3), ...labels.map((l) => l[0])].join('\t'), [...blank(3), ...labels.map((l) => l[1])].join('\t'), ['co2', 'air', 'kg', ...sketch.emissions].join('\t')];
    await writeFile(join(dir, 'emissions.txt'), `${e.join('\n')}\n`);
  }
}

/** Two regions × two sectors with positive flows, final demand and emissions. */
const sketch: PymrioSketch = {
  regions: ['north', 'south'],
  sectors: ['farm', 'mill'],
  unit: 'M EUR',
  Z: [
    ['10', '20', '1', '2'],
    ['5', '10', '1', '1'],
    ['1', '2', '10', '20'],
    ['1', '1', '5', '10'],
  ],
  Y: [
    ['70', '5'],
    ['80', '5'],
    ['5', '70'],
    ['5', '80'],
  ],
  emissions: ['3', '4', '5', '6'],
};

/** `sketch` with cell (i, j) of Z set to `text`. */
function sketchWithZ(i: number, j: number, text: string): PymrioSketch {
  return { ...sketch, Z: sketch.Z.map((row, r) => (r === i ? row.map((c, k) => (k === j ? text : c)) : row)) };
}

/** One input of an importer, and what must come of it: a model that loads, or an InputError located in the input. */
export interface ImporterInput {
  readonly name: string;
  /** `either`: the importer may refuse it (located) or write a model that loads. */
  readonly expect: 'loads' | 'refused' | 'either';
  /** Writes the input into the scratch folder `dir`; returns the path to import (and options that name other files written). */
  readonly write: (dir: string) => Promise<string | { readonly path: string; readonly options: ImporterOptions }>;
  readonly options?: ImporterOptions;
}

async function tableInput(dir: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, 'table.csv');
  await writeFile(path, text);
  return path;
}

async function pymrioInput(dir: string, s: PymrioSketch): Promise<string> {
  await writePymrioSketch(dir, s);
  return dir;
}

/**
 * Inputs for every importer (a kind without inputs does not compile): good tables, and tables with
 * what the model format has no place for. The shared suite imports each and checks that what is
 * written loads, or that the import is refused with a location in the input.
 */
export const importerInputs: Readonly<Record<ImporterKind, readonly ImporterInput[]>> = {
  oecd: oecdInputs,
  figaro: figaroInputs,
  wiod: wiodInputs,
  table: [
    { name: 'Miller and Blair without a mapping (flows in "money")', expect: 'loads', write: (dir) => tableInput(dir, millerBlairCsv) },
    { name: 'Cockshott flows without a mapping', expect: 'loads', write: async () => Promise.resolve(fixture('cockshott-5yearplan', 'flows.csv')) },
    { name: 'Eurostat Germany with the CLI mapping', expect: 'loads', write: async () => Promise.resolve(fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv')), options: { mapping: fixture('cli', 'beutel-mapping.yaml') } },
    { name: 'negative final demand (plan imports)', expect: 'loads', write: (dir) => tableInput(dir, 'sector,a,b,households,inventories,total\na,10,20,80,-10,100\nb,30,40,90,20,180\nvalue added,60,120,,,180\ntotal,100,180,170,10,\n') },
    { name: 'a product without output', expect: 'loads', write: (dir) => tableInput(dir, 'sector,a,b,final demand\na,0,1,1\nb,0,1,4\nlabour,0,2,\noutput,0,6,\n') },
    { name: 'negative intermediate flow', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv.replace('200,100', '200,-100')) },
    { name: 'negative primary input (split into two accounts)', expect: 'loads', write: (dir) => tableInput(dir, 'sector,a,b,households,total\na,10,20,70,100\nb,30,40,110,180\nwages,80,100,,180\nnet taxes,-20,20,,0\ntotal,100,180,180,\n') },
    { name: 'a product label with "@"', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv.replaceAll('manufacturing', 'a@b')) },
    { name: 'a region with "@"', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv), options: { region: 'a@b' } },
    { name: 'a cell beyond 1e30', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv.replace('150,500', '150,2e30')) },
    { name: 'a NaN cell', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv.replace('150,500', '150,NaN')) },
    { name: 'Latin-1 bytes', expect: 'refused', write: (dir) => tableInput(dir, latin1(millerBlairCsv.replaceAll('manufacturing', 'café'))) },
    { name: 'Latin-1 bytes read as latin1', expect: 'loads', write: (dir) => tableInput(dir, latin1(millerBlairCsv.replaceAll('manufacturing', 'café'))), options: { encoding: 'latin1' } },
    ...['six-sectors-semicolon.csv', 'three-sector-flows.csv', 'analytical-127.csv', 'national-56.tsv', 'five-label-columns.csv'].map((file) => ({ name: `${file} of issue 10 without a mapping`, expect: 'loads' as const, write: async () => Promise.resolve(fixture('io-tables', file)) })),
    { name: 'Eurostat Germany without a mapping', expect: 'loads', write: async () => Promise.resolve(fixture('eurostat-germany-1995', 'Beutel_15_4.csv')) },
    { name: 'a ragged row', expect: 'refused', write: (dir) => tableInput(dir, millerBlairCsv.replace('200,100,1700,2000', '200,100,1700')) },
    { name: 'a stated total the sums disagree with', expect: 'refused', write: (dir) => tableInput(dir, 'sector,a,b,final demand,total\na,10,20,70,100\nb,30,40,110,190\nvalue added,60,120,,180\ntotal,100,180,180,\n') },
    { name: 'decimal commas read with --decimal ,', expect: 'loads', write: (dir) => tableInput(dir, 'sector;a;b;final demand\na;1,5;2;6,5\nb;1;1,25;7,75\nwages;7,5;6,75;\noutput;10;10;\n'), options: { tableReading: { decimal: ',' } } },
    { name: 'decimal commas read without --decimal', expect: 'refused', write: (dir) => tableInput(dir, 'sector;a;b;final demand\na;1,5;2;6,5\nb;1;1,25;7,75\nwages;7,5;6,75;\noutput;10;10;\n') },
    // Coefficients z / x beyond 1e30: refused where the loader applies the magnitude rule to them.
    { name: 'an output so small that a coefficient is huge', expect: 'either', write: (dir) => tableInput(dir, 'sector,a,b,final demand\na,1e20,1,1\nb,1,1,4\nlabour,1,2,\noutput,1e-20,6,\n') },
  ],
  pymrio: [
    { name: 'the pymrio test system', expect: 'loads', write: async () => Promise.resolve(fixture('pymrio-test-mrio', 'mrio_data')) },
    { name: 'a small system', expect: 'loads', write: (dir) => pymrioInput(dir, sketch) },
    { name: 'one region of the test system (--region reg2)', expect: 'loads', write: async () => Promise.resolve(fixture('pymrio-test-mrio', 'mrio_data')), options: { region: 'reg2' } },
    { name: 'no unit column (flows in "money")', expect: 'loads', write: (dir) => pymrioInput(dir, { regions: sketch.regions, sectors: sketch.sectors, Z: sketch.Z, Y: sketch.Y }) },
    { name: 'a negative cell of Z', expect: 'refused', write: (dir) => pymrioInput(dir, sketchWithZ(1, 2, '-1')) },
    { name: 'a NaN cell of Z', expect: 'refused', write: (dir) => pymrioInput(dir, sketchWithZ(0, 0, 'nan')) },
    { name: 'a cell of Z beyond 1e30', expect: 'refused', write: (dir) => pymrioInput(dir, sketchWithZ(3, 3, '-4e31')) },
    { name: 'a negative emission', expect: 'refused', write: (dir) => pymrioInput(dir, { ...sketch, emissions: ['3', '-4', '5', '6'] }) },
    { name: 'a region label with "@"', expect: 'refused', write: (dir) => pymrioInput(dir, { ...sketch, regions: ['north', 'so@uth'] }) },
    // Ids that differ as labels but meet as product ids (region/sector): only the loader's check sees it.
    { name: 'labels whose product ids collide', expect: 'refused', write: (dir) => pymrioInput(dir, { ...sketch, regions: ['a/b', 'a'], sectors: ['c', 'b/c'] }) },
  ],
  eora26: [
    { name: 'the committed download (folder)', expect: 'loads', write: async () => Promise.resolve(fixture('eora26')) },
    eora26Input('the year’s zip', 'loads', { zip: true }),
    eora26Input('a missing label file', 'refused', { drop: 'labels_Q.txt' }),
    eora26Input('a truncated zip', 'refused', { zip: true, truncate: true }),
    eora26Input('a ragged row', 'refused', { edit: ['Eora26_2010_bp_FD.txt', (t) => t.replace(/\t[^\t\n]+\n/, '\n')] }),
    eora26Input('an unknown country code', 'refused', { edit: ['labels_FD.txt', (t) => t.replace('\tSUD\t', '\tSDN\t')] }),
    eora26Input('a cell that is not a number', 'refused', { edit: ['Eora26_2010_bp_Q.txt', (t) => t.replace(/^[^\t]+/, 'NaN')] }),
    eora26Input('a negative intermediate flow', 'refused', { edit: ['Eora26_2010_bp_T.txt', (t) => `-3${t.slice(t.indexOf('\t'))}`] }),
    eora26Input('a country code with "@"', 'refused', { edit: ['labels_T.txt', (t) => t.replaceAll('\tAUS\t', '\tA@S\t')] }),
    eora26Input('CRLF line ends and a price basis given', 'loads', { eol: '\r\n' }, { prices: 'bp', year: '2010' }),
    eora26Input('a missing table file', 'refused', { drop: 'Eora26_2010_bp_QY.txt' }),
    eora26Input('one region of the download (--region SUD)', 'loads', {}, { region: 'SUD' }),
    eora26Input('a region that is not in the download', 'refused', {}, { region: 'SDN' }),
  ],
  exiobase3: [
    { name: '3.4 pxp folder (A and Y only)', expect: 'loads', write: async () => Promise.resolve(exiobase34) },
    { name: '3.4 pxp zip', expect: 'loads', write: async () => Promise.resolve(fixture('exiobase3', '3.4', 'IOT_2009_pxp.zip')) },
    { name: '3.8 pxp zip (negative operating surplus split)', expect: 'loads', write: async () => Promise.resolve(exiobase38) },
    { name: '3.10 ixi folder', expect: 'loads', write: async () => Promise.resolve(exiobase310) },
    {
      name: 'a folder of two years, --year picks one',
      expect: 'loads',
      write: async (dir) => {
        await exiobaseCopy(dir);
        await cp(exiobase34, join(dir, 'IOT_2009_pxp'), { recursive: true });
        return dir;
      },
      options: { year: '2011' },
    },
    {
      name: 'a folder of two years without --year',
      expect: 'refused',
      write: async (dir) => {
        await exiobaseCopy(dir);
        await cp(exiobase38, join(dir, 'IOT_2011_pxp.zip'));
        return dir;
      },
    },
    { name: 'a year the folder does not hold', expect: 'refused', write: (dir) => exiobaseCopy(dir), options: { year: '2019' } },
    {
      name: 'a missing file (Y.txt)',
      expect: 'refused',
      write: async (dir) => {
        const path = await exiobaseCopy(dir);
        await rm(join(path, 'Y.txt'));
        return path;
      },
    },
    {
      name: 'a truncated zip',
      expect: 'refused',
      write: async (dir) => {
        const bytes = await readFile(exiobase38);
        const path = join(dir, 'IOT_2011_pxp.zip');
        await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return path;
      },
    },
    { name: 'a ragged row of Z', expect: 'refused', write: (dir) => exiobaseCopy(dir, 'Z.txt', (t) => editLine(t, 5, (l) => l.slice(0, l.lastIndexOf('\t')))) },
    { name: 'an unknown region code in Y', expect: 'refused', write: (dir) => exiobaseCopy(dir, 'Y.txt', (t) => editLine(t, 1, (l) => l.replace('\tDE\t', '\tXX\t'))) },
    { name: 'a cell of x that is not a number', expect: 'refused', write: (dir) => exiobaseCopy(dir, 'x.txt', (t) => editLine(t, 3, (l) => l.replace(/\t[^\t]*$/, '\t12,5'))) },
    { name: 'a negative flow in Z', expect: 'refused', write: (dir) => exiobaseCopy(dir, 'Z.txt', (t) => editLine(t, 4, (l) => l.replace('\t23697.221\t', '\t-23697.221\t'))) },
    { name: 'a cell of F beyond 1e30', expect: 'refused', write: (dir) => exiobaseCopy(dir, join('air_emissions', 'F.txt'), (t) => editLine(t, 4, (l) => l.replace(/\t[^\t]*$/, '\t2e31'))) },
    { name: 'a stressor with a negative entry (split)', expect: 'loads', write: (dir) => exiobaseCopy(dir, join('employment', 'F.txt'), (t) => editLine(t, 4, (l) => l.replace(/\t[^\t]*$/, '\t-1'))) },
  ],
  sut: sutInputs,
  gloria: gloriaInputs,
  bea: beaInputs,
};

/** `text` encoded as Latin-1 (every character below U+0100 as one byte). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}
