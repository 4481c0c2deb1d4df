import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { streamKey, uniform } from '../random.js';

/** Shape of a synthetic GLORIA download (release 059, year 2022). */
export interface GloriaShape {
  /** Regions (GLORIA: 164). */
  readonly regions: number;
  /** Sectors per region, each an industry and a product (GLORIA: 120). */
  readonly sectors: number;
  /** Final-demand categories per region (GLORIA: 6). */
  readonly finalDemand: number;
  /** Value-added components per region (GLORIA: 6). */
  readonly valueAdded: number;
  /** Rows of the satellite accounts TQ and YQ. */
  readonly satellites: number;
  readonly seed: number;
  /** Share of its own region's products that an industry uses (non-zeros of a domestic use block). */
  readonly domesticDensity: number;
  /** Share of another region's products that an industry uses (non-zeros of a foreign use block). */
  readonly foreignDensity: number;
  /** Share of another region's final-demand columns that buy a product (its own region's all do). */
  readonly foreignFinalDensity: number;
  /** Share of the industries that a satellite account row is non-zero for (TQ). */
  readonly satelliteDensity: number;
  /** Share of the final-demand columns that a satellite account row is non-zero for (YQ). */
  readonly finalSatelliteDensity: number;
}

/** GLORIA's own size, with the synthetic economy's densities. */
export const GLORIA_SHAPE: GloriaShape = {
  regions: 164,
  sectors: 120,
  finalDemand: 6,
  valueAdded: 6,
  satellites: 60,
  seed: 1,
  domesticDensity: 0.4,
  foreignDensity: 0.02,
  foreignFinalDensity: 0.05,
  satelliteDensity: 0.5,
  finalSatelliteDensity: 0.1,
};

/**
 * The version of the generator's cells: a kept download written by another version is not the
 * one SyntheticGloria recomputes. Raise it with any change to the numbers written.
 */
export const GENERATOR_VERSION = 1;

/** What was written, for the benchmark's table (kept as written.json beside a kept download). */
export interface GloriaWritten {
  readonly generator: number;
  /** The folder to give `plenty import gloria` (holding the ReadMe and the two folders). */
  readonly path: string;
  readonly shape: GloriaShape;
  /** Products (= industries) of the economy: regions × sectors. */
  readonly products: number;
  /** Rows and columns of T: regions × 2 × sectors. */
  readonly N: number;
  /** Non-zero cells of T: the supply diagonal and the use blocks. */
  readonly nonZerosT: number;
  /** Bytes of all files, and of T alone. */
  readonly bytes: number;
  readonly bytesT: number;
  /** Seconds the writing took (the economy's two passes included). */
  readonly seconds: number;
}

// Streams of the counter-based random numbers, one per matrix or vector (xor-ed into the seed).
const OUTPUT = 0x0101;
const SHARE = 0x0202;
const USE = 0x0303;
const FINAL = 0x0404;
const VALUE_ADDED = 0x0505;
const SATELLITE = 0x0606;
const FINAL_SATELLITE = 0x0707;

/**
 * A positive number rounded to 8 significant digits, as a double: the number that the text written
 * for it (String of it) parses back to, so that the download's cells can be recomputed exactly.
 */
export function round8(v: number): number {
  if (v === 0) return 0;
  const k = 7 - Math.floor(Math.log10(v));
  if (k > 22 || k < -22) throw new Error(`round8: ${v} is out of the generator's range`);
  return k >= 0 ? Math.round(v * 10 ** k) / 10 ** k : Math.round(v / 10 ** -k) * 10 ** -k;
}

/**
 * A cell as GLORIA writes it: `0`, the shortest digits that read back as the same number, in
 * exponent form below 10⁻⁴ with two exponent digits at least (`3.2977e-06`, as Python writes).
 */
export function cellText(v: number): string {
  if (v === 0) return '0';
  const s = v < 1e-4 ? v.toExponential() : String(v);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s[e + 1];
  const digits = s.slice(e + 2);
  return `${s.slice(0, e)}e${sign}${digits.length < 2 ? `0${digits}` : digits}`;
}

