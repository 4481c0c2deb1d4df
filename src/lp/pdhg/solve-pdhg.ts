import { initialPrimalWeight, pdhgStep } from './pdhg-step.js';
import { matvec } from '../../sparse/matvec.js';
import { checkSolution } from '../check-solution.js';
import type { LinearProgram, LpSolution, LpStatus } from '../lp-types.js';
import { copyPoint, startingPoint, divergenceLimit, diverged, DIVERGED, FINITE_ENOUGH, findRay, newPoint, type Point, type Run } from './pdhg-point.js';
import { runHalpern } from './run-halpern.js';
import { evaluateIterate, kktError, worstMeasure } from './evaluate-iterate.js';
import { relaxRedundantBounds } from '../relax-redundant-bounds.js';
import { resolvePdhgOptions, type PdhgOptions, type ResolvedPdhgOptions } from './pdhg-options.js';
import type { PdhgProducts } from './pdhg-products.js';
import { runPreconditioned } from './preconditioned-run.js';
import { presolve } from './presolve.js';
import type { ScaledLp } from './scaled-lp.js';
import { validateLp } from '../validate-lp.js';
import { addScaled, crossDifference, largestMagnitude, scaleInto, squaredDistance } from './vector-kernels.js';

/** PDLP's restart parameters (β_sufficient, β_necessary, β_artificial). */
const RESTART_SUFFICIENT = 0.2;
const RESTART_NECESSARY = 0.8;
const RESTART_ARTIFICIAL = 0.36;

/**
 * Solves a linear program with restarted, preconditioned primal–dual hybrid gradient (PDLP:
 * Applegate et al. 2021, and the KKT-error restarts of cuPDLP). Works on the saddle point
 *
 *   min over x ∈ [l_c, u_c]  max over y   cᵀx − yᵀA x + Σ_i (y_i > 0 ? y_i l_i : y_i u_i)
 *
 * where y_i may be positive only on rows with a finite lower bound and negative only on rows with
 * a finite upper bound (equality and ranged rows: free; free rows: 0); the dual step projects by
 * that sign pattern. Per iteration one product with Ã and one with Ãᵀ (formed once). Adaptive step
 * size, primal weight updated at restarts, restarts to the average or the current iterate when the
 * weighted KKT error has fallen enough. Termination when the relative primal residual, dual
 * residual and gap of the current or averaged iterate, in original units, are all ≤ `gap`. The
 * reported residuals are recomputed for the returned point by `checkSolution`.
 *
 * 'infeasible' needs a dual ray and 'unbounded' a primal ray and a feasible point, each checked
 * (check-rays.ts); iterates that diverge stop the run, and a run without objective settles what
 * it can (settle), else the status is 'unknown' with a sentence. Every number returned is finite.
 */
export function solvePdhg(lp: LinearProgram, options: PdhgOptions = {}, defaults: PdhgOptions = {}): LpSolution {
  const started = performance.now();
  validateLp(lp);
  const o = resolvePdhgOptions(defaults, options);
  const onProgress = options.onProgress ?? defaults.onProgress;
  const m = lp.A.rows;
  const n = lp.A.cols;
  const crossed = crossedBound(lp);
  if (crossed !== undefined) return trivial(lp, 'infeasible', crossed, started);
  if (o.start !== undefined && (o.start.x.length !== n || o.start.rowDual.length !== m)) {
    throw new RangeError(`solvePdhg: start has ${o.start.x.length} values of x and ${o.start.rowDual.length} row duals, the LP ${n} columns and ${m} rows`);
  }
  if (o.presolve) {
    const p = presolve(lp);
    if (p !== undefined) {
      const start = o.start === undefined ? undefined : p.reduce(o.start.x, o.start.rowDual);
      const r = solveAsGiven(p.reduced, { ...o, presolve: false, start }, onProgress, performance.now());
      const back = p.postsolve(r.x, r.rowDual, r.colDual);
      return fromPoint(lp, back.x, back.rowDual, back.colDual, r.status, `${r.message}; presolve removed ${p.removedRows} rows and ${p.removedCols} columns`, r.iterations, started);
    }
  }
  const r = solveAsGiven(lp, o, onProgress, started);
  return fromPoint(lp, r.x, r.rowDual, r.colDual, r.status, r.message, r.iterations, started);
}

