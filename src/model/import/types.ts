import type { CsrMatrix } from '../../sparse/csr.js';

/**
 * An input–output table as imported, before it becomes an economy model: single-region
 * (one region) or multi-regional (pymrio's layout). Products are region-major: product
 * k = r * sectors.length + s. Matrices are dense, row-major Float64Array.
 */
export interface IoTable {
  readonly name: string;
  /** Monetary unit of flows, e.g. "EUR million". */
  readonly unit: string;
  /** Region ids; a single-region table has one region. */
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  /** n × n inter-industry flows, n = regions × sectors. z_ij: from product i to product j. */
  readonly Z: Float64Array;
  /** Final-demand categories, the same in every region. */
  readonly categories: readonly string[];
  /** n × (regions × categories) final demand; column r * categories.length + c. */
  readonly Y: Float64Array;
  /** Gross output per product if the table states it (else rowsum Z + rowsum Y is used). */
  readonly x?: Float64Array;
  /** Satellite accounts: primary inputs (value added, employment) and stressors (emissions). */
  readonly extensions: readonly IoExtension[];
  /** Population per region, if known. */
  readonly population?: Float64Array;
  /** What the importer read, guessed and dropped, for people (printed by `plenty import`). */
  readonly notes?: ImportNotes;
}

/**
 * A table too big for a dense Z (GLORIA's 19,680 products: 3 GB of flows, mostly 0): the same as
 * IoTable but its flows, held by column — row j of `zByColumn` is column j of Z (row indices i
 * ascending, values z_ij).
 */
export interface SparseIoTable extends Omit<IoTable, 'Z'> {
  readonly zByColumn: CsrMatrix;
}

/**
 * An importer's account of its work, each entry one sentence: what it read ("Z: 9800 × 9800 from
 * Z.txt"), what it guessed ("rows treated as primary inputs: …") and what it dropped, with why
 * ("row 'Statistical discrepancy' (not a flow)"). `--mapping` or an option overrides a guess.
 */
export interface ImportNotes {
  readonly read: readonly string[];
  readonly guessed: readonly string[];
  readonly dropped: readonly string[];
}

export interface IoExtension {
  /** e.g. "factor_inputs", "emissions". */
  readonly name: string;
  readonly stressors: readonly { readonly id: string; readonly unit: string; readonly compartment?: string }[];
  /** stressors × n, row-major. */
  readonly F: Float64Array;
  /** stressors × (regions × categories), row-major, or absent. */
  readonly FY?: Float64Array;
}