/** Three distinct capital letters for each index (a bijection of 0 … 26³ − 1, scrambled so codes look varied). */
export function regionCode(r: number): string {
  const v = (r * 7919 + 2713) % 17576;
  const A = 65;
  return String.fromCharCode(A + Math.floor(v / 676), A + (Math.floor(v / 26) % 26), A + (v % 26));
}

const FINAL_DEMAND = [
  'Household final consumption P.3h',
  'Non-profit institutions serving households P.3n',
  'Government final consumption P.3g',
  'Gross fixed capital formation P.51',
  'Changes in inventories P.52',
  'Acquisitions less disposals of valuables P.53',
];
const VALUE_ADDED_NAMES = [
  'Compensation of employees D.1',
  'Taxes on production D.29',
  'Subsidies on production D.39',
  'Net operating surplus B.2n',
  'Net mixed income B.3n',
  'Consumption of fixed capital K.1',
];
const SATELLITE_HEADS: readonly (readonly [string, string, string])[] = [
  ['Emissions (EDGAR)', 'co2', 'kilotonnes'],
  ['Land use', 'land', '1000 ha'],
  ['Material', 'mat', 'kilotonnes'],
  ['Energy', 'energy', 'TJ'],
  ['Water', 'water', 'million m3'],
];

const named = (base: readonly string[], count: number, extra: string): string[] => Array.from({ length: count }, (_, i) => (i < base.length ? base[i] : `${extra} ${i + 1}`));

/** The labels of the ReadMe: region codes, sector names (distinct, without `/`), categories, satellites. */
export function gloriaLabels(shape: GloriaShape): {
  regions: string[];
  sectors: string[];
  finalDemand: string[];
  valueAdded: string[];
  satellites: { head: string; indicator: string; unit: string }[];
} {
  const kinds = ['crops', 'metals, basic', 'machinery', 'services (market)', 'transport'];
  return {
    regions: Array.from({ length: shape.regions }, (_, r) => regionCode(r)),
    sectors: Array.from({ length: shape.sectors }, (_, s) => `Synthetic sector ${String(s + 1).padStart(3, '0')}: ${kinds[s % kinds.length]}`),
    finalDemand: named(FINAL_DEMAND, shape.finalDemand, 'Final demand'),
    valueAdded: named(VALUE_ADDED_NAMES, shape.valueAdded, 'Value added'),
    satellites: Array.from({ length: shape.satellites }, (_, q) => {
      const [head, short, unit] = SATELLITE_HEADS[q % SATELLITE_HEADS.length];
      return { head, indicator: `'${short}_${String(q + 1).padStart(4, '0')}_synthetic'`, unit };
    }),
  };
}

/**
 * The synthetic economy, cell by cell: every cell of every matrix is a function of the seed, the
 * matrix and its row and column (a counter-based hash), rounded to 8 significant digits as it is
 * written, so that the writer and a checker compute the same numbers without storing a matrix.
 * Products and industries are indexed g = region · sectors + sector.
 *
 * - Each product g has a scale o_g, log-uniform in [10, 10⁷] (thousand US dollars);
 * - the use U[p, i] of product p by industry i is non-zero with probability domesticDensity when
 *   both are of one region (weight 0.05 + t, t uniform), foreignDensity otherwise (weight
 *   0.5 · 10^(−5t), so that many are tiny, as in GLORIA); each industry's column is scaled so that
 *   it sums to 15–35% of o_i;
 * - final demand Y[p, c] is dense over the product's own region's categories (together about 70%
 *   of o_p, at least 56%) and sparse (foreignFinalDensity) and small over the other regions';
 * - output x_p = Σ_i U[p, i] + Σ_c Y[p, c], the row sums of the cells as written; the supply table
 *   is diagonal, industry g making only product g, x_g of it. So every column of A = U x̂⁻¹ sums
 *   to at most about 0.35 / 0.56 < 0.65: the economy is productive;
 * - value added V[(r, a), i] (industries of region r only, 90% non-zero) shares x_i − Σ_p U[p, i]:
 *   each industry's inputs and value added add up to its output (to rounding);
 *   satellites TQ[q, i] (satelliteDensity) and YQ[q, c] (finalSatelliteDensity), all non-negative.
 *
 * The constructor makes two passes over U (its columns' weights, then the outputs): the writer's
 * and a checker's cost besides the writing itself.
 */
