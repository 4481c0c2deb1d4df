import { blockVectorOps, columnDot, jacobiStep } from './block-ops.js';
import { checkProductive } from './check-productive.js';
import type { CsrMatrix } from './csr.js';
import { matrixFacts } from './matrix-facts.js';
import { WORKSPACE_VECTORS, type BlockProduct } from './product/block-product.js';
import { DEFAULT_MAX_ITERATIONS, type MultiSolveResult, type SolveOptions, type SolveStatus } from './solve-result.js';

/** Sweeps over which the contraction is measured. */
const WINDOW = 3;
/**
 * BiCGSTAB stops a column when its recurrence residual is within this share of the tolerance; the
 * true residual, recomputed at the end, then confirms (the two drift apart by about 10⁻¹³ relative
 * on economies of 10⁴–10⁷ products, far less than the 10% margin), or the solver restarts.
 */
const TRUST = 0.9;

/**
 * BiCGSTAB iterations after which a solve that has not cut its residual tenfold since the last such
 * point (the start, then every doubling of the iterations) asks whether A is productive at all: a
 * non-productive A (ρ(A) ≥ 1, see PRODUCTIVE_MARGIN) then ends the solve at once, instead of after
 * every allowed iteration.
 */
const STAGNATION_CHECK = 100;

/**
 * Solves (I − M) X = Y for k interleaved right-hand sides, where M is A or Aᵀ as applied by
 * `product`; `A` itself serves for the diagonal, the sign test and the productivity check
 * (ρ(Aᵀ) = ρ(A)). Internal to the sparse package: the public solvers wrap it.
 */
