import { initialPrimalWeight, pdhgStep } from './pdhg-step.js';
import { matvec } from '../../sparse/matvec.js';
import type { LinearProgram } from '../lp-types.js';
import { evaluateIterate, worstMeasure } from './evaluate-iterate.js';
import type { PdhgOptions, ResolvedPdhgOptions } from './pdhg-options.js';
import { copyPoint, startingPoint, divergenceLimit, diverged, FINITE_ENOUGH, findRay, newPoint, type Point, type Run } from './pdhg-point.js';
import type { PdhgProducts } from './pdhg-products.js';
import { runPreconditioned } from './preconditioned-run.js';
import type { ScaledLp } from './scaled-lp.js';
import { spectralNorm } from './spectral-norm.js';
import { crossDifference, halpernCombine, largestMagnitude, squaredDistance } from './vector-kernels.js';

/** cuPDLPx's restart parameters (β_sufficient, β_necessary, β_artificial). */
const RESTART_SUFFICIENT = 0.2;
const RESTART_NECESSARY = 0.5;
const RESTART_ARTIFICIAL = 0.36;
/** cuPDLPx's PID controller of the primal weight: gains K_P, K_I and the integral's discount ρ. */
const WEIGHT_P = 0.99;
const WEIGHT_I = 0.01;
const WEIGHT_DISCOUNT = 0.3;

/**
 * One run of restarted Halpern PDHG with reflection (r2HPDHG: Lu & Yang, "Restarted Halpern PDHG
 * for linear programming", 2024; cuPDLPx, Lu, Peng & Yang 2025) on `lp`, the same saddle point as
 * solvePdhg's adaptive iteration. With ẑ = T(z) one PDHG step at the constant step η = 0.998 / ‖Ã‖₂
 * (split by the primal weight ω: τ = η/ω, σ = ηω), the next iterate is
 *
 *   z_{k+1} = (k+1)/(k+2) · (2γ ẑ + (1 − 2γ) z_k) + 1/(k+2) · z_0,
 *
 * anchored at the restart point z_0. Restarts (to ẑ, which becomes the anchor) when the fixed-point
 * error ‖z − T(z)‖_P, P the PDHG metric, has fallen enough; the primal weight is updated at each
 * restart by cuPDLPx's PID controller. Termination is checked on ẑ. Per iteration one product with
 * Ã and one with Ãᵀ, as in the adaptive iteration, and no rejected steps.
 */
export function runHalpern(lp: LinearProgram, o: ResolvedPdhgOptions, onProgress: PdhgOptions['onProgress'], started: number): Run {
  return runPreconditioned(lp, o, (s, products) => runHalpernWith(lp, s, o, onProgress, started, products));
}

