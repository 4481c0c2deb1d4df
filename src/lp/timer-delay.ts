/** The longest delay Node's timers hold (2³¹ − 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `ms` as a delay that setTimeout honours: clamped to [0, MAX_TIMER_MS]. Time limits may be of any
 * size (up to 1e30 s); a timer for one beyond the clamp fires late rather than at once.
 */
export function timerDelay(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.min(Math.max(0, ms), MAX_TIMER_MS);
}