export function leontiefCore(
  A: CsrMatrix,
  product: BlockProduct,
  y: Float64Array,
  k: number,
  options: SolveOptions,
  caller: string,
): MultiSolveResult {
  const started = performance.now();
  if (A.rows !== A.cols) throw new RangeError(`${caller}: the matrix is ${A.rows} × ${A.cols}, not square`);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`${caller}: k must be a positive integer, got ${k}`);
  const n = A.rows;
  const nk = n * k;
  if (y.length !== nk) throw new RangeError(`${caller}: right-hand side has length ${y.length}, expected ${nk}`);
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const method = options.method ?? 'auto';
  const onProgress = options.onProgress;
  if (!(tol > 0)) throw new RangeError(`${caller}: tolerance must be positive, got ${tol}`);
  if (options.x0 !== undefined && options.x0.length !== nk) throw new RangeError(`${caller}: x0 has length ${options.x0.length}, expected ${nk}`);
  const r0 = options.x0 === undefined ? undefined : options.r0;
  if (r0 !== undefined && r0.length !== nk) throw new RangeError(`${caller}: r0 has length ${r0.length}, expected ${nk}`);

  // For one right-hand side, the vectors (y's copy among them) live in the product's memory when it
  // offers them, and the vector passes below are its kernels.
  const workspace = k === 1 && product.workspace !== undefined && product.workspace.vectors.length >= WORKSPACE_VECTORS ? product.workspace : undefined;
  const ops = workspace?.ops ?? blockVectorOps(n, k);
  let taken = 0;
  /** A vector of the solver (a workspace vector keeps what it held: each is written before it is read). */
  const vector = (): Float64Array => (workspace === undefined ? new Float64Array(nk) : workspace.vectors[taken++]);
  const yv = workspace === undefined ? y : vector();
  if (yv !== y) yv.set(y);
  const yFlags = new Uint8Array(k);
  ops.flags(yv, yFlags);
  for (let j = 0; j < k; j++) {
    if ((yFlags[j] & 2) === 0) continue;
    for (let q = j; q < nk; q += k) {
      if (!Number.isFinite(y[q])) throw new RangeError(`${caller}: right-hand side entry ${q} is ${y[q]}`);
    }
  }
  const facts = product.facts?.() ?? matrixFacts(A);
  if (!facts.finite) throw new RangeError(`${caller}: the matrix has a non-finite entry`);

  const x = vector();
  if (options.x0 !== undefined) x.set(options.x0);
  else x.fill(0);
  const dinv = workspace === undefined ? new Float64Array(n) : vector();
  let diag = facts.diag;
  if (workspace !== undefined) {
    dinv.set(diag); // into the product's memory, scaled there in place
    diag = dinv;
  }
  const maxDiag = ops.jacobi(diag, dinv);
  const ynorm = new Float64Array(k);
  ops.dots(yv, yv, ynorm);
  const nonNegY = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    ynorm[j] = Math.sqrt(ynorm[j]);
    if (ynorm[j] === 0) ynorm[j] = 1; // report the absolute residual for a zero right-hand side
    nonNegY[j] = yFlags[j] === 0 ? 1 : 0; // y is finite here, so flag 1 means a negative entry
  }
  const nonNegative = facts.nonNegative;

  const t = vector();
  const r = vector();
  const res = new Float64Array(k);
  let products = 0;
  let iterations = 0;

  /** Whether x is still the zero start (its residual is y, without a product). */
  let zero = options.x0 === undefined;
  /** The caller's residual of x0, taken for the first residual instead of a product. */
  let given = r0;
  /** r = y − x + M x, res = ‖r_j‖ / ‖y_j‖; returns the largest. */
  const trueResidual = (): number => {
    if (zero) {
      r.set(yv);
      ops.dots(r, r, res);
    } else if (given !== undefined) {
      r.set(given);
      given = undefined;
      ops.dots(r, r, res);
    } else {
      product(x, t);
      products++;
      ops.residual(yv, x, t, r, res);
    }
    let worst = 0;
    for (let j = 0; j < k; j++) {
      res[j] = Math.sqrt(res[j]) / ynorm[j];
      if (!(res[j] <= worst)) worst = res[j];
    }
    return worst;
  };

  const finish = (status: SolveStatus, used: 'jacobi' | 'bicgstab', fresh: boolean): MultiSolveResult => {
    let worst = 0;
    if (!fresh) worst = trueResidual();
    else for (let j = 0; j < k; j++) if (!(res[j] <= worst)) worst = res[j];
    return {
      status,
      x: workspace === undefined ? x : x.slice(), // the product's memory is reused after the solve
      iterations,
      relativeResidual: worst,
      elapsedMs: performance.now() - started,
      products,
      method: used,
      k,
      relativeResiduals: Float64Array.from(res),
    };
  };

  let verdict: 'productive' | 'not-productive' | 'unknown' | undefined;
  /** checkProductive once per solve (only meaningful for non-negative A). */
  const productivity = (): 'productive' | 'not-productive' | 'unknown' => {
    if (!nonNegative) return 'unknown';
    if (verdict === undefined) {
      const check = checkProductive(A, { maxIterations: 100 });
      products += check.iterations;
      verdict = check.status;
    }
    return verdict;
  };
  const provenNotProductive = (): boolean => productivity() === 'not-productive';

  // A non-negative matrix with a diagonal entry ≥ 1 has ρ(A) ≥ 1.
  if (nonNegative && maxDiag >= 1) return finish('not-productive', 'jacobi', false);

  // Jacobi sweeps, on request. ('auto' is BiCGSTAB: with its half-step stop it needs no more
  // products than Jacobi sweeps even where the column sums are 0.05–0.1, and far fewer above.)
  const history: number[] = [];
  let least = Infinity;
  if (method === 'jacobi') {
    for (;;) {
      const worst = trueResidual();
      if (worst <= tol) return finish('converged', 'jacobi', true);
      if (!Number.isFinite(worst)) {
        return finish(provenNotProductive() ? 'not-productive' : 'breakdown', 'jacobi', false);
      }
      if (iterations >= maxIt) {
        return finish(provenNotProductive() ? 'not-productive' : 'max-iterations', 'jacobi', true);
      }
      if (worst > 1e8 * least) {
        // Diverging: not productive if that can be proved, else give up on this x.
        return finish(provenNotProductive() ? 'not-productive' : 'breakdown', 'jacobi', true);
      }
      if (worst < least) least = worst;
      history.push(worst);
      const h = history.length;
      if (h > WINDOW) {
        const rate = Math.pow(worst / history[h - 1 - WINDOW], 1 / WINDOW);
        if (rate >= 1 && nonNegative) {
          // Not contracting: for a non-negative A this points at ρ(A) ≥ 1 (Jacobi converges for
          // every non-singular M-matrix I − A); a transient rise is possible, so confirm.
          if (provenNotProductive()) return finish('not-productive', 'jacobi', true);
        }
      }
      jacobiStep(x, r, dinv, n, k);
      zero = false;
      iterations++;
      if (onProgress !== undefined) onProgress(iterations, worst);
    }
  }
  const used = 'bicgstab';
  trueResidual();

  // Phase 2: BiCGSTAB with Jacobi (right) preconditioning, restarted from the true residual
  // whenever its recurrence claims convergence that the true residual does not confirm.
  const rh = vector();
  const p = vector();
  const v = vector();
  // s = r − α v takes r's room: every vector kernel reads an entry of r before it writes that entry
  // of s, and r is not read again before the update writes it from s (r = s − ω t). One n-vector
  // less (80 MB at 10⁷ products); the same operations, so the same results.
  const s = r;
  const ph = vector();
  const sh = vector();
  const halfway = new Uint8Array(k);
  const rho = new Float64Array(k);
  const alpha = new Float64Array(k);
  const omega = new Float64Array(k);
  const beta = new Float64Array(k);
  const rhoNew = new Float64Array(k);
  const dotA = new Float64Array(k);
  const dotB = new Float64Array(k);
  const active = new Uint8Array(k);
  let restarts = 0;
  let best = Infinity;
  let checkpoint = STAGNATION_CHECK;
  let bestAtCheckpoint = 0;
  for (let j = 0; j < k; j++) if (!(res[j] <= bestAtCheckpoint)) bestAtCheckpoint = res[j];

  const restart = (): void => {
    rh.set(r);
    p.fill(0);
    v.fill(0);
    rho.fill(1);
    alpha.fill(1);
    omega.fill(1);
    for (let j = 0; j < k; j++) active[j] = res[j] > tol ? 1 : 0;
  };
  restart();

  for (;;) {
    let anyActive = false;
    for (let j = 0; j < k; j++) if (active[j] === 1) anyActive = true;
    if (!anyActive) {
      // The recurrence says every column converged: check with the true residual.
      const worst = trueResidual();
      if (worst <= tol) return settle('converged');
      if (!Number.isFinite(worst) || restarts >= 20) return settle('breakdown');
      restarts++;
      restart();
      continue;
    }
    if (iterations >= maxIt) {
      trueResidual();
      return settle('max-iterations');
    }
    ops.dots(rh, r, rhoNew);
    for (let j = 0; j < k; j++) {
      if (active[j] === 0) {
        beta[j] = 0;
        continue;
      }
      if (rhoNew[j] === 0 || omega[j] === 0 || !Number.isFinite(rhoNew[j])) {
        // Breakdown of the recurrence for this column: restart it from its residual.
        restartColumn(j);
        rhoNew[j] = columnDot(r, r, n, k, j);
        beta[j] = 0;
        continue;
      }
      beta[j] = (rhoNew[j] / rho[j]) * (alpha[j] / omega[j]);
    }
    ops.direction(p, ph, r, v, dinv, beta, omega);
    product(ph, v);
    products++;
    ops.oneMinusDot(ph, v, rh, dotA);
    for (let j = 0; j < k; j++) {
      rho[j] = rhoNew[j];
      alpha[j] = active[j] === 1 && dotA[j] !== 0 ? rhoNew[j] / dotA[j] : 0;
    }
    // A column whose s is small enough converged at the half step (r = s): x += α ph by the update
    // below with ω = 0. When every active column did, the second product is skipped.
    ops.half(s, sh, r, v, dinv, alpha, dotB);
    let pending = false;
    for (let j = 0; j < k; j++) {
      halfway[j] = active[j] === 1 && Math.sqrt(dotB[j]) / ynorm[j] <= tol * TRUST ? 1 : 0;
      if (active[j] === 1 && halfway[j] === 0) pending = true;
    }
    if (pending) {
      product(sh, t);
      products++;
      ops.oneMinusDot2(sh, t, s, dotA, dotB);
    }
    for (let j = 0; j < k; j++) omega[j] = pending && active[j] === 1 && halfway[j] === 0 && dotB[j] > 0 ? dotA[j] / dotB[j] : 0;
    ops.update(x, r, ph, sh, s, t, alpha, omega, res);
    zero = false;
    iterations++;
    let worst = 0;
    for (let j = 0; j < k; j++) {
      res[j] = Math.sqrt(res[j]) / ynorm[j];
      if (active[j] === 1 && res[j] <= tol * TRUST) active[j] = 0;
      if (!(res[j] <= worst)) worst = res[j];
    }
    if (onProgress !== undefined) onProgress(iterations, worst);
    if (worst < best) best = worst;
    if (!Number.isFinite(worst) || worst > 1e10 * Math.max(best, tol)) {
      trueResidual();
      return settle('breakdown');
    }
    if (iterations >= checkpoint) {
      // Stagnating: for a non-negative A that points at ρ(A) ≥ 1; confirm before giving up.
      if (nonNegative && !(best < 0.1 * bestAtCheckpoint) && provenNotProductive()) {
        trueResidual();
        return finish('not-productive', used, true);
      }
      bestAtCheckpoint = best;
      checkpoint *= 2;
    }
  }

  function restartColumn(j: number): void {
    for (let q = j; q < nk; q += k) {
      rh[q] = r[q];
      p[q] = 0;
      v[q] = 0;
    }
    rho[j] = 1;
    alpha[j] = 1;
    omega[j] = 1;
  }

  /**
   * Ends the BiCGSTAB phase (the residual `res` is fresh). For non-negative A and y a solution
   * with clearly negative entries, or a failure, prompts the productivity check.
   */
  function settle(status: SolveStatus): MultiSolveResult {
    if (nonNegative) {
      const failed = status !== 'converged';
      let negative = false;
      if (!failed) {
        const lo = new Float64Array(k);
        const hi = new Float64Array(k);
        ops.range(x, lo, hi);
        for (let j = 0; j < k; j++) {
          if (nonNegY[j] === 1 && lo[j] < -1e-6 * Math.max(hi[j], -lo[j])) negative = true;
        }
      }
      // For A ≥ 0 and y ≥ 0 with ρ(A) < 1 the solution (I − A)⁻¹ y = Σ Aᵏ y is non-negative, so a
      // solution with clearly negative entries is itself evidence of ρ(A) ≥ 1: unless the check
      // proves A productive, that solution is reported as not productive.
      if (failed || negative) {
        const v = productivity();
        if (v === 'not-productive' || (negative && v === 'unknown')) return finish('not-productive', used, true);
      }
    }
    return finish(status, used, true);
  }
}
