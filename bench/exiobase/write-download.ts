import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { EXIOBASE3_REGIONS } from '../../src/model/import/exiobase3/exiobase3-regions.js';
import { streamKey, uniform } from '../random.js';

/** Shape of a synthetic EXIOBASE 3 pxp download. */
export interface DownloadShape {
  /** Regions (at most EXIOBASE's 49, taken in its order). */
  readonly regions: number;
  /** Products per region (EXIOBASE pxp: 200). */
  readonly products: number;
  /** Rows of satellite/F.txt and F_Y.txt. */
  readonly stressors: number;
  readonly seed: number;
}

/** What was written, for the benchmark's table. */
export interface DownloadWritten {
  readonly path: string;
  readonly n: number;
  /** Non-zero cells of Z. */
  readonly nonZeros: number;
  /** Bytes of all files. */
  readonly bytes: number;
}

/** EXIOBASE 3's final-demand categories, the same in every region. */
const CATEGORIES = [
  'Final consumption expenditure by households',
  'Final consumption expenditure by non-profit organisations serving households (NPISH)',
  'Final consumption expenditure by government',
  'Gross fixed capital formation',
  'Changes in inventories',
  'Changes in valuables',
  'Export',
];

/** Probability that a product uses a product of its own region, and of another region. */
const DOMESTIC_SHARE = 0.5;
const FOREIGN_SHARE = 0.15;

/** Buffered writing of a text file line by line, honouring the stream's back-pressure. */
class LineWriter {
  private readonly stream;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  async line(text: string): Promise<void> {
    this.parts.push(text, '\n');
    this.size += text.length + 1;
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.bytes;
  }
}

/**
 * Writes a synthetic EXIOBASE 3 pxp download (the unpacked folder `IOT_2022_pxp/` in `dir`) in the
 * real layout — file_parameters.json, Z.txt, Y.txt, x.txt, unit.txt, satellite/ with F.txt,
 * F_Y.txt and unit.txt; two header rows (region, sector or category), an index-name row, two
 * label columns, numbers as pandas writes them (repr, `0.0` for zeros) — so that pymrio's
 * parse_exiobase3 and Plenty read the same files.
 *
 * The economy: gross output x log-uniform in [1, 10⁵]; product i supplies product j (its own
 * region's with probability 0.5, another region's with 0.15) z_ij = t_i · u_ij x_i x_j / Σ_k u_ik x_k,
 * so that the rows of Z sum to t_i x_i with t_i uniform in [0.3, 0.7] (A x < x: productive); the
 * rest of x_i is final demand, spread over the 7 categories of the product's own region (most) and
 * of 30% of the other regions. x = rowsum(Z) + rowsum(Y) holds to rounding. Stressors are
 * positive multiples of x (F) and of final demand's column totals (F_Y).
 */
