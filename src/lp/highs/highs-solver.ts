import { Worker } from 'node:worker_threads';
import { noSolution } from './no-solution.js';
import { inputError } from '../../model/errors.js';
import { checkSolution } from '../check-solution.js';
import { hasIntegers } from '../lp-types.js';
import type { LinearProgram, LpSolution, LpSolveOptions, LpSolver } from '../lp-types.js';
import { validateLp } from '../validate-lp.js';
import { hasLargeBound, relaxRedundantBounds } from '../relax-redundant-bounds.js';
import { timerDelay } from '../timer-delay.js';
import { scaleLp } from '../scale-lp.js';
import type { ScaledLp } from '../scale-lp.js';
import type { HighsDoneMessage, HighsLpData, HighsMethod, HighsSolveRequest, HighsWorkerMessage } from './protocol.js';
import { statusFromHighs } from './status-from-highs.js';
import { solveMip, type MipRun } from './solve-mip.js';

export interface HighsSolverOptions {
  /**
   * 'simplex' (dual revised simplex), 'ipm' (interior point with crossover to a basic solution),
   * 'pdlp' (first-order, to the requested gap) or 'auto' (default): simplex up to
   * `simplexUpToNonZeros` non-zeros, interior point above. `LpSolveOptions.method` overrides it.
   */
  readonly method?: HighsMethod | 'auto';
  /** Largest problem for automatic routing (default 15e6: the WebAssembly memory ceiling is 2 GiB). */
  readonly maxNonZeros?: number;
  /** Non-zeros up to which 'auto' uses simplex (default 200 000). */
  readonly simplexUpToNonZeros?: number;
  /** Least time between two progress reports, in milliseconds (default 1000). */
  readonly progressIntervalMs?: number;
  /**
   * Scale the LP before HiGHS sees it: rows, columns, bounds and costs to order 1 by powers of two
   * (scaleLp), so that HiGHS's absolute tolerances (1e-7 on primal and dual feasibility) become
   * relative to the problem's own magnitudes. The solution is mapped back exactly and its residuals
   * are those of the original LP. Default: on for simplex and interior point, off for PDLP, which
   * preconditions itself and whose tolerance is relative — it then applies to the scaled LP, and on
   * an LP that is well scaled already the original residuals came out up to about 30 times the gap
   * — except when bounds beyond LARGE_BOUND (1e20) remain after relaxRedundantBounds: unscaled,
   * HiGHS's PDLP called such an LP infeasible or unbounded.
   */
  readonly scale?: boolean;
}

export interface HighsSolveOptions extends LpSolveOptions {
  /** Aborting terminates the worker: the solve returns status 'error' with message "cancelled". */
  readonly signal?: AbortSignal;
}

const DEFAULT_MAX_NON_ZEROS = 15e6;
const DEFAULT_SIMPLEX_UP_TO = 200_000;
const METHODS: readonly string[] = ['simplex', 'ipm', 'pdlp', 'auto'];
const WORKER_URL = new URL('./highs-worker.js', import.meta.url);

/**
 * Idle workers (each with its HiGHS instance loaded, about half a second to start) kept for the
 * next solves; unref'd so they never hold the process open.
 */
const spares: Worker[] = [];
const MAX_SPARES = 4;

function newWorker(): Worker {
  const w = new Worker(WORKER_URL);
  w.on('exit', () => {
    const k = spares.indexOf(w);
    if (k >= 0) spares.splice(k, 1);
  });
  return w;
}

function acquireWorker(): Worker {
  const w = spares.pop() ?? newWorker();
  w.ref();
  return w;
}

function releaseWorker(w: Worker, healthy: boolean): void {
  if (healthy && spares.length < MAX_SPARES) {
    w.unref();
    spares.push(w);
  } else {
    void w.terminate();
  }
}

type Outcome =
  | { readonly kind: 'done'; readonly msg: HighsDoneMessage }
  | { readonly kind: 'failed'; readonly message: string; readonly fatal: boolean }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' };

