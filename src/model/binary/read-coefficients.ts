import type { FileMetaData } from 'hyparquet';
import { InputError, type Issue, type Location } from '../errors.js';
import { MAX_MAGNITUDE, inMagnitude, magnitudeMessage } from '../magnitude.js';
import { WASM_MIN_NNZ, wasmCsrArrays } from '../../sparse/product/to-wasm-csr.js';
import type { ProductEntries, SparseRows, TechniqueCoefficients } from '../types.js';
import { COEFFICIENT_COLUMNS, NO_REGION, ROLES } from './binary-format.js';
import type { ParquetSource } from './parquet-source.js';
import { readRowGroups, type ColumnSpec } from './read-parquet-columns.js';

/**
 * From this many inputs on (where the solvers run the WebAssembly kernels, WASM_MIN_NNZ), a square
 * model's input matrix is read into the solvers' memory (wasmCsrArrays), where its Leontief
 * system's A is that matrix itself: the first solve copies nothing (on the benchmark's economy at
 * 10⁶ products a first solve took 1.4–1.6 s of CPU in place against 3.0–3.1 s over a copy, at 10⁵
 * 0.18–0.20 against 0.29 s), at the price of later solves at 10⁶–10⁷ running over plain CSR rather
 * than the split copy (1.1–1.25 against 0.9 s at 10⁶; see bench/README.md, "The first solve").
 */
export const RESIDENT_FROM = WASM_MIN_NNZ;

/** Issues collected from the coefficient rows before reading stops listing them. */
export const MAX_ROW_ISSUES = 1000;

/** What the rows' indices name: the model's ids, in model order, and each product's own region. */
export interface CoefficientTargets {
  readonly techniques: readonly string[];
  readonly products: readonly string[];
  readonly resources: readonly string[];
  readonly regions: readonly string[];
  /** Per product: the index of its own region, or −1. */
  readonly productRegion: Int32Array;
}

const PASS_ONE: readonly ColumnSpec[] = COEFFICIENT_COLUMNS.filter((c) => c.name === 'role' || c.name === 'item' || c.name === 'region');

interface RoleRows {
  readonly rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
  region: Int32Array | undefined;
  fileRow: Int32Array | undefined;
  next: Int32Array;
}

/**
 * Reads the coefficient rows of a binary model file straight into compressed sparse rows, one
 * matrix per role (products or resources × techniques), with no object per row: a first pass
 * over the `role`, `item` and `region` columns counts each row's entries, a second reads every
 * column row group by row group, checks each row (tight loops over typed arrays) and puts its
 * coefficient in place. Within a row the techniques ascend (sorted if the file's order is
 * another). Every row that breaks a rule is a located issue (file, row from 1, column, value):
 * see docs/binary-format.md.
 */
export class CoefficientReader {
  readonly issues: Issue[] = [];
  private readonly rows: RoleRows[] = [];
  private readonly produced: Uint8Array;

  constructor(
    private readonly source: ParquetSource,
    private readonly metadata: FileMetaData,
    private readonly ids: CoefficientTargets,
    private readonly file: string,
    private readonly keepFileRow = false,
    private readonly residentFrom = RESIDENT_FROM,
  ) {
    this.produced = new Uint8Array(ids.techniques.length);
  }

  private size(role: number): number {
    return role === 2 ? this.ids.resources.length : this.ids.products.length;
  }

  private issue(code: string, message: string, row: number, column: string, value: unknown): void {
    if (this.issues.length < MAX_ROW_ISSUES) {
      const location: Location = { file: this.file, row: row + 1, path: [column] };
      this.issues.push({ code, message, location, value });
    }
  }

  /** Reads and checks every row; throws an InputError listing what is wrong. */
  async read(): Promise<TechniqueCoefficients> {
    await this.count();
    await this.fill();
    if (this.issues.length === 0) this.order();
    if (this.issues.length === 0) await this.duplicates();
    this.checkOutputs();
    if (this.issues.length > 0) throw new InputError(this.issues);
    const nT = this.ids.techniques.length;
    const matrix = (role: number): ProductEntries => {
      const r = this.rows[role];
      return { rows: this.size(role), cols: nT, rowPtr: r.rowPtr, colIdx: r.colIdx, values: r.values, ...(r.region !== undefined ? { region: r.region } : {}) };
    };
    const uses: SparseRows = matrix(2);
    const [a, b, c] = this.rows.map((r) => r.fileRow);
    return { produces: matrix(0), consumes: matrix(1), uses, ...(a !== undefined && b !== undefined && c !== undefined ? { fileRow: [a, b, c] as const } : {}) };
  }

