/**
 * The worker thread that owns one HiGHS WebAssembly instance. It takes solve requests one at a
 * time (a solve blocks this thread, not the caller's) and answers with the solution arrays. If the
 * instance aborts (its memory ceiling is 2 GiB), it says so and the caller replaces the worker.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { Highs, HighsCallbackMap } from 'highs';
import type { HighsDoneMessage, HighsSolveRequest, HighsWorkerMessage } from './protocol.js';
import { highsFailure } from './highs-failure.js';

const port = parentPort;
if (port === null) throw new Error('highs-worker must run in a worker thread');

// The package's CommonJS build exports the loader as `default`, matching its type declarations.
const loadHighs = (createRequire(import.meta.url)('highs') as typeof import('highs')).default;

let runtime: Promise<Highs> | undefined;

/**
 * HiGHS reads a bound or cost of at least `infinite_bound` / `infinite_cost` (default 1e20) as
 * infinite and refuses a matrix entry of `large_matrix_value` (default 1e15) or more. Plenty's
 * numbers go up to MAX_MAGNITUDE (1e30), and scaling may move them further by powers of two: only
 * a true ±Infinity means "no bound", so these thresholds are set as high as HiGHS takes them (it
 * refuses Infinity itself).
 */
const FINITE_IS_FINITE = { infinite_bound: Number.MAX_VALUE, infinite_cost: Number.MAX_VALUE, large_matrix_value: Number.MAX_VALUE } as const;

function post(message: HighsWorkerMessage): void {
  port?.postMessage(message);
}

function infoNumber(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return 0;
  }
}

async function solve(req: HighsSolveRequest): Promise<HighsDoneMessage> {
  runtime ??= loadHighs();
  const highs = await runtime;
  const { lp } = req;
  const model = highs.createModel();
  try {
    const mip = lp.integrality !== undefined;
    model.options.set({ output_flag: false, solver: mip ? 'choose' : req.method, ...FINITE_IS_FINITE });
    if (mip) model.options.set({ mip_rel_gap: req.mipGap ?? 1e-4 });
    if (!mip && req.method === 'ipm') model.options.set({ run_crossover: 'on' });
    if (!mip && req.method === 'pdlp') model.options.set({ pdlp_optimality_tolerance: req.gap, primal_feasibility_tolerance: req.gap, dual_feasibility_tolerance: req.gap });
    if (req.timeLimit !== undefined) model.options.set('time_limit', req.timeLimit);
    model.passModel({
      numCols: lp.cols,
      numRows: lp.rows,
      sense: highs.constants.objectiveSense.minimize,
      offset: lp.offset,
      colCost: lp.c,
      colLower: lp.colLower,
      colUpper: lp.colUpper,
      rowLower: lp.rowLower,
      rowUpper: lp.rowUpper,
      matrix: { format: 'csr', numRows: lp.rows, numCols: lp.cols, starts: lp.rowPtr, indices: lp.colIdx, values: lp.values },
      ...(lp.integrality === undefined ? {} : { integrality: lp.integrality }),
    });
    let callbacks: HighsCallbackMap = {};
    if (req.progress) {
      let last = 0;
      const report = (iteration: number, what: string): void => {
        const now = Date.now();
        if (now - last < req.progressIntervalMs) return;
        last = now;
        post({ type: 'progress', iteration, text: `${what} iteration ${iteration}` });
      };
      callbacks = {
        [highs.constants.callbackType.simplexInterrupt](event) {
          report(event.data.simplex_iteration_count ?? 0, 'simplex');
        },
        [highs.constants.callbackType.ipmInterrupt](event) {
          report(event.data.ipm_iteration_count ?? 0, 'interior point');
        },
      };
    }
    const result = model.run(callbacks);
    const solution = model.getSolution();
    const none = highs.constants.solutionStatus.none;
    const iterations =
      req.method === 'simplex'
        ? infoNumber(model, 'simplex_iteration_count')
        : req.method === 'ipm'
          ? infoNumber(model, 'ipm_iteration_count')
          : infoNumber(model, 'pdlp_iteration_count');
    return {
      type: 'done',
      modelStatus: result.modelStatus,
      x: solution.colValue,
      rowActivity: solution.rowValue,
      rowDual: solution.rowDual,
      colDual: solution.colDual,
      hasPrimal: infoNumber(model, 'primal_solution_status') !== none,
      hasDual: infoNumber(model, 'dual_solution_status') !== none,
      iterations,
      ...(mip ? { mip: { gap: infoNumber(model, 'mip_gap'), bound: infoNumber(model, 'mip_dual_bound'), nodes: infoNumber(model, 'mip_node_count') } } : {}),
    };
  } finally {
    try {
      model.dispose();
    } catch {
      // An aborted instance cannot free its model; the worker is replaced anyway.
    }
  }
}

port.on('message', (req: HighsSolveRequest) => {
  solve(req).then(
    (done) => {
      const buffers = new Set([done.x.buffer, done.rowActivity.buffer, done.rowDual.buffer, done.colDual.buffer] as ArrayBuffer[]);
      port.postMessage(done, [...buffers]);
    },
    (err: unknown) => post({ type: 'failed', ...highsFailure(err) }),
  );
});
