import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reference script, found from the compiled file (dist/bench/) or the source (bench/). */
function scriptPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.endsWith(join('dist', 'bench')) ? resolve(here, '..', '..') : resolve(here, '..');
  return join(root, 'bench', 'reference', 'scipy_solve.py');
}

/** What the reference script printed, or why it did not finish. */
export interface ReferenceOutcome {
  /** "ok", "timeout > T s", "out of memory", "not available (…)", "failed (…)". */
  readonly status: string;
  /** The script's JSON report when it finished. */
  readonly report?: Record<string, unknown>;
}

/**
 * Runs the reference script with a time limit (the process is killed when it runs over), with
 * numpy's BLAS limited to `threads` threads if given (else it uses every core).
 */
export function runReference(args: readonly string[], timeoutSeconds: number, threads?: number): Promise<ReferenceOutcome> {
  return new Promise((done) => {
    const env = threads === undefined ? process.env : { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
    const child = spawn('python3', [scriptPath(), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ status: `not available (${err.message})` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        done({ status: `timeout > ${timeoutSeconds} s` });
        return;
      }
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        const report = JSON.parse(line) as Record<string, unknown>;
        done({ status: typeof report.status === 'string' ? report.status : 'ok', report });
        return;
      }
      // A process killed without our timer is, on Linux, almost always the out-of-memory killer.
      if (signal === 'SIGKILL') done({ status: 'out of memory (killed)' });
      else done({ status: `failed (${signal ?? `exit code ${code}`})` });
    });
  });
}

/** Versions of Python, numpy and scipy, or undefined when python3 is missing. */
export async function referenceVersions(): Promise<{ python: string; numpy: string | null; scipy: string | null } | undefined> {
  const outcome = await runReference(['versions'], 60);
  const r = outcome.report;
  if (r === undefined || typeof r.python !== 'string') return undefined;
  return {
    python: r.python,
    numpy: typeof r.numpy === 'string' ? r.numpy : null,
    scipy: typeof r.scipy === 'string' ? r.scipy : null,
  };
}
