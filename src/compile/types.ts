import type { CsrMatrix } from '../sparse/csr.js';
import type { Location } from '../model/errors.js';
import type { AnyEconomy } from '../model/types.js';

/** A list of ids and the reverse map id → index. */
export interface IdIndex {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * An economy with ids replaced by indices and coefficients in sparse matrices.
 *
 * Rows of the product matrices are *items*: a product at a place. In a model without regions, or
 * for a product whose own `region` is set, the item id is the product id. In a model with regions,
 * a technique's entries refer to its own region unless the key says otherwise (`grain@ukraine`),
 * and each (product, region) pair that occurs anywhere is one item with id `product@region`.
 * Items are ordered by product (model order), then region (model order).
 *
 * Columns of `outputs`, `inputs` and `resourceUse` are techniques. Entry (i, j) is the amount of
 * item i made (or used) per unit of activity of technique j.
 */
export interface CompiledEconomy {
  readonly model: AnyEconomy;
  /** Located products (balance items), see above. */
  readonly items: IdIndex;
  /** Per item: index of its product in `model.products`. */
  readonly itemProduct: Int32Array;
  /** Per item: index of its region in `regions`, or −1. */
  readonly itemRegion: Int32Array;
  readonly products: IdIndex;
  readonly resources: IdIndex;
  readonly techniques: IdIndex;
  readonly periods: IdIndex;
  readonly regions: IdIndex;
  /** Final-demand categories that occur in targets and direct uses (in order of first use). */
  readonly categories: IdIndex;
  /** items × techniques, outputs per unit of activity. */
  readonly outputs: CsrMatrix;
  /** items × techniques, inputs per unit of activity. */
  readonly inputs: CsrMatrix;
  /** resources × techniques, resource use per unit of activity. */
  readonly resourceUse: CsrMatrix;
  /** Per technique: largest activity level per period (Infinity when unlimited). */
  readonly capacity: Float64Array;
  /** Per technique: region index or −1. */
  readonly techniqueRegion: Int32Array;
  /** resources × periods, row-major: availability (Infinity when unlimited). */
  readonly available: Float64Array;
  /** Targets as parallel arrays, in model order. item: the located product. −1 when absent. */
  readonly targets: {
    readonly item: Int32Array;
    readonly amount: Float64Array;
    readonly priority: Int32Array;
    readonly region: Int32Array;
    readonly period: Int32Array;
    readonly category: Int32Array;
  };
  /** Direct uses of resources by final demand, as parallel arrays. −1 when absent. */
  readonly directUse: {
    readonly resource: Int32Array;
    readonly amount: Float64Array;
    readonly region: Int32Array;
    readonly category: Int32Array;
  };
}

/**
 * A square input–output system derived from a compiled economy by choosing one technique per
 * item: A (n × n, items × items) with a_ij = input of i per unit of output of j, and
 * primary-input coefficients (resources × items) per unit of output.
 */
export interface LeontiefSystem {
  /** Item ids, in the row/column order of A. */
  readonly items: IdIndex;
  readonly resources: IdIndex;
  /** n × n technical coefficients. */
  readonly A: CsrMatrix;
  /** resources × n coefficients per unit of gross output. */
  readonly primary: CsrMatrix;
  /** The technique chosen for each item (index into CompiledEconomy.techniques). */
  readonly technique: Int32Array;
  /** Where item i's product is defined in the model file. */
  readonly itemLocation?: (item: number) => Location;
}
