import { basename } from 'node:path';
import type { ReadInputOptions } from '../../read-input-file.js';
import { DEFAULT_STRESSOR_UNIT } from '../default-units.js';
import { splitNegativeStressors } from '../split-negative-stressors.js';
import type { IoExtension, IoTable } from '../types.js';
import { axisLayout, labelRows, satelliteLabels, valueAddedLabels, type AxisLayout, type StressorLabel } from './eora26-labels.js';
import { findEora26Files, type Eora26Files, type Eora26Prices, type FileRef } from './eora26-files.js';
import { readNumberGrid } from '../scan-number-grid.js';

/** Unit of Eora's monetary flows, which its files do not state: thousands of US dollars (Eora's FAQ). */
export const EORA26_DEFAULT_UNIT = 'thousand USD';

export interface Eora26Options extends ReadInputOptions {
  /** The year to read (four digits); needed when the download holds several. */
  readonly year?: string;
  /** Basic prices (`bp`, the default when both are there) or purchasers' prices (`pp`). */
  readonly prices?: Eora26Prices;
  /** Unit of the flows and of value added; default "thousand USD". */
  readonly unit?: string;
  /**
   * Negative entries of VA and Q (subsidies, for one): `split` (the default) moves them to a
   * stressor of their own, sign reversed, so that the table becomes a model
   * (splitNegativeStressors); `keep` leaves them as published, and negative intermediate flows
   * with them (for the accounts computed on the table itself, mrioAccounts, as pymrio does).
   */
  readonly negatives?: 'split' | 'keep';
}

/** pymrio's labels of the rows of the VA and Q extensions, by stressor id (for comparisons with pymrio). */
export type Eora26PymrioLabels = ReadonlyMap<string, readonly [string, string]>;

/**
 * Reads Eora26 as published (worldmrio.com): the tables `Eora26_{year}_{bp|pp}_{T,FD,VA,Q,QY}.txt`
 * (tab-separated numbers without labels) and the label files `labels_T.txt`, `labels_FD.txt`,
 * `labels_VA.txt`, `labels_Q.txt`, from the year's zip, its folder, or a folder of several years
 * (findEora26Files), into a multi-regional table: regions by Eora's country codes, its 26 sectors,
 * its final-demand categories, value added as the extension `VA` (in the unit of the flows) and
 * the satellite accounts as `Q` with their final-demand part QY and the units the labels give.
 *
 * As pymrio's parse_eora26 does, the rest of the world (ROW, where Eora books its statistical
 * discrepancies) is dropped from rows and columns; so are sectors and categories named
 * "Statistical discrepancies" where a release has them. The notes say what was read, guessed and
 * dropped (with the amounts dropped). Gross output is rowsum T + rowsum FD of what is kept.
 * Every cell is a located InputError if it is not a number; a negative intermediate flow is one
 * (unless `negatives: 'keep'`), negative final demand is kept (it becomes plan imports), negative
 * VA and Q entries are split (options.negatives).
 */
export async function readEora26(path: string, options: Eora26Options = {}): Promise<IoTable> {
  const files = await findEora26Files(path, { ...(options.year === undefined ? {} : { year: options.year }), ...(options.prices === undefined ? {} : { prices: options.prices }) });
  try {
    return await readFiles(files, path, options);
  } finally {
    await files.close();
  }
}

/** pymrio's two-level labels of each row of VA and Q (group and component; stressor and source), by our stressor id. */
export async function eora26PymrioLabels(path: string, options: Eora26Options = {}): Promise<Eora26PymrioLabels> {
  const files = await findEora26Files(path, { ...(options.year === undefined ? {} : { year: options.year }), ...(options.prices === undefined ? {} : { prices: options.prices }) });
  try {
    const labels = await readStressorLabels(files, options);
    return new Map([...labels.va, ...labels.q].map((l) => [l.id, l.labels]));
  } finally {
    await files.close();
  }
}

const where = (ref: FileRef): string => ref.source.where(ref.name);

