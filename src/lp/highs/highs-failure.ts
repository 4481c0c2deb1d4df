/**
 * What a failed HiGHS solve says, and whether its WebAssembly instance is unusable afterwards
 * (`fatal`: aborted, out of memory, a trap; the worker is then replaced). The build's own words
 * for an abort ("Aborted(). Build with -sASSERTIONS for more info.") say nothing to a planner, so a
 * fatal failure says what it most often means and what to do instead.
 */
export function highsFailure(err: unknown): { readonly message: string; readonly fatal: boolean } {
  const text = err instanceof Error ? err.message : String(err);
  const named = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  const fatal = (err instanceof Error && err.name === 'RuntimeError') || /abort|out of memory|OOM|memory access out of bounds|unreachable/i.test(named);
  if (!fatal) return { message: text, fatal };
  return {
    message: `HiGHS stopped: its WebAssembly instance aborted, most often because the linear program does not fit in its 2 GiB of memory (${text.trim()}); the PDHG solver has no such limit`,
    fatal,
  };
}
