/** Messages between the main thread and the HiGHS worker (structured-cloned, typed arrays copied). */

export type HighsMethod = 'simplex' | 'ipm' | 'pdlp';

/**
 * The LP as plain typed arrays, in HiGHS's general form (row-wise matrix), always as a
 * minimisation: a maximisation is passed with c and the offset negated.
 */
export interface HighsLpData {
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
  readonly c: Float64Array;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** Per column: 1 integer, 0 continuous; absent for a linear program. */
  readonly integrality?: Int32Array;
}

export interface HighsSolveRequest {
  readonly type: 'solve';
  readonly lp: HighsLpData;
  readonly method: HighsMethod;
  /** Relative tolerance for PDLP (others keep HiGHS's tighter defaults). */
  readonly gap: number;
  /** Mixed-integer programs: HiGHS's mip_rel_gap. */
  readonly mipGap?: number;
  /** Seconds; HiGHS's own time_limit option. */
  readonly timeLimit?: number;
  /** Whether to forward iteration progress (callbacks cost a little per iteration). */
  readonly progress: boolean;
  /** Least time between two progress messages. */
  readonly progressIntervalMs: number;
}

export interface HighsProgressMessage {
  readonly type: 'progress';
  readonly iteration: number;
  readonly text: string;
}

export interface HighsDoneMessage {
  readonly type: 'done';
  /** HiGHS model status code (highs.constants.modelStatus). */
  readonly modelStatus: number;
  readonly x: Float64Array;
  readonly rowActivity: Float64Array;
  /** Row and column duals as HiGHS reports them for the minimisation it was given. */
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  /** Whether HiGHS says a primal (dual) solution is available (solution status ≠ none). */
  readonly hasPrimal: boolean;
  readonly hasDual: boolean;
  readonly iterations: number;
  /** Mixed-integer programs: the gap and best bound HiGHS reports (of the minimisation it was given), and nodes. */
  readonly mip?: { readonly gap: number; readonly bound: number; readonly nodes: number };
}

export interface HighsFailedMessage {
  readonly type: 'failed';
  readonly message: string;
  /** The WebAssembly instance is unusable (aborted, out of memory): the worker must be replaced. */
  readonly fatal: boolean;
}

export type HighsWorkerMessage = HighsProgressMessage | HighsDoneMessage | HighsFailedMessage;