/** A point of an LP with its status: what solvePdhg's answer is made of before it is checked. */
interface Answer {
  readonly x: Float64Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  readonly status: LpStatus;
  readonly message: string;
  readonly iterations: number;
}

/** The sentence for the first column or row whose lower bound is above its upper bound, if any. */
function crossedBound(lp: LinearProgram): string | undefined {
  for (let j = 0; j < lp.A.cols; j++) {
    if (lp.colLower[j] > lp.colUpper[j]) return `variable ${j} has lower bound ${lp.colLower[j]} above its upper bound ${lp.colUpper[j]}`;
  }
  for (let i = 0; i < lp.A.rows; i++) {
    if (lp.rowLower[i] > lp.rowUpper[i]) return `row ${i} has lower bound ${lp.rowLower[i]} above its upper bound ${lp.rowUpper[i]}`;
  }
  return undefined;
}

/**
 * solvePdhg on `lp` as it is (no presolve), unchecked: the point and its status (residuals are
 * left to the caller, which checks the point of the LP it was asked to solve).
 */
function solveAsGiven(lp: LinearProgram, o: ResolvedPdhgOptions, onProgress: PdhgOptions['onProgress'], started: number): Answer {
  const crossed = crossedBound(lp);
  if (crossed !== undefined) {
    return { x: new Float64Array(lp.A.cols), rowDual: new Float64Array(lp.A.rows), colDual: new Float64Array(lp.A.cols), status: 'infeasible', message: crossed, iterations: 0 };
  }
  // Large bounds that the other constraints imply go: same solution, and the step sizes and
  // residuals no longer follow a limit that cannot bind.
  const work = relaxRedundantBounds(lp);
  const run = o.iteration === 'halpern' ? runHalpern(work, o, onProgress, started) : runPdhg(work, o, onProgress, started);
  const { status, message } = run.status === 'diverged' || run.status === 'primal-ray' ? settle(work, run, o, started) : { status: run.status, message: run.message };
  return finish(lp, work, run.scaled, run.point, status, message, run.iterations, run.restarts);
}

/**
 * The status of a run that ended without a full certificate: iterates that diverged, or a primal
 * ray without a feasible point. A run of PDHG on the same constraints with no objective (c = 0,
 * which has no primal ray) decides: a dual ray there proves the LP infeasible; a feasible point
 * there, with the primal ray, proves it unbounded. Otherwise the status says what is known.
 */
function settle(lp: LinearProgram, run: Run, o: ResolvedPdhgOptions, started: number): { status: LpStatus; message: string } {
  const timeLimit = Math.max(0, o.timeLimit - (performance.now() - started) / 1000);
  const maxIterations = Math.max(o.evaluationFrequency, o.maxIterations - run.iterations);
  const feasibility = runPdhg({ ...lp, c: new Float64Array(lp.A.cols), offset: 0 }, { ...o, timeLimit, maxIterations, start: undefined }, undefined, performance.now());
  const diverged = run.status === 'diverged' ? `the iterates diverged (beyond ${DIVERGED.toExponential(0)} times the data) after ${run.iterations} iterations; ` : '';
  if (feasibility.status === 'infeasible') return { status: 'infeasible', message: `${diverged}a dual ray proves the constraints infeasible` };
  if (run.status === 'primal-ray') {
    if (feasibility.status === 'optimal') return { status: 'unbounded', message: `${diverged}a feasible point and a primal ray: the objective improves without bound` };
    return { status: 'infeasible-or-unbounded', message: `${diverged}a primal ray improves the objective without bound, but whether the constraints are feasible was not settled within the limits` };
  }
  const feasible = feasibility.status === 'optimal' ? 'the constraints are feasible, so it is probably unbounded' : 'it is probably infeasible or unbounded';
  return { status: 'unknown', message: `${diverged}no certificate was found: ${feasible}; HiGHS can tell` };
}

