/**
 * A progress indicator on stderr for steps that may take more than about two seconds. Long
 * computations are synchronous, so the indicator is driven by the computation's own progress
 * callback rather than a timer: nothing is shown until `delayMs` has passed, so quick runs stay
 * quiet. On a terminal it redraws one line; otherwise it writes a line at most every few seconds.
 */
export interface Progress {
  /** Reports progress: `fraction` in [0, 1] when known, else null; `detail` is shown after the bar. */
  update(fraction: number | null, detail?: string): void;
  /** Clears the line (terminal) or writes a closing line (if anything was shown). */
  done(detail?: string): void;
}

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  readonly delayMs?: number;
  /** Default: on, unless the environment variable PLENTY_PROGRESS is "0". */
  readonly enabled?: boolean;
}

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? process.env.PLENTY_PROGRESS !== '0';
  const delay = options.delayMs ?? 1500;
  const tty = stream.isTTY === true;
  const start = Date.now();
  let shown = false;
  let lastWrite = 0;
  const width = 24;

  const render = (fraction: number | null, detail: string): string => {
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    if (fraction === null) return `${label} … ${detail} ${secs}s`;
    const f = Math.max(0, Math.min(1, fraction));
    const full = Math.round(f * width);
    return `${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0)}% ${detail} ${secs}s`;
  };

  return {
    update(fraction, detail = '') {
      if (!enabled) return;
      const now = Date.now();
      if (now - start < delay) return;
      if (tty) {
        if (now - lastWrite < 100) return;
        stream.write(`\r\x1b[K${render(fraction, detail)}`);
      } else {
        if (shown && now - lastWrite < 5000) return;
        stream.write(`${render(fraction, detail)}\n`);
      }
      shown = true;
      lastWrite = now;
    },
    done(detail = 'done') {
      if (!enabled || !shown) return;
      if (tty) stream.write(`\r\x1b[K`);
      else stream.write(`${label}: ${detail} in ${((Date.now() - start) / 1000).toFixed(1)}s\n`);
    },
  };
}