export class SyntheticGloria {
  readonly R: number;
  readonly S: number;
  readonly F: number;
  readonly A: number;
  readonly K: number;
  /** Products = industries. */
  readonly n: number;
  /** Output of each product (the row sums of U and Y as written). */
  readonly x: Float64Array;
  /** Non-zero cells of U, of Y (product rows), of V, TQ and YQ. */
  readonly nonZerosU: number;
  readonly nonZerosY: number;
  private readonly o: Float64Array;
  /** Per industry i: share_i · o_i / (sum of its column's weights). */
  private readonly useScale: Float64Array;
  /** Per industry i: its output less its inputs of products (x_i − Σ_p U[p, i]), shared by its value added. */
  private readonly valueAddedTotal: Float64Array;

  constructor(readonly shape: GloriaShape) {
    this.R = shape.regions;
    this.S = shape.sectors;
    this.F = shape.finalDemand;
    this.A = shape.valueAdded;
    this.K = shape.satellites;
    const n = (this.n = this.R * this.S);
    this.o = new Float64Array(n);
    const oKey = streamKey(shape.seed ^ OUTPUT, 0);
    const sKey = streamKey(shape.seed ^ SHARE, 0);
    for (let g = 0; g < n; g++) this.o[g] = 10 ** (1 + 6 * uniform(oKey, g));
    // Pass 1: the weights of each industry's column.
    const weights = new Float64Array(n);
    const row = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      this.useWeights(p, row);
      for (let i = 0; i < n; i++) weights[i] += row[i];
    }
    this.useScale = new Float64Array(n);
    for (let i = 0; i < n; i++) this.useScale[i] = weights[i] === 0 ? 0 : ((0.15 + 0.2 * uniform(sKey, i)) * this.o[i]) / weights[i];
    // Pass 2: the outputs, as the row sums of the cells as written.
    this.x = new Float64Array(n);
    const inputs = new Float64Array(n);
    const yRow = new Float64Array(this.R * this.F);
    let nonZerosU = 0;
    let nonZerosY = 0;
    for (let p = 0; p < n; p++) {
      this.useRow(p, row);
      this.finalDemandRow(p, yRow);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sum += row[i];
        inputs[i] += row[i];
        if (row[i] !== 0) nonZerosU++;
      }
      for (let c = 0; c < yRow.length; c++) {
        sum += yRow[c];
        if (yRow[c] !== 0) nonZerosY++;
      }
      this.x[p] = sum;
    }
    this.nonZerosU = nonZerosU;
    this.nonZerosY = nonZerosY;
    this.valueAddedTotal = new Float64Array(n);
    for (let i = 0; i < n; i++) this.valueAddedTotal[i] = this.x[i] - inputs[i];
  }

  /** The weight of product p's sale to industry i (0 where it sells nothing); `key` is p's stream. */
  private useWeight(key: number, p: number, i: number): number {
    const domestic = Math.floor(p / this.S) === Math.floor(i / this.S);
    const d = domestic ? this.shape.domesticDensity : this.shape.foreignDensity;
    const u = uniform(key, i);
    if (u >= d) return 0;
    const t = u / d;
    return domestic ? 0.05 + t : 0.5 * 10 ** (-5 * t);
  }

  /** The weights of product p's sales to every industry, into `out`. */
  private useWeights(p: number, out: Float64Array): void {
    const key = streamKey(this.shape.seed ^ USE, p);
    for (let i = 0; i < this.n; i++) out[i] = this.useWeight(key, p, i);
  }

  /** Row p of U (product p's use by every industry), as written, into `out` (length n). */
  useRow(p: number, out: Float64Array): void {
    this.useWeights(p, out);
    for (let i = 0; i < this.n; i++) if (out[i] !== 0) out[i] = round8(this.useScale[i] * out[i]);
  }

  /** U[p, i]: product p used by industry i, as written. */
  use(p: number, i: number): number {
    const w = this.useWeight(streamKey(this.shape.seed ^ USE, p), p, i);
    return w === 0 ? 0 : round8(this.useScale[i] * w);
  }

  /** Row p of Y's product rows (regions × final-demand categories), as written, into `out`. */
  finalDemandRow(p: number, out: Float64Array): void {
    for (let c = 0; c < out.length; c++) out[c] = this.finalDemand(p, c);
  }

  /** Y[product p, column c] (c = region · F + category), as written. */
  finalDemand(p: number, c: number): number {
    const u = uniform(streamKey(this.shape.seed ^ FINAL, p), c);
    const scale = (this.o[p] * 0.28) / this.F;
    if (Math.floor(c / this.F) === Math.floor(p / this.S)) return round8(scale * (2 + u));
    const d = this.shape.foreignFinalDensity;
    return u < d ? round8(scale * (0.002 + (0.05 * u) / d)) : 0;
  }

  /** The supply of product g by industry g (the only non-zero of its industry row of T): its output. */
  supply(g: number): number {
    return round8(this.x[g]);
  }

  /**
   * V[row, industry i] (row = region · A + component), as written: non-zero for that region's
   * industries only, 90% of the components, which share x_i − Σ_p U[p, i] (so that each
   * industry's inputs and value added add up to its output, to rounding).
   */
  valueAdded(row: number, i: number): number {
    const r = Math.floor(row / this.A);
    if (r !== Math.floor(i / this.S)) return 0;
    const weight = (a: number): number => {
      const u = uniform(streamKey(this.shape.seed ^ VALUE_ADDED, r * this.A + a), i);
      return u < 0.9 ? 0.5 + u / 0.9 : 0;
    };
    const w = weight(row % this.A);
    if (w === 0) return 0;
    let total = 0;
    for (let a = 0; a < this.A; a++) total += weight(a);
    return round8((this.valueAddedTotal[i] * w) / total);
  }

  /** TQ[q, industry i], as written. */
  satellite(q: number, i: number): number {
    const u = uniform(streamKey(this.shape.seed ^ SATELLITE, q), i);
    const d = this.shape.satelliteDensity;
    return u < d ? round8(this.o[i] * 10 ** (-1 - (5 * u) / d)) : 0;
  }

  /** YQ[q, column c], as written. */
  finalSatellite(q: number, c: number): number {
    const u = uniform(streamKey(this.shape.seed ^ FINAL_SATELLITE, q), c);
    const d = this.shape.finalSatelliteDensity;
    return u < d ? round8(10 ** (-2 + (6 * u) / d)) : 0;
  }
}