/** One run of restarted PDHG on `lp` (lower bounds at most upper bounds); see solvePdhg. */
function runPdhg(lp: LinearProgram, o: ResolvedPdhgOptions, onProgress: PdhgOptions['onProgress'], started: number): Run {
  return runPreconditioned(lp, o, (s, products) => runPdhgWith(lp, s, o, onProgress, started, products));
}

function runPdhgWith(lp: LinearProgram, s: ScaledLp, o: ResolvedPdhgOptions, onProgress: PdhgOptions['onProgress'], started: number, products: PdhgProducts, feasibilityFrom?: Float64Array): Run {
  const deadline = started + o.timeLimit * 1000;
  const m = lp.A.rows;
  const n = lp.A.cols;
  const { A, colLower, colUpper } = s;
  const divergence = divergenceLimit(s);
  const cNorm = largestMagnitude(lp.c);

  // Initial primal weight ‖c̃‖₂ / ‖b̃‖₂ and step 1 / ‖Ã‖_max.
  let omega = initialPrimalWeight(lp, s);
  const maxAbs = largestMagnitude(A.values);
  let eta = maxAbs > 0 ? 1 / maxAbs : 1;

  let cur = newPoint(m, n);
  let next = newPoint(m, n);
  if (feasibilityFrom !== undefined) {
    for (let j = 0; j < n; j++) cur.x[j] = Math.min(Math.max(feasibilityFrom[j], colLower[j]), colUpper[j]);
  } else startingPoint(s, cur, o.start);
  matvec(A, cur.x, cur.Ax);
  products.AT(cur.y, cur.ATy);
  let nextPolish = 0;
  let polished = 0;
  const restartPoint = newPoint(m, n);
  copyPoint(cur, restartPoint);
  const start = newPoint(m, n);
  copyPoint(cur, start);
  const avg = newPoint(m, n);
  const sum = newPoint(m, n);
  let weightSum = 0;
  const work = { dx: new Float64Array(n), dy: new Float64Array(m), m: new Float64Array(m), n: new Float64Array(n) };

  let restartKkt = kktError(evaluateIterate(s, cur.x, cur.y, cur.Ax, cur.ATy, cNorm), omega);
  let previousCandidateKkt = Infinity;
  let sinceRestart = 0;
  let iterations = 0;
  let restarts = 0;
  let status: Run['status'] | undefined;
  let message = '';
  let result: Point | undefined;

  const average = (): void => {
    const w = 1 / weightSum;
    scaleInto(avg.x, w, sum.x);
    scaleInto(avg.ATy, w, sum.ATy);
    scaleInto(avg.y, w, sum.y);
    scaleInto(avg.Ax, w, sum.Ax);
  };

  for (;;) {
    // One PDHG step with adaptive step size (PDLP): retried with a smaller η when rejected.
    const tau = eta / omega;
    const sigma = eta * omega;
    const { x, y, ATy } = cur;
    pdhgStep(s, products, cur, next, tau, sigma);
    const dx2 = squaredDistance(x, next.x);
    const interaction = Math.abs(crossDifference(x, next.x, ATy, next.ATy));
    const dy2 = squaredDistance(y, next.y);
    const movement = 0.5 * (omega * dx2 + dy2 / omega);
    const limit = interaction > 0 ? movement / interaction : Infinity;
    const k = iterations + 1;
    const accepted = eta <= limit;
    const proposal = Math.min((1 - Math.pow(k + 1, -0.3)) * limit, (1 + Math.pow(k + 1, -0.6)) * eta);
    if (accepted) {
      const swap = cur;
      cur = next;
      next = swap;
      iterations++;
      sinceRestart++;
      weightSum += eta;
      addScaled(sum.x, eta, cur.x);
      addScaled(sum.ATy, eta, cur.ATy);
      addScaled(sum.y, eta, cur.y);
      addScaled(sum.Ax, eta, cur.Ax);
    }
    if (Number.isFinite(proposal) && proposal > 0) eta = proposal;
    if (!accepted) continue;

    // A step that moved nothing (a fixed point, or steps too small to register) is evaluated at
    // once: optimal only if the measures say so.
    const timeUp = performance.now() > deadline;
    if (movement !== 0 && iterations % o.evaluationFrequency !== 0 && !timeUp && iterations < o.maxIterations) continue;

    // Iterates far beyond the data have diverged; they are still searched for a certificate first,
    // unless they have left the finite numbers (or come near enough that squares would).
    const far = diverged(cur, divergence);
    if (far && diverged(cur, FINITE_ENOUGH)) {
      result = cur;
      status = 'diverged';
      break;
    }
    average();
    const qCur = evaluateIterate(s, cur.x, cur.y, cur.Ax, cur.ATy, cNorm);
    const qAvg = evaluateIterate(s, avg.x, avg.y, avg.Ax, avg.ATy, cNorm);
    const best = worstMeasure(qAvg) < worstMeasure(qCur) ? avg : cur;
    const qBest = best === avg ? qAvg : qCur;
    onProgress?.({
      iteration: iterations,
      relativeGap: qBest.relativeGap,
      primalResidual: qBest.relativePrimal,
      dualResidual: qBest.relativeDual,
      text: `pdhg ${iterations}: primal ${qBest.relativePrimal.toExponential(2)} dual ${qBest.relativeDual.toExponential(2)} gap ${qBest.relativeGap.toExponential(2)} restarts ${restarts}`,
    });
    if (feasibilityFrom !== undefined ? qBest.relativePrimal <= o.gap : worstMeasure(qBest) <= o.gap) {
      result = best;
      status = 'optimal';
      break;
    }
    // Feasibility polishing (PDLP, Applegate et al. 2025): when only the primal residual is above
    // the tolerance, PDHG on the constraints alone (no objective) from this x, for a budget of an
    // eighth of the iterations so far; its x with this y is taken if the pair is optimal to the
    // tolerance. Tried again after twice as many iterations.
    if (o.polish && feasibilityFrom === undefined && iterations >= nextPolish && qBest.relativePrimal > o.gap && qBest.relativeDual <= o.gap && qBest.relativeGap <= o.gap) {
      nextPolish = 2 * iterations;
      const zeroLp = { ...lp, c: new Float64Array(n), offset: 0 };
      const budget = Math.max(4 * o.evaluationFrequency, Math.floor(iterations / 8));
      const feasibility = runPdhgWith(zeroLp, { ...s, c: new Float64Array(n) }, { ...o, maxIterations: budget }, undefined, started, products, best.x);
      polished += feasibility.iterations;
      if (feasibility.status === 'optimal') {
        const pair: Point = { x: feasibility.point.x, Ax: feasibility.point.Ax, y: best.y, ATy: best.ATy };
        const q = evaluateIterate(s, pair.x, pair.y, pair.Ax, pair.ATy, cNorm);
        if (worstMeasure(q) <= o.gap) {
          result = pair;
          status = 'optimal';
          message = `primal feasibility polishing: ${polished} iterations`;
          break;
        }
      }
    }
    // Infeasibility, from the way travelled since the last step, restart and start. A
    // dual ray proves the LP infeasible; a primal ray proves it unbounded only with a feasible point
    // (an infeasible LP may have one too): settle looks for one, unless this iterate is one.
    const kind = findRay(s, cur, [next, restartPoint, start], o.infeasibilityTolerance, work);
    if (kind !== undefined) {
      const feasible = kind === 'primal' && qBest.relativePrimal <= o.gap;
      result = feasible ? best : cur;
      status = kind === 'dual' ? 'infeasible' : feasible ? 'unbounded' : 'primal-ray';
      message = kind === 'dual' ? 'a dual ray proves the constraints infeasible' : 'a feasible point and a primal ray: the objective improves without bound';
      break;
    }
    if (far) {
      result = cur;
      status = 'diverged';
      break;
    }
    if (movement === 0) continue;
    if (timeUp) {
      result = best;
      status = 'time-limit';
      message = `stopped after ${o.timeLimit} s`;
      break;
    }
    if (iterations >= o.maxIterations) {
      result = best;
      status = 'iteration-limit';
      message = `stopped after ${iterations} iterations`;
      break;
    }

    // Restart (cuPDLP's KKT criterion): to the average or the current iterate, whichever is better.
    const kCur = kktError(qCur, omega);
    const kAvg = kktError(qAvg, omega);
    const candidate = kAvg < kCur ? avg : cur;
    const candidateKkt = Math.min(kAvg, kCur);
    const restart =
      candidateKkt <= RESTART_SUFFICIENT * restartKkt ||
      (candidateKkt <= RESTART_NECESSARY * restartKkt && candidateKkt > previousCandidateKkt) ||
      sinceRestart >= RESTART_ARTIFICIAL * iterations;
    previousCandidateKkt = candidateKkt;
    if (!restart) continue;
    restarts++;
    const px = squaredDistance(restartPoint.x, candidate.x);
    const py = squaredDistance(restartPoint.y, candidate.y);
    if (px > 1e-20 && py > 1e-20 && o.primalWeightSmoothing > 0) {
      const theta = o.primalWeightSmoothing;
      omega = Math.exp(theta * Math.log(Math.sqrt(py / px)) + (1 - theta) * Math.log(omega));
    }
    if (candidate !== cur) copyPoint(candidate, cur);
    copyPoint(cur, restartPoint);
    sum.x.fill(0);
    sum.y.fill(0);
    sum.Ax.fill(0);
    sum.ATy.fill(0);
    weightSum = 0;
    sinceRestart = 0;
    restartKkt = kktError(candidate === avg ? qAvg : qCur, omega);
    previousCandidateKkt = Infinity;
  }
  return { status: status ?? 'error', message, scaled: s, point: result ?? cur, iterations: iterations + polished, restarts };
}