function runOnWorker(
  worker: Worker,
  req: HighsSolveRequest,
  onProgress: LpSolveOptions['onProgress'],
  watchdogMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    const started = Date.now();
    let lastIteration = 0;
    let lastReport = started;
    const timers: NodeJS.Timeout[] = [];
    const finish = (o: Outcome): void => {
      for (const t of timers) clearTimeout(t);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const onMessage = (m: HighsWorkerMessage): void => {
      if (m.type === 'progress') {
        lastIteration = m.iteration;
        lastReport = Date.now();
        onProgress?.({ iteration: m.iteration, text: m.text });
      } else if (m.type === 'done') finish({ kind: 'done', msg: m });
      else finish({ kind: 'failed', message: m.message, fatal: m.fatal });
    };
    const onError = (err: Error): void => finish({ kind: 'failed', message: `HiGHS worker failed: ${err.message}`, fatal: true });
    const onExit = (code: number): void =>
      finish({ kind: 'failed', message: `HiGHS worker stopped (exit code ${code}), probably out of memory: the WebAssembly instance is limited to 2 GiB`, fatal: true });
    const onAbort = (): void => finish({ kind: 'cancelled' });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (signal !== undefined) {
      if (signal.aborted) {
        finish({ kind: 'cancelled' });
        return;
      }
      signal.addEventListener('abort', onAbort);
    }
    if (watchdogMs !== undefined) timers.push(setTimeout(() => finish({ kind: 'timeout' }), watchdogMs));
    if (onProgress !== undefined) {
      // Elapsed-time progress while HiGHS offers none (PDLP, presolve, crossover).
      const every = req.progressIntervalMs;
      const tick = (): void => {
        const now = Date.now();
        if (now - lastReport >= every) {
          lastReport = now;
          onProgress({ iteration: lastIteration, text: `HiGHS ${req.method}: ${((now - started) / 1000).toFixed(0)} s` });
        }
        timers[0] = setTimeout(tick, every);
      };
      timers.unshift(setTimeout(tick, every));
    }
    worker.postMessage(req);
  });
}

function checkSizes(lp: LinearProgram): void {
  const { A } = lp;
  const n = A.cols;
  const m = A.rows;
  if (lp.c.length !== n || lp.colLower.length !== n || lp.colUpper.length !== n || lp.rowLower.length !== m || lp.rowUpper.length !== m || A.rowPtr.length !== m + 1) {
    throw new Error(`LinearProgram${lp.name !== undefined ? ` "${lp.name}"` : ''} has inconsistent sizes (${m} rows, ${n} columns)`);
  }
}

function toLpData(lp: LinearProgram): HighsLpData {
  const { A } = lp;
  const n = A.cols;
  const m = A.rows;
  // HiGHS always minimises here: its reported duals for a maximisation differ between methods
  // (PDLP's come back in the minimisation's signs), so a max problem goes in as min −cᵀx.
  const max = lp.sense === 'max';
  return {
    offset: max ? -(lp.offset ?? 0) : (lp.offset ?? 0),
    rows: m,
    cols: n,
    c: max ? lp.c.map((v) => -v) : lp.c,
    rowPtr: A.rowPtr,
    colIdx: A.colIdx,
    values: A.values,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
  };
}

function resolveMethod(lp: LinearProgram, requested: string | undefined, fallback: HighsMethod | 'auto', simplexUpTo: number): HighsMethod {
  const method = requested ?? fallback;
  if (!METHODS.includes(method)) throw inputError('unknown-method', `unknown HiGHS method; use one of ${METHODS.join(', ')}`, { path: ['method'] }, method);
  if (method !== 'auto') return method as HighsMethod;
  return lp.A.rowPtr[lp.A.rows] <= simplexUpTo ? 'simplex' : 'ipm';
}

function fromDone(lp: LinearProgram, scaling: ScaledLp | undefined, method: HighsMethod, done: HighsDoneMessage, gap: number, elapsedMs: number): LpSolution {
  // HiGHS solved the scaled LP (if any); map its point back to the original LP, exactly (powers
  // of two), before anything is checked or reported.
  const msg = scaling === undefined ? done : { ...done, ...scaling.unscalePoint(done) };
  // HiGHS solved min c'ᵀx with c' = c (min) or −c (max); its duals are ∂(c'ᵀx)/∂(bound), with
  // c' = Aᵀ·rowDual + colDual. Plenty's convention is ∂(objective)/∂(bound) in the objective's own
  // direction (lp-types.ts): the same for a min, negated for a max. The backend suite checks this in
  // both senses, by signs and by perturbation.
  if (lp.sense === 'max') {
    const { rowDual, colDual } = msg;
    for (let i = 0; i < rowDual.length; i++) rowDual[i] = -rowDual[i];
    for (let j = 0; j < colDual.length; j++) colDual[j] = -colDual[j];
  }
  // The residuals reported are always those of the original LP.
  const check = checkSolution(lp, msg.x, msg.rowDual, msg.colDual);
  let status = statusFromHighs(msg.modelStatus);
  let message: string | undefined;
  if (status === 'unknown' && msg.hasPrimal && Math.max(check.primalResidual, check.dualResidual, check.relativeGap) <= gap) {
    status = 'optimal';
    message = `HiGHS stopped with status unknown, but the residuals and the gap are within ${gap}`;
  } else if (status === 'error') {
    message = `HiGHS failed (model status ${msg.modelStatus})`;
  } else if (status === 'optimal' && !msg.hasDual) {
    message = 'HiGHS found an optimum but no duals';
  }
  const objective =
    status === 'unbounded'
      ? lp.sense === 'max'
        ? Infinity
        : -Infinity
      : status === 'infeasible' || status === 'infeasible-or-unbounded' || status === 'error' || !msg.hasPrimal
        ? Number.NaN
        : check.primalObjective;
  const base = {
    status,
    objective,
    x: msg.x,
    rowActivity: msg.rowActivity,
    rowDual: msg.rowDual,
    colDual: msg.colDual,
    primalResidual: check.primalResidual,
    dualResidual: check.dualResidual,
    relativeGap: check.relativeGap,
    iterations: msg.iterations,
    elapsedMs,
    solver: `highs-${method}`,
  };
  return message === undefined ? base : { ...base, message };
}

