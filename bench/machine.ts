import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';

/** What the benchmark ran on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly os: string;
  readonly date: string;
}

function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m !== null) return `${m[1]} (${type()} ${release()})`;
  } catch {
    // fall through
  }
  return `${type()} ${release()}`;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list.length > 0 ? list[0].model.trim() : 'unknown',
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    os: osName(),
    date: new Date().toISOString().slice(0, 10),
  };
}