async function readStressorLabels(files: Eora26Files, options: Eora26Options): Promise<{ va: StressorLabel[]; q: StressorLabel[] }> {
  const rows = async (ref: FileRef) => labelRows(await ref.source.readText(ref.name, options.encoding), where(ref));
  return {
    va: valueAddedLabels(await rows(files.labels.VA), where(files.labels.VA), options.unit ?? EORA26_DEFAULT_UNIT),
    q: satelliteLabels(await rows(files.labels.Q), where(files.labels.Q), DEFAULT_STRESSOR_UNIT),
  };
}

async function readFiles(files: Eora26Files, path: string, options: Eora26Options): Promise<IoTable> {
  const rows = async (ref: FileRef) => labelRows(await ref.source.readText(ref.name, options.encoding), where(ref));
  const products = axisLayout(await rows(files.labels.T), where(files.labels.T), 'sector');
  const demand = axisLayout(await rows(files.labels.FD), where(files.labels.FD), 'category', products);
  const { va, q } = await readStressorLabels(files, options);
  const N = products.position.length;
  const M = demand.position.length;
  const keep = options.negatives === 'keep';
  const tLabels = `${basename(files.labels.T.name)} lists ${N} products`;
  const fdLabels = `${basename(files.labels.FD.name)} lists ${M} final-demand columns`;

  const grid = async (ref: FileRef, r: number, c: number, because: string, negative?: (i: number, j: number) => string | undefined) =>
    readNumberGrid(await ref.source.stream(ref.name), where(ref), { rows: r, columns: c, because, ...(negative === undefined ? {} : { negative }) });
  const kept = (i: number, j: number): boolean => products.position[i] >= 0 && products.position[j] >= 0;
  const T = await grid(files.tables.T, N, N, `${tLabels} as its rows and columns`, keep ? undefined : (i, j) => (kept(i, j) ? 'intermediate flow is negative, which the model format has no place for' : undefined));
  const FD = await grid(files.tables.FD, N, M, `${tLabels} as its rows, ${fdLabels}`);
  const VA = await grid(files.tables.VA, va.length, N, `${basename(files.labels.VA.name)} lists ${va.length} rows, ${tLabels}`);
  const Q = await grid(files.tables.Q, q.length, N, `${basename(files.labels.Q.name)} lists ${q.length} rows, ${tLabels}`);
  const QY = await grid(files.tables.QY, q.length, M, `${basename(files.labels.Q.name)} lists ${q.length} rows, ${fdLabels}`);

  const n = products.regions.length * products.inner.length;
  const K = demand.regions.length * demand.inner.length;
  const all = (m: number): Int32Array => Int32Array.from({ length: m }, (_, i) => i);
  const z = compact(T, N, N, products.position, products.position, n, n);
  const y = compact(FD, N, M, products.position, demand.position, n, K);
  const fVa = compact(VA, va.length, N, all(va.length), products.position, va.length, n);
  const fQ = compact(Q, q.length, N, all(q.length), products.position, q.length, n).out;
  const fQy = compact(QY, q.length, M, all(q.length), demand.position, q.length, K).out;

  const unit = options.unit ?? EORA26_DEFAULT_UNIT;
  const toStressors = (labels: readonly StressorLabel[]) => labels.map((l) => ({ id: l.id, unit: l.unit }));
  let extensions: IoExtension[] = [
    { name: 'VA', stressors: toStressors(va), F: fVa.out },
    { name: 'Q', stressors: toStressors(q), F: fQ, FY: fQy },
  ];
  const read = [
    `Eora26 ${files.year} in ${files.prices === 'bp' ? 'basic prices' : "purchasers' prices"} (${files.prices}): ${basename(files.tables.T.name)} and the other tables from ${files.tables.T.source.path === path ? path : `${files.tables.T.source.path} in ${path}`}`,
    `T: ${n} × ${n} intermediate flows, ${products.regions.length} regions (${summary(products.regions)}) × ${products.inner.length} sectors, labels from ${basename(files.labels.T.name)}`,
    `FD: ${demand.inner.length} final-demand categories per region (${demand.inner.join('; ')})`,
    `VA: ${va.length} value-added rows as the extension VA, in ${unit}`,
    `Q: ${q.length} satellite rows as the extension Q, with QY (their final-demand part) and the units in ${basename(files.labels.Q.name)}`,
  ];
  if (!keep) {
    extensions = extensions.map((e) => {
      const s = splitNegativeStressors(e);
      if (s.split.length > 0) read.push(`${e.name}: ${s.split.length} row(s) with negative entries split into the positive part and "… (negative part)", sign reversed (published = part − negative part): ${summary(s.split)}`);
      return s.extension;
    });
  }
  const guessed = [...files.guessed];
  if (options.unit === undefined) guessed.push(`flows and value added in "${EORA26_DEFAULT_UNIT}": Eora states no unit, and its FAQ gives thousands of US dollars (pymrio writes "Mill USD"); --unit sets another`);
  return {
    name: `Eora26 ${files.year} ${files.prices}`,
    unit,
    regions: products.regions,
    sectors: products.inner,
    Z: z.out,
    categories: demand.inner,
    Y: y.out,
    extensions,
    notes: { read, guessed, dropped: droppedNotes(products, demand, unit, { T: z.lost, FD: y.lost, VA: fVa.lost }) },
  };
}