/** Buffered writing of bytes to a file: rows are put into a buffer that is written when full. */
class ByteWriter {
  private buf = Buffer.allocUnsafe(1 << 24);
  private pos = 0;
  bytes = 0;
  private constructor(private readonly fh: FileHandle) {}
  static async open(path: string): Promise<ByteWriter> {
    return new ByteWriter(await open(path, 'w'));
  }
  /** Makes room for `bytes` more (writing out what is buffered when needed). */
  async room(bytes: number): Promise<void> {
    if (bytes > this.buf.length) {
      await this.flush();
      this.buf = Buffer.allocUnsafe(bytes);
    } else if (this.pos + bytes > this.buf.length) await this.flush();
  }
  /** Appends text (ASCII); room must have been made. */
  text(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }
  /** Appends bytes [0, length) of `from`; room must have been made. */
  copy(from: Buffer, length: number): void {
    from.copy(this.buf, this.pos, 0, length);
    this.pos += length;
  }
  /** Replaces the last byte written (a row's trailing comma) by a newline. */
  endRow(): void {
    this.buf[this.pos - 1] = 0x0a;
  }
  private async flush(): Promise<void> {
    let done = 0;
    while (done < this.pos) done += (await this.fh.write(this.buf, done, this.pos - done)).bytesWritten;
    this.bytes += this.pos;
    this.pos = 0;
  }
  async close(): Promise<number> {
    await this.flush();
    await this.fh.close();
    return this.bytes;
  }
}