/**
 * The answer for `lp` from a point of the scaled `work` (lp with redundant large bounds relaxed):
 * x clamped to lp's bounds, reduced costs on the sides where `work` has a bound.
 */
function finish(lp: LinearProgram, work: LinearProgram, s: ScaledLp, p: Point, status: LpStatus, message: string, iterations: number, restarts: number): Answer {
  const { m, n, rowScale, colScale, sense } = s;
  const x = new Float64Array(n);
  const rowDual = new Float64Array(m);
  const colDual = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let v = p.x[j] * colScale[j];
    if (v < lp.colLower[j]) v = lp.colLower[j];
    else if (v > lp.colUpper[j]) v = lp.colUpper[j];
    x[j] = v;
  }
  for (let i = 0; i < m; i++) rowDual[i] = sense * p.y[i] * rowScale[i];
  // Reduced costs: the feasible part of c − Aᵀy (in the objective's own direction).
  for (let j = 0; j < n; j++) {
    const r = (s.c[j] - p.ATy[j]) / colScale[j];
    let lambda = 0;
    if (r > 0 && work.colLower[j] > -Infinity) lambda = r;
    else if (r < 0 && work.colUpper[j] < Infinity) lambda = r;
    colDual[j] = sense * lambda;
  }
  return { x, rowDual, colDual, status, message: `${message}${message === '' ? '' : '; '}${iterations} iterations, ${restarts} restarts`, iterations };
}

