import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/commands/import.js';
import { loadColumnarEconomy } from '../../src/model/binary/index.js';
import type { ColumnarEconomy } from '../../src/model/types.js';
import { relativeTo, worstEntryDifference } from '../check.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';
import { gloriaLabels, SyntheticGloria, type GloriaShape } from './write-download.js';

/** A coefficient or number of the model counts as the download's within this relative difference. */
export const AGREEMENT = 1e-12;

/** One kind of number of the model against the download's: how many of each, and the largest relative difference. */
export interface Checked {
  readonly got: number;
  readonly expected: number;
  readonly worst: number;
}

/** What `plenty import gloria DOWNLOAD -o MODEL` measured and what the model held (printed as the last line, JSON). */
export interface GloriaImportResult {
  /** `folder`: -o DIR/ (a binary model folder, format 2); `parquet`: -o MODEL.parquet. */
  readonly output: 'folder' | 'parquet';
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakBytes: number;
  /** Bytes of the model written (the folder's files together). */
  readonly modelBytes: number;
  readonly products: Checked;
  readonly resources: Checked;
  /** Input coefficients a_ij = U[i, j] / x_j. */
  readonly inputs: Checked;
  /** Value-added and satellite coefficients V[·, j] / x_j and TQ[·, j] / x_j. */
  readonly resourceUses: Checked;
  /** Final demand (targets) and the satellites' final-demand part (direct use), as in Y and YQ. */
  readonly targets: Checked;
  readonly directUse: Checked;
  /** The sum of all input coefficients (to compare with a reference's A). */
  readonly inputSum: number;
  /** Seconds of the check (the generator's two passes, loading the model, every comparison). */
  readonly checkSeconds: number;
  /** Why the model does not count as the download's; empty when it does. */
  readonly problems: readonly string[];
}

/** Bytes of a file, or of every file under a folder. */
async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

/**
 * Compares the imported model with the synthetic download it was imported from, every number
 * recomputed from the generator's cells (no matrix is read back from the files): products
 * `REGION/sector` (one technique each, of the same id), a_ij = U[i, j] / x_j with x_j the row sums
 * of U and Y (GLORIA's supply is diagonal, so model B's Z is U), the resources `VA/REGION/name`
 * and `Q/indicator` (none split into a negative part: the synthetic is non-negative) with
 * V[·, j] / x_j and TQ[·, j] / x_j, the targets (Y) and the direct use (YQ).
 */
