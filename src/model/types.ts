/**
 * The economy model: what a planner writes in a model file (YAML or JSON) after validation and
 * normalisation. Every id is unique within its kind; every reference names an existing id.
 * Quantities are in the unit of the product or resource they belong to, per period.
 *
 * The file format is documented in docs/model.md; `parseEconomy` turns text into this shape.
 */

/** A good or service. `unit` is mandatory: tonne, unit, thousand, rouble of service, EUR million. */
export interface Product {
  readonly id: string;
  readonly unit: string;
  readonly name?: string;
  /** Where the product is located (multi-regional tables: one product per region and sector). */
  readonly region?: string;
  /** Whether stocks of it carry over from one period to the next (default true). */
  readonly storable?: boolean;
  /** Stock at the start of the first period, in its unit (default 0; only for storable products). */
  readonly initialStock?: number;
}

/**
 * Something not produced inside the model: labour, land, capacity, currency; also satellite
 * accounts of an input–output table (value added, employment, emissions) which have no limit.
 */
export interface Resource {
  readonly id: string;
  readonly unit: string;
  readonly name?: string;
  /** Limit per period. A number applies to every period; a map gives it per period id. Absent: unlimited. */
  readonly available?: number | Readonly<Record<string, number>>;
  readonly region?: string;
}

/**
 * A technique without its coefficients: the part of it that is read once a model is compiled
 * (its id, capacity, region, enterprise, investment), the same in both representations of a model.
 */
export interface TechniqueRecord {
  readonly id: string;
  readonly name?: string;
  /** Largest activity level per period. Absent: unlimited. */
  readonly capacity?: number;
  readonly region?: string;
  readonly enterprise?: string;
  /**
   * Investment: resource capacity built per unit of activity. Running the technique at level a in
   * period t adds amount × a to the resource's availability in every period from t + lag on.
   */
  readonly build?: Readonly<Record<string, number>>;
  /** Periods until what it builds comes on line (a positive whole number, default 1). */
  readonly lag?: number;
  /** Whole plants: the activity level in each period is a whole number (a plant built in whole units). */
  readonly whole?: boolean;
  /** Whole plants: the activity level in each period is 0 or at least this (a minimum lot); needs a capacity. */
  readonly minLot?: number;
  /** Whole plants: resources used in each period in which the technique runs at all, whatever its level (a fixed cost of opening); needs a capacity. */
  readonly fixedCost?: Readonly<Record<string, number>>;
}

/** A way of producing, per unit of activity. */
export interface Technique extends TechniqueRecord {
  /** Outputs per unit of activity (joint products allowed). At least one positive entry. */
  readonly produces: Readonly<Record<string, number>>;
  /** Product inputs per unit of activity. */
  readonly consumes: Readonly<Record<string, number>>;
  /** Resource use per unit of activity. */
  readonly uses: Readonly<Record<string, number>>;
}

/** Final demand for a product, with a priority tier (1 = first). */
export interface Target {
  readonly product: string;
  readonly amount: number;
  readonly priority: number;
  readonly region?: string;
  readonly period?: string;
  /** Final-demand category: households, government, investment, export, … */
  readonly category?: string;
}

/** World-market terms for a product. Prices are in the model's `currency` resource per unit. */
export interface TradeTerms {
  readonly product: string;
  readonly exportPrice?: number;
  readonly importPrice?: number;
  readonly maxExport?: number;
  readonly maxImport?: number;
}

/** Direct use of a resource by final demand (pymrio's F_Y: households' own emissions, say). */
export interface DirectUse {
  readonly resource: string;
  readonly amount: number;
  readonly region?: string;
  readonly category?: string;
}

export interface Region {
  readonly id: string;
  readonly name?: string;
  readonly population?: number;
}

/**
 * A plan to check: activity levels per technique, or gross outputs per product (which then imply
 * the activity of each product's technique), plus trade. One period, or the model's first.
 */