/** The longest text of a cell: a number of 8 significant digits in exponent form, and its comma. */
const MAX_CELL = 24;

/**
 * Writes one headerless CSV row from the cells of `values` [0, length): zeros as `0`, copied in
 * runs from `zeros` ("0,0,0,…"), the others as cellText. Returns the row's non-zeros.
 */
async function writeRow(out: ByteWriter, zeros: Buffer, values: Float64Array, length: number): Promise<number> {
  let nonZeros = 0;
  for (let j = 0; j < length; j++) if (values[j] !== 0) nonZeros++;
  await out.room(2 * length + nonZeros * MAX_CELL);
  let run = 0;
  for (let j = 0; j < length; j++) {
    const v = values[j];
    if (v === 0) run++;
    else {
      if (run > 0) out.copy(zeros, 2 * run);
      run = 0;
      out.text(`${cellText(v)},`);
    }
  }
  if (run > 0) out.copy(zeros, 2 * run);
  out.endRow();
  return nonZeros;
}

/** The files of release 059, year 2022, basic prices (Markup001), as GLORIA names them. */
export const GLORIA_FILES = {
  readme: 'GLORIA_ReadMe_059.xlsx',
  mrio: 'GLORIA_MRIOs_59_2022',
  satellites: 'GLORIA_SatelliteAccounts_059_2022',
  result: (kind: 'T' | 'Y' | 'V' | 'TQ' | 'YQ'): string => `0_120secMother_AllCountries_002_${kind}-Results_2022_059_Markup001(full).csv`,
};

/** Writes the ReadMe workbook: the sheets and headers that GLORIA's (and pymrio's mock's) have. */
async function writeReadme(path: string, shape: GloriaShape): Promise<number> {
  const labels = gloriaLabels(shape);
  const wb = new ExcelJS.Workbook();
  const regions = wb.addWorksheet('Regions');
  regions.addRow(['Lfd_Nr', 'Region_acronyms', 'Region_names']);
  labels.regions.forEach((code, r) => regions.addRow([r + 1, code, `Synthetic region ${code}`]));
  const sectors = wb.addWorksheet('Sectors');
  sectors.addRow(['Lfd_Nr', 'Sector_names']);
  labels.sectors.forEach((name, s) => sectors.addRow([s + 1, name]));
  const vafd = wb.addWorksheet('Value added and final demand');
  vafd.addRow(['Lfd_Nr', 'Value_added_names', 'Final_demand_names']);
  for (let k = 0; k < Math.max(shape.valueAdded, shape.finalDemand); k++) vafd.addRow([k + 1, labels.valueAdded[k] ?? null, labels.finalDemand[k] ?? null]);
  const sats = wb.addWorksheet('Satellites');
  sats.addRow(['Lfd_Nr', 'Sat_head_indicator', 'Sat_indicator', 'Sat_unit']);
  labels.satellites.forEach((s, q) => sats.addRow([q + 1, s.head, s.indicator, s.unit]));
  await wb.xlsx.writeFile(path);
  return (await stat(path)).size;
}

/**
 * Writes a synthetic GLORIA download into `dir` in the real layout: `GLORIA_ReadMe_059.xlsx`,
 * `GLORIA_MRIOs_59_2022/` with T (N × N, N = regions · 2 · sectors: region by region, its
 * industries then its products; industry × product blocks supply, product × industry blocks use,
 * the rest 0), Y (N × regions · F, product rows only) and V (regions · A × N, industry columns
 * only), and `GLORIA_SatelliteAccounts_059_2022/` with TQ (k × N) and YQ (k × regions · F):
 * headerless CSVs, zeros as `0`, other numbers with up to 8 significant digits. The cells are
 * SyntheticGloria's; every file is written row by row, never held whole. `progress` is told how
 * far T is (it is nearly all of the bytes).
 */
