/**
 * Interleaved rounds. Where a solve takes milliseconds, the speed of a shared machine drifts more
 * from one minute to the next (2× seen here) than ours and scipy's differ, so the benchmark
 * alternates rounds of both (ours, scipy, ours, scipy, …) on the same matrix and pools each side's
 * timed runs: the median of the pool is each side's time, and each round's ratio shows the spread.
 */
import { median } from './median.js';
import type { ReferenceOutcome } from './reference.js';
import type { SparseCaseResult } from './sparse-case.js';
import type { TimedSolve } from './timed-solve.js';

/** Rounds of each side at size n (one at 10⁷, where a round takes minutes). */
export function roundsFor(n: number): number {
  return n <= 1e4 ? 5 : n <= 1e6 ? 3 : 1;
}

/** One timing from the rounds of the same solve: the pooled runs, the worst residual and peak, ok only if every round was. */
export function pooledTiming(rounds: readonly TimedSolve[]): TimedSolve {
  const [first] = rounds;
  if (rounds.length === 1) return first;
  const runs = rounds.flatMap((r) => r.runs);
  const cpuRuns = rounds.flatMap((r) => r.cpuRuns);
  const failed = rounds.find((r) => !r.ok);
  return {
    ...first,
    relativeResidual: Math.max(...rounds.map((r) => r.relativeResidual)),
    seconds: median(runs),
    cpuSeconds: median(cpuRuns),
    runs,
    cpuRuns,
    peakBytes: Math.max(...rounds.map((r) => r.peakBytes)),
    sampledPeakBytes: Math.max(...rounds.map((r) => r.sampledPeakBytes)),
    ok: failed === undefined,
    ...(failed?.failure === undefined ? {} : { failure: failed.failure }),
  };
}

/** Our case over its rounds: every timing pooled, the rest as the first round measured it. */
export function pooledCase(rounds: readonly SparseCaseResult[]): SparseCaseResult {
  const [first] = rounds;
  const residents = rounds.map((r) => r.resident).filter((r) => r !== undefined);
  return {
    ...first,
    gross: pooledTiming(rounds.map((r) => r.gross)),
    labour: pooledTiming(rounds.map((r) => r.labour)),
    ...(first.resident === undefined || residents.length !== rounds.length
      ? {}
      : {
          resident: {
            prepareSeconds: median(residents.map((r) => r.prepareSeconds)),
            gross: pooledTiming(residents.map((r) => r.gross)),
            labour: pooledTiming(residents.map((r) => r.labour)),
          },
        }),
  };
}

interface ReferenceSolution {
  readonly seconds?: number;
  readonly cpuSeconds?: number;
  readonly runs?: number[];
  readonly cpuRuns?: number[];
  readonly status?: string;
}

/** scipy's outcome over its rounds: the times of solutions `keys` pooled; any round that failed makes the whole fail. */
export function pooledReference(rounds: readonly ReferenceOutcome[], keys: readonly string[]): ReferenceOutcome {
  const [first] = rounds;
  const failed = rounds.find((r) => r.status !== 'ok');
  if (failed !== undefined) return failed;
  if (rounds.length === 1 || first.report === undefined) return first;
  const report: Record<string, unknown> = { ...first.report, rounds: rounds.length };
  for (const key of keys) {
    const parts = rounds.map((r) => r.report?.[key] as ReferenceSolution | undefined);
    if (parts.some((p) => p === undefined || p.status !== 'ok' || p.runs === undefined)) continue;
    const runs = parts.flatMap((p) => p?.runs ?? []);
    const cpuRuns = parts.flatMap((p) => p?.cpuRuns ?? []);
    report[key] = { ...parts[0], seconds: median(runs), cpuSeconds: median(cpuRuns), runs, cpuRuns };
  }
  return { status: first.status, report };
}

/** scipy's time over ours in each round (NaN where either side has no valid time). */
export function roundSpeedUps(ours: readonly TimedSolve[], reference: readonly ReferenceOutcome[], key: string): number[] {
  return ours.map((o, r) => {
    const part = reference[r]?.report?.[key] as ReferenceSolution | undefined;
    return o.ok && reference[r]?.status === 'ok' && part?.status === 'ok' && typeof part.seconds === 'number' ? part.seconds / o.seconds : NaN;
  });
}

/** The cold runs of one solve: the checked first runs of the rounds in which it came first in its process. */
export interface ColdTiming {
  /** Medians over those rounds. */
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly runs: readonly number[];
  readonly cpuRuns: readonly number[];
  /** Whether every one of them passed its checks. */
  readonly ok: boolean;
}

/** The cold runs of gross output or labour values over our rounds; undefined when it never came first. */
export function coldTiming(rounds: readonly SparseCaseResult[], which: 'gross' | 'labour'): ColdTiming | undefined {
  const firsts = rounds.filter((r) => r.first === which).map((r) => r[which]);
  if (firsts.length === 0) return undefined;
  const runs = firsts.map((t) => t.firstRunSeconds);
  const cpuRuns = firsts.map((t) => t.firstRunCpuSeconds);
  return { seconds: median(runs), cpuSeconds: median(cpuRuns), runs, cpuRuns, ok: firsts.every((t) => t.ok) };
}
