import { readFileSync, writeFileSync } from 'node:fs';

function statusField(name: string): number {
  try {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m === null ? NaN : Number(m[1]) * 1024;
  } catch {
    return NaN;
  }
}

/** Peak resident set size of this process so far (VmHWM), in bytes; NaN where /proc is missing. */
export function peakRssBytes(): number {
  return statusField('VmHWM');
}

/**
 * Resets the peak resident set size to the current one (Linux: "5" into /proc/self/clear_refs), so
 * that the next peak belongs to the next phase. Returns false where that is not possible.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