/** One solve of `relaxed` (with `scaling`, if any) on a worker, reported against the original `lp`. */
async function solveOnce(a: {
  readonly lp: LinearProgram;
  readonly relaxed: LinearProgram;
  readonly scaling: ScaledLp | undefined;
  readonly method: HighsMethod;
  readonly gap: number;
  readonly timeLimit: number | undefined;
  readonly progressIntervalMs: number;
  readonly options: HighsSolveOptions;
  readonly started: number;
}): Promise<LpSolution> {
  const { lp, scaling, method, gap, options, timeLimit } = a;
  const base = { type: 'solve' as const, lp: toLpData(scaling?.scaled ?? a.relaxed), method, gap, progress: options.onProgress !== undefined, progressIntervalMs: a.progressIntervalMs };
  const req: HighsSolveRequest = timeLimit === undefined ? base : { ...base, timeLimit };
  // HiGHS checks its time limit itself; the watchdog only catches a solve that ignores it.
  const watchdogMs = timeLimit === undefined ? undefined : timerDelay(timeLimit * 1500 + 10_000);
  const worker = acquireWorker();
  const outcome = await runOnWorker(worker, req, options.onProgress, watchdogMs, options.signal);
  const elapsedMs = performance.now() - a.started;
  switch (outcome.kind) {
    case 'done':
      releaseWorker(worker, true);
      return fromDone(lp, scaling, method, outcome.msg, gap, elapsedMs);
    case 'failed':
      releaseWorker(worker, !outcome.fatal);
      return noSolution(lp, `highs-${method}`, 'error', outcome.fatal ? outcome.message : `HiGHS refused or failed on the linear program (${outcome.message})`, elapsedMs);
    case 'timeout':
      releaseWorker(worker, false);
      return noSolution(lp, `highs-${method}`, 'time-limit', `HiGHS did not stop at its time limit of ${timeLimit} s; the solve was stopped`, elapsedMs);
    case 'cancelled':
      releaseWorker(worker, false);
      return noSolution(lp, `highs-${method}`, 'error', 'cancelled', elapsedMs);
  }
}

/** Runs a mixed-integer program on a worker (solveMip's first step). */
async function runMip(data: HighsLpData, mipGap: number, timeLimit: number | undefined, progressIntervalMs: number, options: HighsSolveOptions): Promise<MipRun> {
  const base = { type: 'solve' as const, lp: data, method: 'simplex' as const, gap: mipGap, mipGap, progress: false, progressIntervalMs };
  const req: HighsSolveRequest = timeLimit === undefined ? base : { ...base, timeLimit };
  const watchdogMs = timeLimit === undefined ? undefined : timerDelay(timeLimit * 1500 + 10_000);
  const worker = acquireWorker();
  const outcome = await runOnWorker(worker, req, options.onProgress, watchdogMs, options.signal);
  switch (outcome.kind) {
    case 'done':
      releaseWorker(worker, true);
      return outcome;
    case 'failed':
      releaseWorker(worker, !outcome.fatal);
      return { kind: 'stopped', status: 'error', message: outcome.fatal ? outcome.message : `HiGHS refused or failed on the mixed-integer program (${outcome.message})` };
    case 'timeout':
      releaseWorker(worker, false);
      return { kind: 'stopped', status: 'time-limit', message: `HiGHS did not stop at its time limit of ${timeLimit} s; the solve was stopped` };
    case 'cancelled':
      releaseWorker(worker, false);
      return { kind: 'stopped', status: 'error', message: 'cancelled' };
  }
}

/**
 * A HiGHS backend. Each solve runs in a worker thread holding its own WebAssembly instance: the
 * caller's event loop stays free, an abort signal or a stuck solve ends by terminating the worker,
 * and an out-of-memory abort kills only that worker (status 'error'; the next solve loads a fresh
 * instance). The LP goes in as typed arrays through HiGHS's model API, never as LP text.
 */
