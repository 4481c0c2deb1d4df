/**
 * A result table, independent of how it is shown: the CLI prints it aligned or as CSV, the
 * server returns it as JSON. Cells are strings, numbers or null (empty).
 */
export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  /** Header shown to people. */
  readonly label: string;
  /** Unit shown under the header in text output, e.g. "t" or "person-year". */
  readonly unit?: string;
  /** Significant digits for numbers in text output (CSV and JSON keep full precision). Default 6. */
  readonly digits?: number;
}

export interface Table {
  /** Machine name, used for CSV file names and JSON keys: "balance", "resources". */
  readonly name: string;
  /** Title shown above the table in text output. */
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Lines printed under the table in text output (notes, totals, residuals). */
  readonly notes?: readonly string[];
}
