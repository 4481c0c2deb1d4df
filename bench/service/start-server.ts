import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A planning service (or the reference server) running as a child process. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT`, from the server's first line on stdout. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Everything the server has written to stderr so far. */
  stderr(): string;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface StartServerOptions {
  /** The script and its arguments, run with this Node (e.g. `[cli, 'serve', '--port', '0', '--data', dir]`). */
  readonly args: readonly string[];
  /** Added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for the `listening on` line (ms, default 20 000). */
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

const listening = /^listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/;

/**
 * Starts a server as a child process and waits for its first stdout line,
 * `listening on http://127.0.0.1:PORT`. Rejects (and kills the child) if the line does not come,
 * comes different, or the process ends first; the message carries the server's stderr.
 */
export function startServer(options: StartServerOptions): Promise<RunningServer> {
  const child = spawn(process.execPath, [...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (errText.length < 1 << 20) errText += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise<RunningServer>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${why}${errText === '' ? '' : `\nstderr:\n${errText.slice(-4000)}`}`));
    };
    const timer = setTimeout(() => fail(`no "listening on" line within ${options.timeoutMs ?? 20000} ms`), options.timeoutMs ?? 20000);
    child.once('error', (error) => fail(error.message));
    void exited.then((how) => fail(`it ended (${how}) before listening`));
    lines.once('line', (line) => {
      const m = listening.exec(line);
      if (m === null) {
        fail(`its first line was ${JSON.stringify(line.slice(0, 200))}`);
        return;
      }
      settled = true;
      clearTimeout(timer);
      // Keep draining stdout so that a chatty server never blocks on a full pipe.
      lines.on('line', () => undefined);
      resolve({ url: m[1], child, exited, stderr: () => errText, stop });
    });
  });
}