  /** Pass one: entries per (role, item), and whether a role has explicit regions. */
  private async count(): Promise<void> {
    const counts = ROLES.map((_, r) => new Int32Array(this.size(r) + 1));
    const regional = [false, false, false];
    const sizes = ROLES.map((_, r) => this.size(r));
    await readRowGroups(this.source, this.metadata, PASS_ONE, this.file, (v, _start, n) => {
      const role = v.role as Int32Array;
      const item = v.item as Int32Array;
      const region = v.region as Int32Array;
      for (let i = 0; i < n; i++) {
        const r = role[i];
        if (r < 0 || r > 2) continue;
        const it = item[i];
        if (it >= 0 && it < sizes[r]) counts[r][it + 1]++;
        if (region[i] !== NO_REGION) regional[r] = true;
      }
    });
    ROLES.forEach((_, r) => {
      const c = counts[r];
      for (let i = 0; i < sizes[r]; i++) c[i + 1] += c[i];
      const nnz = c[sizes[r]];
      const next = c.slice(0, sizes[r]);
      // The inputs of a square model, large: straight into the solvers' memory (wasmCsrArrays).
      const resident = r === 1 && sizes[1] === this.ids.techniques.length && nnz >= this.residentFrom && !regional[r] && !this.keepFileRow ? wasmCsrArrays(sizes[1], nnz) : undefined;
      if (resident !== undefined) {
        resident.rowPtr.set(c);
        this.rows.push({ ...resident, region: undefined, fileRow: undefined, next });
        return;
      }
      this.rows.push({ rowPtr: c, colIdx: new Int32Array(nnz), values: new Float64Array(nnz), region: regional[r] && r < 2 ? new Int32Array(nnz) : undefined, fileRow: this.keepFileRow ? new Int32Array(nnz) : undefined, next });
    });
  }

  /** Pass two: each row checked and put in place. */
  private async fill(): Promise<void> {
    const nT = this.ids.techniques.length;
    const sizes = [this.ids.products.length, this.ids.products.length, this.ids.resources.length];
    const [p0, p1, p2] = this.rows;
    const produced = this.produced;
    const plain = this.rows.every((r) => r.region === undefined && r.fileRow === undefined);
    await readRowGroups(this.source, this.metadata, COEFFICIENT_COLUMNS, this.file, (v, start, n) => {
      const technique = v.technique as Int32Array;
      const role = v.role as Int32Array;
      const item = v.item as Int32Array;
      const region = v.region as Int32Array;
      const value = v.value as Float64Array;
      for (let i = 0; i < n; i++) {
        const t = technique[i];
        const r = role[i];
        const it = item[i];
        const x = value[i];
        // The common row, in a tight loop: every index in range, no region, 0 ≤ value ≤ 1e30.
        if (plain && t >= 0 && t < nT && r >= 0 && r <= 2 && it >= 0 && it < sizes[r] && region[i] === NO_REGION && x >= 0 && x <= MAX_MAGNITUDE) {
          const rows = r === 0 ? p0 : r === 1 ? p1 : p2;
          const p = rows.next[it]++;
          rows.colIdx[p] = t;
          // + 0: −0 becomes 0, as a model file's numbers do.
          rows.values[p] = x + 0;
          if (r === 0 && x > 0) produced[t] = 1;
        } else if (!this.row(start + i, t, r, it, region[i], x)) return;
      }
    });
  }

  /**
   * A row checked one rule at a time, each broken rule a located issue; put in place if it keeps
   * them all. False once reading stops listing issues.
   */
  private row(row: number, t: number, r: number, it: number, rg: number, x: number): boolean {
    const { techniques, products, resources, regions, productRegion } = this.ids;
    const nT = techniques.length;
    if (this.issues.length >= MAX_ROW_ISSUES) return false;
    const badT = !(t >= 0 && t < nT);
    if (badT) this.issue('unknown-id', `technique ${t} is not a technique of the model (it has ${nT}, numbered from 0)`, row, 'technique', t);
    if (!(r >= 0 && r <= 2)) {
      this.issue('unknown-id', `role ${r} is not a role (0 produces, 1 consumes, 2 uses) of the model (it has 3, numbered from 0)`, row, 'role', r);
      return true;
    }
    if (badT) return true;
    const isUse = r === 2;
    const size = isUse ? resources.length : products.length;
    const goodItem = it >= 0 && it < size;
    if (!goodItem) this.issue('unknown-id', `item ${it} is not a ${isUse ? 'resource' : 'product'} of the model (it has ${size}, numbered from 0)`, row, 'item', it);
    if (rg !== NO_REGION) {
      const limit = isUse ? 0 : regions.length;
      if (!(rg >= 0 && rg < limit)) {
        this.issue('unknown-id', `region ${rg} is not a ${isUse ? 'region (a use names none: -1)' : 'region'} of the model (it has ${limit}, numbered from 0)`, row, 'region', rg);
        return true;
      }
    }
    if (!goodItem) return true;
    if (!inMagnitude(x)) {
      this.issue('not-finite', `the value ${magnitudeMessage(x)}`, row, 'value', x);
      return true;
    }
    if (x < 0) {
      this.issue('negative', 'the value must not be negative', row, 'value', x);
      return true;
    }
    if (rg !== NO_REGION) {
      const own = productRegion[it];
      if (own >= 0 && own !== rg) {
        this.issue('region-mismatch', `product "${products[it]}" is located in region "${regions[own]}", not "${regions[rg]}"`, row, 'region', rg);
        return true;
      }
    }
    const rows = this.rows[r];
    const p = rows.next[it]++;
    rows.colIdx[p] = t;
    rows.values[p] = x + 0;
    if (rows.region !== undefined) rows.region[p] = rg;
    if (rows.fileRow !== undefined) rows.fileRow[p] = row;
    if (r === 0 && x > 0) this.produced[t] = 1;
    return true;
  }