export interface Plan {
  readonly name?: string;
  readonly period?: string;
  readonly activity?: Readonly<Record<string, number>>;
  readonly output?: Readonly<Record<string, number>>;
  readonly imports?: Readonly<Record<string, number>>;
  readonly exports?: Readonly<Record<string, number>>;
  /** Drawn from stocks in the period (supply), per item. */
  readonly fromStock?: Readonly<Record<string, number>>;
  /** Added to stocks in the period (use), per item. */
  readonly toStock?: Readonly<Record<string, number>>;
  /** Availability added to resources by investment of earlier periods, per resource. */
  readonly built?: Readonly<Record<string, number>>;
}

/** What both representations of a model share: everything but the techniques' coefficients and the targets. */
export interface EconomyBase {
  readonly name: string;
  readonly description?: string;
  /** Period ids in order; one period named "1" when the file gives none. */
  readonly periods: readonly string[];
  readonly regions: readonly Region[];
  readonly products: readonly Product[];
  readonly resources: readonly Resource[];
  readonly techniques: readonly TechniqueRecord[];
  readonly trade: readonly TradeTerms[];
  readonly directUse: readonly DirectUse[];
  /**
   * The resource in which trade prices are given (hard currency). A plan's exports earn
   * exports × export price of it, and its imports spend imports × import price.
   */
  readonly currency?: string;
  /** The model's own plan (a hand-set plan to check), if it has one. */
  readonly plan?: Plan;
}

/** A model as people write it (YAML or JSON): every technique with its coefficients as records. */
export interface Economy extends EconomyBase {
  readonly techniques: readonly Technique[];
  readonly targets: readonly Target[];
}

/**
 * A sparse matrix in compressed rows over typed arrays: row i's entries are colIdx[rowPtr[i] ..
 * rowPtr[i + 1]) with their values in the same range of `values`; within a row the columns
 * ascend. The shape of the sparse package's CsrMatrix, so that compile can use it as one.
 */
export interface SparseRows {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
}

/**
 * Product entries of the techniques (outputs or inputs): rows are products, columns techniques,
 * values the amounts per unit of activity. `region`, when present, holds per entry the region
 * index of an explicit `product@region` key (−1 for a bare product key); a (product, technique)
 * pair then repeats only with different regions. Without it, every pair occurs at most once.
 */
export interface ProductEntries extends SparseRows {
  readonly region?: Int32Array;
}

/**
 * The coefficients of a big model's techniques as sparse arrays (no object per coefficient):
 * `produces` and `consumes` are products × techniques, `uses` resources × techniques.
 */
export interface TechniqueCoefficients {
  readonly produces: ProductEntries;
  readonly consumes: ProductEntries;
  readonly uses: SparseRows;
  /**
   * Per role (produces, consumes, uses) and entry, the 0-based row of the file it was read from,
   * when kept (for records that keep the file's key order); absent otherwise.
   */
  readonly fileRow?: readonly [Int32Array, Int32Array, Int32Array];
}

/**
 * Targets as parallel arrays, in model order. `product` is a product index; `productRegion` the
 * region index of an explicit `product@region` (−1 for none; absent: none anywhere); `region`,
 * `period` and `category` are indices into the model's regions, periods and `categories`, −1
 * when absent; `priority` defaults to 1.
 */
export interface TargetColumns {
  readonly product: Int32Array;
  readonly productRegion?: Int32Array;
  readonly amount: Float64Array;
  readonly priority: Int32Array;
  readonly region: Int32Array;
  readonly period: Int32Array;
  readonly category: Int32Array;
  readonly categories: readonly string[];
}

/**
 * A model of millions of products, as the binary format and the importers hold it: the
 * techniques as records without coefficients, their coefficients and the targets as typed arrays,
 * without a JS object per coefficient.
 */
export interface ColumnarEconomy extends EconomyBase {
  readonly coefficients: TechniqueCoefficients;
  readonly targets: TargetColumns;
}

/** A model in either representation. */
export type AnyEconomy = Economy | ColumnarEconomy;

