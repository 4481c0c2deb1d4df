/**
 * Supply and use tables as statistical offices publish them, in the notation of the Eurostat
 * Manual of Supply, Use and Input-Output Tables (2008), chapter 11: p products, m industries.
 * Every matrix is dense and row-major.
 */
export interface SupplyUseTables {
  /** Product labels (p). */
  readonly products: readonly string[];
  /** Industry labels (m). */
  readonly industries: readonly string[];
  /**
   * The supply table's domestic block, p × m: s_ij, product i made by industry j (Vᵀ in the
   * manual, whose make matrix V is industries × products). Row sums are product outputs q,
   * column sums industry outputs g.
   */
  readonly supply: Float64Array;
  /** Intermediate use, p × m: u_ij, product i used by industry j. */
  readonly use: Float64Array;
  /** Final-use categories (k), including supply from outside domestic production (imports) as negative columns. */
  readonly categories: readonly string[];
  /** Final use, p × k. Row i of use plus row i of final use is q_i. */
  readonly finalUse: Float64Array;
  /**
   * Rows by industry (value added and its components, employment, emissions …), each block
   * r × m: transformed as value added is. Value added's rows and use's column sums add up to g.
   */
  readonly rowBlocks: readonly SutRowBlock[];
}

export interface SutRowBlock {
  readonly name: string;
  readonly rows: readonly string[];
  /** rows × m, row-major. */
  readonly values: Float64Array;
  /** True for value added: its rows count in the column identity use + value added = g. */
  readonly valueAdded: boolean;
  /** Unit of each row, if known (carried through unchanged). */
  readonly units?: readonly string[];
  /** Compartment of each row (an emission's medium, a satellite's head indicator), if any. */
  readonly compartments?: readonly string[];
}

/**
 * The four models of the manual (ch. 11.4): A product technology and B industry technology give
 * product × product tables; C fixed industry sales structure and D fixed product sales structure
 * give industry × industry tables.
 */
export type SutModel = 'A' | 'B' | 'C' | 'D';

/** What to do with negative flows (models A and C can make them). */
export type NegativesResolution = 'keep' | 'almon';

export interface SymmetricFromSutOptions {
  readonly model: SutModel;
  /** Default 'keep': negatives stay and are listed. 'almon': model A only (Almon 2000), none remain in the rows that had none. */
  readonly negatives?: NegativesResolution;
  /** Almon: iterations at most (default 10,000) and the relative change that ends them (default 1e-12). */
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/** A negative entry of a symmetric table that its supply and use tables did not have. */
export interface NegativeEntry {
  /** 'flows' (the intermediate block), 'final use', or a row block's name. */
  readonly block: string;
  /** Row label: a product (A, B) or industry (C, D), or the row block's row. */
  readonly row: string;
  /** Column label: the product (A, B) or industry (C, D) of the symmetric table. */
  readonly column: string;
  /** For A: the industry whose primary product the column is (same position), else ''. */
  readonly industry: string;
  readonly value: number;
}

/** A symmetric input–output table made from supply and use tables. */
export interface SymmetricTable {
  readonly model: SutModel;
  /** 'product' (A, B) or 'industry' (C, D). */
  readonly kind: 'product' | 'industry';
  /** Labels of rows and columns: products (A, B) or industries (C, D); n of them. */
  readonly labels: readonly string[];
  /** n × n flows. */
  readonly Z: Float64Array;
  /** n × k final use, the same categories. */
  readonly Y: Float64Array;
  /** Output: q (A, B) or g (C, D). */
  readonly x: Float64Array;
  /** The row blocks, transformed: rows × n each. */
  readonly rowBlocks: readonly SutRowBlock[];
  /** Negative entries the transformation made (before any resolution), at most `NEGATIVES_LISTED`… all of them here. */
  readonly negatives: readonly NegativeEntry[];
  /** How negatives were resolved, if they were. */
  readonly resolution?: AlmonReport;
  /** Largest relative residual of the LU solves (A, C); 0 for B and D. */
  readonly residual: number;
  /** Sentences on what was done (for an importer's notes). */
  readonly notes: readonly string[];
}

/** What Almon's procedure did. */
export interface AlmonReport {
  readonly method: 'almon';
  readonly iterations: number;
  /** Products whose column total differs from output after squeezing: (label, column total − output). */
  readonly columnDifferences: readonly { readonly product: string; readonly difference: number }[];
  /** Number of (input, industry) cells where the secondary products' needs were squeezed. */
  readonly squeezed: number;
}

/** Why a model could not be made. */
export interface SutRefusal {
  readonly status: 'refused';
  readonly code: 'not-square' | 'singular' | 'no-primary-diagonal' | 'did-not-converge';
  readonly message: string;
}

export type SymmetricFromSutResult = ({ readonly status: 'ok' } & SymmetricTable) | SutRefusal;