export function createHighsSolver(options: HighsSolverOptions = {}): LpSolver & { solve(lp: LinearProgram, options?: HighsSolveOptions): Promise<LpSolution> } {
  const fallback = options.method ?? 'auto';
  if (!METHODS.includes(fallback)) throw inputError('unknown-method', `unknown HiGHS method; use one of ${METHODS.join(', ')}`, { path: ['method'] }, fallback);
  const simplexUpTo = options.simplexUpToNonZeros ?? DEFAULT_SIMPLEX_UP_TO;
  const progressIntervalMs = options.progressIntervalMs ?? 1000;
  const scale = options.scale;
  const solver = {
    name: 'highs',
    maxNonZeros: options.maxNonZeros ?? DEFAULT_MAX_NON_ZEROS,
    async solve(lp: LinearProgram, solveOptions: HighsSolveOptions = {}): Promise<LpSolution> {
      const started = performance.now();
      const requested = resolveMethod(lp, solveOptions.method, fallback, simplexUpTo);
      const gap = solveOptions.gap ?? 1e-6;
      const timeLimit = solveOptions.timeLimit;
      if (!(gap > 0)) throw inputError('bad-gap', 'the gap must be a positive number', { path: ['gap'] }, gap);
      if (timeLimit !== undefined && !(timeLimit > 0)) throw inputError('bad-time-limit', 'the time limit must be a positive number of seconds', { path: ['timeLimit'] }, timeLimit);
      checkSizes(lp);
      validateLp(lp);
      if (hasIntegers(lp)) {
        const mipGap = solveOptions.mipGap;
        if (mipGap !== undefined && !(mipGap >= 0 && mipGap < 1)) throw inputError('bad-mip-gap', 'the MIP gap must be a number from 0 to less than 1', { path: ['mipGap'] }, mipGap);
        // Scaled as an LP is (rows and continuous columns; whole-valued columns keep scale 1, so
        // they stay whole): branch and bound works to HiGHS's absolute tolerances too.
        const scaling = scale === false ? undefined : scaleLp(lp, lp.integrality === undefined ? {} : { keepColumns: lp.integrality });
        const s = await solveMip(
          scaling === undefined ? lp : scaling.scaled,
          solveOptions,
          {
            run: (data, gapAsked, limit) => runMip(data, gapAsked, limit, progressIntervalMs, solveOptions),
            solveLp: (fixed, o) => solver.solve(fixed, o),
            toData: toLpData,
          },
          started,
        );
        return scaling === undefined ? s : unscaleMip(s, scaling);
      }
      // Large bounds that other constraints imply go (the solution is the same); the rest stay
      // finite, and only simplex solves with them reliably.
      const relaxed = relaxRedundantBounds(lp);
      const large = hasLargeBound(relaxed);
      const method = large ? 'simplex' : requested;
      const notes: string[] = method === requested ? [] : [`${requested === 'ipm' ? 'interior point' : 'PDLP'} does not handle bounds beyond 1e20 that the other constraints leave open; solved by simplex instead`];
      const attempt = { lp, relaxed, method, gap, timeLimit, progressIntervalMs, options: solveOptions, started };
      let s = await solveOnce({ ...attempt, scaling: (scale ?? method !== 'pdlp') ? scaleLp(relaxed) : undefined });
      if (s.status === 'error' && large && s.message !== 'cancelled') {
        // HiGHS's simplex stops on primal values beyond 1e25: again, with every bound divided by a
        // power of two so that the largest is 2^60 (smaller ones then count relative to it).
        const left = timeLimit === undefined ? undefined : Math.max(1e-9, timeLimit - (performance.now() - started) / 1000);
        s = await solveOnce({ ...attempt, timeLimit: left, scaling: scaleLp(relaxed, { reduceBounds: true }) });
        notes.push('solved with every bound divided by one power of two, so that the largest is 2^60: HiGHS stops on primal values beyond 1e25');
      }
      const message = [...notes, ...(s.message === undefined ? [] : [s.message])].join('; ');
      return message === '' ? s : { ...s, message };
    },
  };
  return solver;
}

/** HiGHS with automatic method choice (see HighsSolverOptions). */
export const highsSolver: LpSolver = createHighsSolver();

/**
 * A MIP's solution of its scaled copy in the original's terms: the point and residuals as
 * scaleLp's unscale gives them, the objective, bound and gap of branch and bound in the
 * original objective's units (the gap is relative, so only its denominator max(1, |objective|)
 * changes).
 */
function unscaleMip(s: LpSolution, scaling: ScaledLp): LpSolution {
  const u = scaling.unscale(s);
  if (s.mip === undefined) return u;
  const sigma = scaling.objectiveScale;
  const objective = s.objective / sigma;
  const bound = s.mip.bound / sigma;
  const gap = Number.isFinite(bound) && Number.isFinite(objective) ? Math.abs(bound - objective) / Math.max(1, Math.abs(objective)) : s.mip.gap;
  return { ...u, objective, relativeGap: gap, mip: { ...s.mip, bound, gap } };
}
