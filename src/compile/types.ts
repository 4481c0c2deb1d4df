import type { CsrMatrix } from '../sparse/csr.js';
import type { Economy } from '../model/types.js';

/** A list of ids and the reverse map id → index. */
export interface IdIndex {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * An economy with ids replaced by indices and coefficients in sparse matrices.
 * Columns of `outputs`, `inputs` and `resourceUse` are techniques; rows are products (or resources).
 * Entry (i, j) is the amount of product i made (or used) per unit of activity of technique j.
 */
export interface CompiledEconomy {
  readonly model: Economy;
  readonly products: IdIndex;
  readonly resources: IdIndex;
  readonly techniques: IdIndex;
  readonly periods: IdIndex;
  readonly regions: IdIndex;
  /** products × techniques, outputs per unit of activity. */
  readonly outputs: CsrMatrix;
  /** products × techniques, inputs per unit of activity. */
  readonly inputs: CsrMatrix;
  /** resources × techniques, resource use per unit of activity. */
  readonly resourceUse: CsrMatrix;
  /** Per technique: largest activity level per period (Infinity when unlimited). */
  readonly capacity: Float64Array;
  /** resources × periods, row-major: availability (Infinity when unlimited). */
  readonly available: Float64Array;
  /** Targets as parallel arrays, in model order. region/period: −1 when absent. */
  readonly targets: {
    readonly product: Int32Array;
    readonly amount: Float64Array;
    readonly priority: Int32Array;
    readonly region: Int32Array;
    readonly period: Int32Array;
  };
}

/**
 * A square input–output system derived from a compiled economy by choosing one technique per
 * product: A (n × n, products × products) with a_ij = input of i per unit of output of j, and
 * primary-input coefficients (resources × products) per unit of output.
 */
export interface LeontiefSystem {
  /** Product ids, in the row/column order of A. */
  readonly products: IdIndex;
  readonly resources: IdIndex;
  /** n × n technical coefficients. */
  readonly A: CsrMatrix;
  /** resources × n coefficients per unit of gross output. */
  readonly primary: CsrMatrix;
  /** The technique chosen for each product (index into CompiledEconomy.techniques). */
  readonly technique: Int32Array;
}