/** The solution of `lp` at (x, rowDual, colDual): residuals and gap by checkSolution on lp itself. */
function fromPoint(lp: LinearProgram, x: Float64Array, rowDual: Float64Array, colDual: Float64Array, status: LpStatus, text: string, iterations: number, started: number): LpSolution {
  const rowActivity = matvec(lp.A, x, new Float64Array(lp.A.rows));
  const check = checkSolution(lp, x, rowDual, colDual);
  return {
    status,
    objective: check.primalObjective,
    x,
    rowActivity,
    rowDual,
    colDual,
    primalResidual: check.primalResidual,
    dualResidual: check.dualResidual,
    relativeGap: check.relativeGap,
    iterations,
    elapsedMs: performance.now() - started,
    solver: 'pdhg',
    message: text,
  };
}

function trivial(lp: LinearProgram, status: LpStatus, message: string, started: number): LpSolution {
  const m = lp.A.rows;
  const n = lp.A.cols;
  return {
    status,
    objective: NaN,
    x: new Float64Array(n),
    rowActivity: new Float64Array(m),
    rowDual: new Float64Array(m),
    colDual: new Float64Array(n),
    primalResidual: NaN,
    dualResidual: NaN,
    relativeGap: NaN,
    iterations: 0,
    elapsedMs: performance.now() - started,
    solver: 'pdhg',
    message,
  };
}