/** The first and last few of a long list. */
function summary(list: readonly string[]): string {
  return list.length <= 8 ? list.join(', ') : `${list.slice(0, 4).join(', ')}, …, ${list.slice(-2).join(', ')}`;
}

/**
 * The rows `rowPos[i] ≥ 0` and columns `colPos[j] ≥ 0` of a dense `rows × cols` matrix, placed at
 * those positions in a `outRows × outCols` matrix; `lost` sums what was left out.
 */
function compact(values: Float64Array, rows: number, cols: number, rowPos: Int32Array, colPos: Int32Array, outRows: number, outCols: number): { out: Float64Array; lost: number } {
  const out = new Float64Array(outRows * outCols);
  let lost = 0;
  for (let i = 0; i < rows; i++) {
    const r = rowPos[i];
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const c = colPos[j];
      if (r >= 0 && c >= 0) out[r * outCols + c] = values[base + j];
      else lost += values[base + j];
    }
  }
  return { out, lost };
}

/** What was dropped, with why and how much of each table went with it. */
function droppedNotes(products: AxisLayout, demand: AxisLayout, unit: string, lost: Readonly<Record<'T' | 'FD' | 'VA', number>>): string[] {
  const notes: string[] = [];
  const rest = products.dropped.filter((d) => d.why === 'rest-of-world');
  if (rest.length > 0 || demand.dropped.some((d) => d.why === 'rest-of-world')) {
    notes.push(
      `region ROW (Eora's rest of the world, where it books its statistical discrepancies; pymrio's parse_eora26 drops it too): its ${rest.length} row(s) and column(s) of T (${rest.map((d) => d.inner).join(', ')}), its rows of FD, its ${demand.dropped.filter((d) => d.why === 'rest-of-world').length} final-demand column(s) of FD and QY, its column(s) of VA and Q`,
    );
  }
  for (const d of products.dropped.filter((x) => x.why === 'discrepancy')) notes.push(`sector "${d.inner}" of ${d.region} (statistical discrepancies, not a flow): its row and column of T, its row of FD, its column of VA and Q`);
  for (const d of demand.dropped.filter((x) => x.why === 'discrepancy')) notes.push(`final-demand category "${d.inner}" of ${d.region} (statistical discrepancies): its column of FD and QY`);
  if (notes.length > 0) {
    const fmt = (v: number): string => (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(4) : String(Math.round(v * 1000) / 1000));
    notes.push(`amounts dropped with them (sums of the cells left out, in ${unit}): T ${fmt(lost.T)}, FD ${fmt(lost.FD)}, VA ${fmt(lost.VA)}`);
  }
  return notes;
}