export async function writeSyntheticDownload(dir: string, shape: DownloadShape): Promise<DownloadWritten> {
  const regions = [...EXIOBASE3_REGIONS.keys()].slice(0, shape.regions);
  const products = Array.from({ length: shape.products }, (_, s) => `Product ${String(s + 1).padStart(3, '0')}`);
  const R = regions.length;
  const P = products.length;
  const n = R * P;
  const C = CATEGORIES.length;
  const root = join(dir, 'IOT_2022_pxp');
  await mkdir(join(root, 'satellite'), { recursive: true });

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 10 ** (5 * uniform(streamKey(shape.seed, 0), i));
  const regionOf = (i: number): number => Math.floor(i / P);
  /** u_ij: the weight of product i's sale to j, 0 where it sells nothing. */
  const weight = (key: number, i: number, j: number): number => {
    const domestic = regionOf(i) === regionOf(j);
    const u = uniform(key, j);
    const share = domestic ? DOMESTIC_SHARE : FOREIGN_SHARE;
    return u < share ? (u / share) * (domestic ? 1 : 0.2) + 1e-3 : 0;
  };

  const colLabels = (labels: readonly string[], inner: readonly string[]): string[] => {
    const outer: string[] = [];
    const second: string[] = [];
    for (const r of labels) {
      for (const s of inner) {
        outer.push(r);
        second.push(s);
      }
    }
    return [outer.join('\t'), second.join('\t')];
  };
  const [zRegions, zSectors] = colLabels(regions, products);
  const [yRegions, yCategories] = colLabels(regions, CATEGORIES);
  const cell = (v: number): string => (v === 0 ? '0.0' : String(v));

  const Z = new LineWriter(join(root, 'Z.txt'));
  const Y = new LineWriter(join(root, 'Y.txt'));
  const X = new LineWriter(join(root, 'x.txt'));
  await Z.line(`region\t\t${zRegions}`);
  await Z.line(`sector\t\t${zSectors}`);
  await Z.line(`region\tsector${'\t'.repeat(n)}`);
  await Y.line(`region\t\t${yRegions}`);
  await Y.line(`category\t\t${yCategories}`);
  await Y.line(`region\tsector${'\t'.repeat(R * C)}`);
  await X.line('region\tsector\tindout');
  const yColumnTotals = new Float64Array(R * C);
  let nonZeros = 0;
  const zRow = new Float64Array(n);
  const cells: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const key = streamKey(shape.seed, i + 1);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const u = weight(key, i, j);
      zRow[j] = u * x[j];
      total += zRow[j];
    }
    const t = 0.3 + 0.4 * uniform(streamKey(shape.seed, -1), i);
    const scale = total === 0 ? 0 : (t * x[i]) / total;
    let sold = 0;
    for (let j = 0; j < n; j++) {
      const z = zRow[j] * scale;
      if (z !== 0) nonZeros++;
      sold += z;
      cells[j] = cell(z);
    }
    const label = `${regions[regionOf(i)]}\t${products[i % P]}`;
    await Z.line(`${label}\t${cells.join('\t')}`);
    // Final demand: x_i − sold, over the own region's categories and 30% of the others.
    const yKey = streamKey(shape.seed ^ 0x5bd1e995, i);
    const yRow = new Float64Array(R * C);
    let yWeights = 0;
    for (let c = 0; c < R * C; c++) {
      const own = Math.floor(c / C) === regionOf(i);
      const u = uniform(yKey, c);
      const w = own ? 1 + 4 * u : u < 0.3 ? u : 0;
      yRow[c] = w;
      yWeights += w;
    }
    const rest = x[i] - sold;
    const yCells: string[] = [];
    for (let c = 0; c < R * C; c++) {
      const y = (yRow[c] / yWeights) * rest;
      yColumnTotals[c] += y;
      yCells.push(cell(y));
    }
    await Y.line(`${label}\t${yCells.join('\t')}`);
    await X.line(`${label}\t${String(x[i])}`);
  }
  let bytes = (await Z.close()) + (await Y.close()) + (await X.close());

  const F = new LineWriter(join(root, 'satellite', 'F.txt'));
  const FY = new LineWriter(join(root, 'satellite', 'F_Y.txt'));
  await F.line(`region\t${zRegions}`);
  await F.line(`sector\t${zSectors}`);
  await F.line(`stressor${'\t'.repeat(n)}`);
  await FY.line(`region\t${yRegions}`);
  await FY.line(`category\t${yCategories}`);
  await FY.line(`stressor${'\t'.repeat(R * C)}`);
  const stressors = Array.from({ length: shape.stressors }, (_, k) => `Stressor ${String(k + 1).padStart(4, '0')} - air`);
  for (let k = 0; k < stressors.length; k++) {
    const key = streamKey(shape.seed ^ 0x27d4eb2f, k);
    const fCells: string[] = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      const u = uniform(key, j);
      fCells[j] = cell(u < 0.8 ? u * x[j] : 0);
    }
    await F.line(`${stressors[k]}\t${fCells.join('\t')}`);
    const fyCells: string[] = [];
    for (let c = 0; c < R * C; c++) fyCells.push(cell(0.01 * uniform(key, n + c) * yColumnTotals[c]));
    await FY.line(`${stressors[k]}\t${fyCells.join('\t')}`);
  }
  bytes += (await F.close()) + (await FY.close());

  const small: [string, string][] = [
    [join(root, 'unit.txt'), ['region\tsector\tunit', ...Array.from({ length: n }, (_, i) => `${regions[regionOf(i)]}\t${products[i % P]}\tM.EUR`)].join('\n') + '\n'],
    [join(root, 'satellite', 'unit.txt'), ['stressor\tunit', ...stressors.map((s) => `${s}\tkg`)].join('\n') + '\n'],
    [join(root, 'file_parameters.json'), parameters('IOSystem', undefined, { Z: ['Z.txt', 2, 2], Y: ['Y.txt', 2, 2], x: ['x.txt', 2, 1], unit: ['unit.txt', 2, 1] })],
    [join(root, 'satellite', 'file_parameters.json'), parameters('Extension', 'satellite', { F: ['F.txt', 1, 2], F_Y: ['F_Y.txt', 1, 2], unit: ['unit.txt', 1, 1] })],
    [join(root, 'metadata.json'), `${JSON.stringify({ name: 'Synthetic EXIOBASE 3 pxp 2022', description: 'synthetic, full-size, for the benchmark', version: '3.8.2', system: 'pxp', history: [] }, null, 4)}\n`],
  ];
  for (const [path, text] of small) {
    await writeFile(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { path: root, n, nonZeros, bytes };
}

/** A file_parameters.json as pymrio writes it. */
function parameters(systemtype: string, name: string | undefined, files: Record<string, [string, number, number]>): string {
  const out: Record<string, { name: string; nr_index_col: string; nr_header: string }> = {};
  for (const [key, [name, index, header]] of Object.entries(files)) out[key] = { name, nr_index_col: String(index), nr_header: String(header) };
  return `${JSON.stringify({ files: out, systemtype, ...(name === undefined ? {} : { name }) }, null, 4)}\n`;
}