export async function writeSyntheticGloria(dir: string, shape: GloriaShape, progress?: (message: string) => void): Promise<GloriaWritten> {
  const t0 = performance.now();
  const economy = new SyntheticGloria(shape);
  const { R, S, F, A, K, n } = economy;
  const N = R * 2 * S;
  const mrio = join(dir, GLORIA_FILES.mrio);
  const satellites = join(dir, GLORIA_FILES.satellites);
  await mkdir(mrio, { recursive: true });
  await mkdir(satellites, { recursive: true });
  progress?.(`economy of ${n} products made (${((performance.now() - t0) / 1000).toFixed(1)} s); writing T, ${N} × ${N}`);
  const zeros = Buffer.from('0,'.repeat(Math.max(N, R * F)), 'latin1');
  const row = new Float64Array(N);
  const useRow = new Float64Array(n);

  // T: per region its S industry rows (supply: one cell each), then its S product rows (use).
  const T = await ByteWriter.open(join(mrio, GLORIA_FILES.result('T')));
  let nonZerosT = 0;
  let told = 0;
  for (let r = 0; r < R; r++) {
    for (let s = 0; s < S; s++) {
      row.fill(0);
      row[r * 2 * S + S + s] = economy.supply(r * S + s);
      nonZerosT += await writeRow(T, zeros, row, N);
    }
    for (let s = 0; s < S; s++) {
      economy.useRow(r * S + s, useRow);
      row.fill(0);
      for (let rc = 0; rc < R; rc++) row.set(useRow.subarray(rc * S, (rc + 1) * S), rc * 2 * S);
      nonZerosT += await writeRow(T, zeros, row, N);
    }
    if ((r + 1) / R >= told + 0.1 || r === R - 1) {
      told = (r + 1) / R;
      progress?.(`T: ${Math.round(told * 100)}% (${(T.bytes / 2 ** 30).toFixed(2)} GB so far)`);
    }
  }
  const bytesT = await T.close();

  // Y: industry rows all 0, product rows final demand.
  const Y = await ByteWriter.open(join(mrio, GLORIA_FILES.result('Y')));
  const yRow = new Float64Array(R * F);
  for (let r = 0; r < R; r++) {
    yRow.fill(0);
    for (let s = 0; s < S; s++) await writeRow(Y, zeros, yRow, R * F);
    for (let s = 0; s < S; s++) {
      economy.finalDemandRow(r * S + s, yRow);
      await writeRow(Y, zeros, yRow, R * F);
    }
  }
  let bytes = bytesT + (await Y.close());

  // V, TQ: on industry columns only.
  const industryColumns = async (out: ByteWriter, rows: number, cell: (row: number, i: number) => number): Promise<void> => {
    for (let k = 0; k < rows; k++) {
      row.fill(0);
      for (let i = 0; i < n; i++) row[Math.floor(i / S) * 2 * S + (i % S)] = cell(k, i);
      await writeRow(out, zeros, row, N);
    }
  };
  const V = await ByteWriter.open(join(mrio, GLORIA_FILES.result('V')));
  await industryColumns(V, R * A, (k, i) => economy.valueAdded(k, i));
  bytes += await V.close();
  const TQ = await ByteWriter.open(join(satellites, GLORIA_FILES.result('TQ')));
  await industryColumns(TQ, K, (q, i) => economy.satellite(q, i));
  bytes += await TQ.close();
  const YQ = await ByteWriter.open(join(satellites, GLORIA_FILES.result('YQ')));
  for (let q = 0; q < K; q++) {
    for (let c = 0; c < R * F; c++) yRow[c] = economy.finalSatellite(q, c);
    await writeRow(YQ, zeros, yRow, R * F);
  }
  bytes += await YQ.close();
  bytes += await writeReadme(join(dir, GLORIA_FILES.readme), shape);
  return { generator: GENERATOR_VERSION, path: dir, shape, products: n, N, nonZerosT, bytes, bytesT, seconds: (performance.now() - t0) / 1000 };
}
