import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

function withoutToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out['PLENTY_PLANNER_TOKEN'];
  return out;
}

/**
 * Starts `plenty serve --port 0 --data DIR --open` from the build and waits for its
 * `listening on http://…` line; fails with the server's own output if it exits or stays silent.
 */
export function startServer(dataDir: string, timeoutMs = 30_000): Promise<RunningServer> {
  const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir, '--open'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: withoutToken(process.env) });
  let log = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`plenty serve did not say where it listens within ${timeoutMs} ms; it wrote:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = /listening on (http:\/\/[^\s]+)/.exec(log);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ url: m[1].replace(/\/$/, ''), child, output: () => log, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`plenty serve exited (${code ?? signal}) before listening; it wrote:\n${log}`));
    });
  });
}
