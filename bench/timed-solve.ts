import type { SolveResult } from '../src/sparse/index.js';
import { peakRssBytes, resetPeakRss } from './memory.js';
import { median } from './median.js';
import { progress } from './progress.js';
import type { RssSampler } from './rss-sampler.js';

/** A solve that was checked and timed. */
export interface TimedSolve {
  readonly status: string;
  readonly method: string;
  readonly iterations: number;
  /** Matrix–vector products, as the solver counts them. */
  readonly products: number;
  /** The residual recomputed by the benchmark (worst run). */
  readonly relativeResidual: number;
  /** The residual the solver reported. */
  readonly reportedResidual: number;
  /** Median wall time of the timed runs, and each run's time (the checked first run excluded). */
  readonly seconds: number;
  /** Median CPU time (user + system) of the timed runs: less sensitive to other processes. */
  readonly cpuSeconds: number;
  readonly runs: readonly number[];
  /** Each timed run's CPU time. */
  readonly cpuRuns: readonly number[];
  /** The checked first run: the cold one when this solve is the first in its process (see SparseCaseResult.first). */
  readonly firstRunSeconds: number;
  readonly firstRunCpuSeconds: number;
  /** Peak resident memory of the whole process during this phase: VmHWM, and the sampled RSS. */
  readonly peakBytes: number;
  readonly sampledPeakBytes: number;
  /** Whether every answer passed its check; when false, `seconds` is not a valid timing. */
  readonly ok: boolean;
  readonly failure?: string;
}

/**
 * Runs `solve` once and checks the answer (`check` returns the benchmark's own relative residual,
 * which must be at most `tolerance` times `slack`); then runs `warmups` more untimed (the engine
 * compiles the hot JS after a few calls) and times `repeats` more, each checked as well. Peak memory is measured over the whole phase.
 */
export function timedSolve(
  label: string,
  solve: () => SolveResult,
  check: (x: Float64Array) => number,
  tolerance: number,
  repeats: number,
  warmups: number,
  sampler: RssSampler,
  slack = 2,
): { timing: TimedSolve; x: Float64Array } {
  resetPeakRss();
  sampler.take();
  const run = (): { result: SolveResult; seconds: number; cpu: number; residual: number } => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = solve();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    return { result, seconds, cpu: (c.user + c.system) / 1e6, residual: check(result.x) };
  };
  const first = run();
  const verdict = (r: { result: SolveResult; residual: number }): string | undefined => {
    if (r.result.status !== 'converged') return `status ${r.result.status}`;
    if (!(r.residual <= tolerance * slack)) return `residual ${r.residual.toExponential(2)} above ${tolerance * slack}`;
    return undefined;
  };
  let failure = verdict(first);
  progress(
    `${label}: checked run ${first.seconds.toFixed(2)} s, ${first.result.status}, ${first.result.method}, ` +
      `${first.result.iterations} iterations, residual ${first.residual.toExponential(2)}${failure === undefined ? '' : ` — FAILED: ${failure}`}`,
  );
  const runs: number[] = [];
  const cpus: number[] = [];
  let worst = first.residual;
  for (let i = 0; i < warmups && failure === undefined; i++) {
    const r = run();
    worst = Math.max(worst, r.residual);
    failure = verdict(r);
  }
  if (warmups > 0) progress(`${label}: ${warmups} warm-up runs`);
  for (let i = 0; i < repeats && failure === undefined; i++) {
    const r = run();
    runs.push(r.seconds);
    cpus.push(r.cpu);
    worst = Math.max(worst, r.residual);
    failure = verdict(r);
    progress(`${label}: timed run ${i + 1}/${repeats} ${r.seconds.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s)`);
  }
  const timing: TimedSolve = {
    status: first.result.status,
    method: first.result.method,
    iterations: first.result.iterations,
    products: first.result.products,
    relativeResidual: worst,
    reportedResidual: first.result.relativeResidual,
    seconds: median(runs),
    cpuSeconds: median(cpus),
    runs,
    cpuRuns: cpus,
    firstRunSeconds: first.seconds,
    firstRunCpuSeconds: first.cpu,
    peakBytes: peakRssBytes(),
    sampledPeakBytes: sampler.take(),
    ok: failure === undefined,
    ...(failure === undefined ? {} : { failure }),
  };
  return { timing, x: first.result.x };
}