  /** Sorts each row by technique (then region) where the file's order was another. */
  private order(): void {
    for (const rows of this.rows) {
      const { rowPtr, colIdx, values, region, fileRow } = rows;
      for (let i = 0; i + 1 < rowPtr.length; i++) {
        const start = rowPtr[i];
        const end = rowPtr[i + 1];
        let sorted = true;
        for (let p = start + 1; p < end && sorted; p++) {
          if (colIdx[p - 1] > colIdx[p] || (region !== undefined && colIdx[p - 1] === colIdx[p] && region[p - 1] > region[p])) sorted = false;
        }
        if (sorted) continue;
        const perm = Array.from({ length: end - start }, (_, k) => start + k);
        perm.sort((a, b) => colIdx[a] - colIdx[b] || (region === undefined ? 0 : region[a] - region[b]));
        const c = perm.map((k) => colIdx[k]);
        const x = perm.map((k) => values[k]);
        const g = region === undefined ? undefined : perm.map((k) => region[k]);
        const f = fileRow === undefined ? undefined : perm.map((k) => fileRow[k]);
        for (let k = 0; k < perm.length; k++) {
          colIdx[start + k] = c[k];
          values[start + k] = x[k];
          if (region !== undefined && g !== undefined) region[start + k] = g[k];
          if (fileRow !== undefined && f !== undefined) fileRow[start + k] = f[k];
        }
      }
    }
  }

  /** A (technique, role, item, region) given twice: the later row is named (found by a rescan). */
  private async duplicates(): Promise<void> {
    const twice = new Set<string>();
    this.rows.forEach(({ rowPtr, colIdx, region }, r) => {
      for (let i = 0; i + 1 < rowPtr.length; i++) {
        for (let p = rowPtr[i] + 1; p < rowPtr[i + 1]; p++) {
          const rg = region === undefined ? NO_REGION : region[p];
          if (colIdx[p - 1] === colIdx[p] && (region === undefined || region[p - 1] === rg)) twice.add(`${r} ${colIdx[p]} ${i} ${rg}`);
        }
      }
    });
    if (twice.size === 0) return;
    const seen = new Set<string>();
    const { techniques, products, resources, regions } = this.ids;
    await readRowGroups(this.source, this.metadata, COEFFICIENT_COLUMNS, this.file, (v, start, n) => {
      const [technique, role, item, region] = [v.technique, v.role, v.item, v.region] as Int32Array[];
      for (let i = 0; i < n; i++) {
        const key = `${role[i]} ${technique[i]} ${item[i]} ${region[i]}`;
        if (!twice.has(key)) continue;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const name = (role[i] === 2 ? resources : products)[item[i]] + (region[i] === NO_REGION ? '' : `@${regions[region[i]]}`);
        this.issue('duplicate-coefficient', `technique "${techniques[technique[i]]}" ${ROLES[role[i]]} "${name}" in an earlier row too`, start + i, 'item', item[i]);
      }
    });
  }

  /** After the rows: a technique with no positive output is an issue, as in a model file. */
  private checkOutputs(): void {
    for (let t = 0; t < this.produced.length && this.issues.length < MAX_ROW_ISSUES; t++) {
      if (this.produced[t] === 1) continue;
      this.issues.push({
        code: 'produces-nothing',
        message: `technique "${this.ids.techniques[t]}" produces nothing: it needs a row with role 0 and a positive value`,
        location: { file: this.file, path: ['techniques', t, 'produces'] },
      });
    }
  }
}