function runHalpernWith(lp: LinearProgram, s: ScaledLp, o: ResolvedPdhgOptions, onProgress: PdhgOptions['onProgress'], started: number, products: PdhgProducts): Run {
  const deadline = started + o.timeLimit * 1000;
  const m = lp.A.rows;
  const n = lp.A.cols;
  const { A, AT } = s;
  const divergence = divergenceLimit(s);
  const gamma = o.reflection;
  const cNorm = largestMagnitude(lp.c);

  let omega = initialPrimalWeight(lp, s);
  const norm = spectralNorm(A, AT);
  const eta = norm > 0 ? 0.998 / norm : 1;

  const cur = newPoint(m, n);
  const hat = newPoint(m, n);
  startingPoint(s, cur, o.start);
  matvec(A, cur.x, cur.Ax);
  products.AT(cur.y, cur.ATy);
  const anchor = newPoint(m, n);
  copyPoint(cur, anchor);
  const start = newPoint(m, n);
  copyPoint(cur, start);
  const work = { dx: new Float64Array(n), dy: new Float64Array(m), m: new Float64Array(m), n: new Float64Array(n) };

  let anchorError = Infinity;
  let previousError = Infinity;
  let integral = 0;
  let sinceRestart = 0;
  let iterations = 0;
  let restarts = 0;
  let status: Run['status'] | undefined;
  let message = '';
  let result: Point | undefined;

  for (;;) {
    const tau = eta / omega;
    const sigma = eta * omega;
    const { x, y, Ax, ATy } = cur;
    pdhgStep(s, products, cur, hat, tau, sigma);
    const hx = hat.x;
    const hy = hat.y;
    const hAx = hat.Ax;
    iterations++;
    sinceRestart++;
    const evaluate = iterations % o.evaluationFrequency === 0 || iterations >= o.maxIterations || performance.now() > deadline;

    // The fixed-point error of z_k, ‖z_k − ẑ‖_P, before z_k is replaced.
    let error = 0;
    let still = false;
    if (evaluate) {
      const dx2 = squaredDistance(x, hx);
      const cross = crossDifference(x, hx, ATy, hat.ATy);
      const dy2 = squaredDistance(y, hy);
      error = Math.sqrt(Math.max(0, (omega / eta) * dx2 + dy2 / (eta * omega) + 2 * cross));
      still = dx2 === 0 && dy2 === 0;
    }

    // z_{k+1} = a (2γ ẑ + (1 − 2γ) z_k) + b z_0, on the iterate and its products alike.
    const k = sinceRestart - 1;
    const a = (k + 1) / (k + 2);
    const b = 1 / (k + 2);
    const p = a * 2 * gamma;
    const q = a * (1 - 2 * gamma);
    halpernCombine(x, p, hx, q, b, anchor.x);
    halpernCombine(ATy, p, hat.ATy, q, b, anchor.ATy);
    halpernCombine(y, p, hy, q, b, anchor.y);
    halpernCombine(Ax, p, hAx, q, b, anchor.Ax);
    if (!evaluate) continue;

    const far = diverged(hat, divergence);
    if (far && diverged(hat, FINITE_ENOUGH)) {
      result = hat;
      status = 'diverged';
      break;
    }
    const q0 = evaluateIterate(s, hx, hy, hAx, hat.ATy, cNorm);
    onProgress?.({
      iteration: iterations,
      relativeGap: q0.relativeGap,
      primalResidual: q0.relativePrimal,
      dualResidual: q0.relativeDual,
      text: `pdhg ${iterations}: primal ${q0.relativePrimal.toExponential(2)} dual ${q0.relativeDual.toExponential(2)} gap ${q0.relativeGap.toExponential(2)} restarts ${restarts}`,
    });
    if (worstMeasure(q0) <= o.gap) {
      result = hat;
      status = 'optimal';
      break;
    }
    const kind = findRay(s, hat, [anchor, start], o.infeasibilityTolerance, work);
    if (kind !== undefined) {
      const feasible = kind === 'primal' && q0.relativePrimal <= o.gap;
      result = hat;
      status = kind === 'dual' ? 'infeasible' : feasible ? 'unbounded' : 'primal-ray';
      message = kind === 'dual' ? 'a dual ray proves the constraints infeasible' : 'a feasible point and a primal ray: the objective improves without bound';
      break;
    }
    if (far) {
      result = hat;
      status = 'diverged';
      break;
    }
    if (still) {
      // A fixed point that is not optimal to the tolerance: nothing more will move.
      result = hat;
      status = 'unknown';
      message = 'the iteration reached a fixed point without meeting the tolerance';
      break;
    }
    if (performance.now() > deadline) {
      result = hat;
      status = 'time-limit';
      message = `stopped after ${o.timeLimit} s`;
      break;
    }
    if (iterations >= o.maxIterations) {
      result = hat;
      status = 'iteration-limit';
      message = `stopped after ${iterations} iterations`;
      break;
    }

    const restart =
      error <= RESTART_SUFFICIENT * anchorError ||
      (error <= RESTART_NECESSARY * anchorError && error > previousError) ||
      sinceRestart >= RESTART_ARTIFICIAL * iterations;
    previousError = error;
    if (!restart) continue;
    restarts++;
    // Primal weight: the PID controller on log(ω ‖Δx‖ / ‖Δy‖), Δ the way from the anchor to ẑ.
    const px = squaredDistance(anchor.x, hx);
    const py = squaredDistance(anchor.y, hy);
    if (px > 1e-32 && py > 1e-32 && px < 1e24 && py < 1e24 && o.primalWeightSmoothing > 0) {
      const e = Math.log(omega * Math.sqrt(px / py));
      integral = WEIGHT_DISCOUNT * integral + e;
      omega = Math.exp(Math.log(omega) - (WEIGHT_P * e + WEIGHT_I * integral));
    }
    copyPoint(hat, cur);
    copyPoint(hat, anchor);
    sinceRestart = 0;
    anchorError = error;
    previousError = Infinity;
  }
  return { status: status ?? 'error', message, scaled: s, point: result ?? hat, iterations, restarts };
}