export function checkGloriaModel(model: ColumnarEconomy, economy: SyntheticGloria): Omit<GloriaImportResult, 'output' | 'seconds' | 'cpuSeconds' | 'peakBytes' | 'modelBytes' | 'checkSeconds'> {
  const { R, S, F, A, K, n, x } = economy;
  const labels = gloriaLabels(economy.shape);
  const problems: string[] = [];
  const productOf = new Map<string, number>();
  for (let g = 0; g < n; g++) productOf.set(`${labels.regions[Math.floor(g / S)]}/${labels.sectors[g % S]}`, g);
  const regionOf = new Map(labels.regions.map((r, i) => [r, i]));
  const categoryOf = new Map(labels.finalDemand.map((f, i) => [f, i]));
  const lookup = (ids: readonly { id: string }[], what: string): Int32Array => {
    const out = new Int32Array(ids.length);
    let missing = 0;
    ids.forEach((p, i) => {
      out[i] = productOf.get(p.id) ?? -1;
      if (out[i] < 0 && missing++ < 3) problems.push(`${what} ${JSON.stringify(p.id)} is no product of the download`);
    });
    return out;
  };
  const product = lookup(model.products, 'product');
  const technique = lookup(model.techniques, 'technique');
  if (new Set(product).size !== model.products.length) problems.push('a product is given twice');
  const c = model.coefficients;

  // Every technique makes its own product, one unit of it.
  let producesOwn = true;
  for (let i = 0; i < c.produces.rows; i++) {
    for (let p = c.produces.rowPtr[i]; p < c.produces.rowPtr[i + 1]; p++) if (technique[c.produces.colIdx[p]] !== product[i] || c.produces.values[p] !== 1) producesOwn = false;
  }
  if (!producesOwn || c.produces.values.length !== n) problems.push(`the techniques do not each make one unit of their own product (${c.produces.values.length} outputs)`);

  const at = (a: Int32Array, i: number): number => (a[i] < 0 ? NaN : a[i]);
  const inputs: Checked = {
    got: c.consumes.values.length,
    expected: economy.nonZerosU,
    worst: worstEntryDifference(c.consumes, (i, t) => economy.use(at(product, i), at(technique, t)) / x[at(technique, t)]),
  };
  let inputSum = 0;
  for (let p = 0; p < c.consumes.values.length; p++) inputSum += c.consumes.values[p];

  // Resources: VA/REGION/name (row region · A + a of V) and Q/indicator (row q of TQ and YQ).
  const resourceRow = new Map<string, { kind: 'V' | 'Q'; row: number }>();
  labels.regions.forEach((r, ri) => labels.valueAdded.forEach((a, ai) => resourceRow.set(`VA/${r}/${a}`, { kind: 'V', row: ri * A + ai })));
  labels.satellites.forEach((s, q) => resourceRow.set(`Q/${s.indicator}`, { kind: 'Q', row: q }));
  const resource = model.resources.map((r) => resourceRow.get(r.id));
  const unknown = model.resources.filter((_, i) => resource[i] === undefined);
  if (unknown.length > 0) problems.push(`${unknown.length} resources are not the download's (${unknown.slice(0, 3).map((r) => JSON.stringify(r.id)).join(', ')})`);
  let expectedUses = 0;
  for (let row = 0; row < R * A; row++) for (let s = 0; s < S; s++) if (economy.valueAdded(row, Math.floor(row / A) * S + s) !== 0) expectedUses++;
  for (let q = 0; q < K; q++) for (let g = 0; g < n; g++) if (economy.satellite(q, g) !== 0) expectedUses++;
  const resourceUses: Checked = {
    got: c.uses.values.length,
    expected: expectedUses,
    worst: worstEntryDifference(c.uses, (row, t) => {
      const r = resource[row];
      const g = at(technique, t);
      if (r === undefined) return NaN;
      return (r.kind === 'V' ? economy.valueAdded(r.row, g) : economy.satellite(r.row, g)) / x[g];
    }),
  };

  // Targets: Y's cells by product and the buying region's category.
  const tg = model.targets;
  let worstTarget = 0;
  for (let k = 0; k < tg.amount.length; k++) {
    const g = at(product, tg.product[k]);
    const r = tg.region[k] < 0 ? undefined : regionOf.get(model.regions[tg.region[k]].id);
    const f = tg.category[k] < 0 ? undefined : categoryOf.get(tg.categories[tg.category[k]]);
    const d = r === undefined || f === undefined ? Infinity : relativeTo(tg.amount[k], economy.finalDemand(g, r * F + f));
    if (!(d <= worstTarget)) worstTarget = d;
  }
  const targets: Checked = { got: tg.amount.length, expected: economy.nonZerosY, worst: worstTarget };

  // Direct use: YQ's cells by satellite and the region's category.
  let worstDirect = 0;
  for (const u of model.directUse) {
    const r = resourceRow.get(u.resource);
    const region = u.region === undefined ? undefined : regionOf.get(u.region);
    const f = u.category === undefined ? undefined : categoryOf.get(u.category);
    const d = r?.kind !== 'Q' || region === undefined || f === undefined ? Infinity : relativeTo(u.amount, economy.finalSatellite(r.row, region * F + f));
    if (!(d <= worstDirect)) worstDirect = d;
  }
  let expectedDirect = 0;
  for (let q = 0; q < K; q++) for (let col = 0; col < R * F; col++) if (economy.finalSatellite(q, col) !== 0) expectedDirect++;
  const directUse: Checked = { got: model.directUse.length, expected: expectedDirect, worst: worstDirect };

  const products: Checked = { got: model.products.length, expected: n, worst: 0 };
  const resources: Checked = { got: model.resources.length, expected: R * A + K, worst: 0 };
  for (const [what, k] of Object.entries({ products, resources, inputs, resourceUses, targets, directUse })) {
    if (k.got !== k.expected) problems.push(`${what}: ${k.got} in the model, ${k.expected} in the download`);
    if (!(k.worst <= AGREEMENT)) problems.push(`${what}: a number differs from the download's by ${k.worst} (relative), above ${AGREEMENT}`);
  }
  return { products, resources, inputs, resourceUses, targets, directUse, inputSum, problems };
}

/**
 * Runs the command `plenty import gloria` on the download given as the first argument (its shape,
 * JSON, the second), writing the binary model a user would write into a temporary folder — a
 * model folder (-o DIR/, the default) or, with `parquet` as the third argument, one file (-o
 * MODEL.parquet) — in this fresh process so that its peak memory is its own; then loads the model
 * as `plenty analyze` does and checks every number against the generator's cells (checkGloriaModel).
 * A model that is not the download's is reported on stderr as well as in the result.
 */
async function main(): Promise<void> {
  const path = process.argv[2];
  const shape = JSON.parse(process.argv[3]) as GloriaShape;
  const form = process.argv[4] === 'parquet' ? 'parquet' : 'folder';
  const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-import-'));
  try {
    const output = form === 'folder' ? `${join(dir, 'gloria')}/` : join(dir, 'gloria.parquet');
    resetPeakRss();
    const t = performance.now();
    const c = process.cpuUsage();
    await importCommand('gloria', path, { output });
    const seconds = (performance.now() - t) / 1000;
    const u = process.cpuUsage(c);
    const peakBytes = peakRssBytes();
    const modelBytes = await sizeOf(output);
    process.stderr.write(`import: ${seconds.toFixed(1)} s, peak ${(peakBytes / 2 ** 30).toFixed(2)} GB; checking the model\n`);
    const t1 = performance.now();
    const model = await loadColumnarEconomy(output);
    const checked = checkGloriaModel(model, new SyntheticGloria(shape));
    const result: GloriaImportResult = { output: form, seconds, cpuSeconds: (u.user + u.system) / 1e6, peakBytes, modelBytes, ...checked, checkSeconds: (performance.now() - t1) / 1000 };
    for (const p of result.problems) process.stderr.write(`THE MODEL IS NOT THE DOWNLOAD'S: ${p}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('import-case.js')) await main();
