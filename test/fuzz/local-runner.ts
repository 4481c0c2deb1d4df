import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HttpCase } from './http-case.js';
import { HttpSession } from './http-session.js';
import type { ModelCase } from './model-case.js';
import type { Finding } from './oracle.js';
import { runModelCase } from './run-model-case.js';
import { runTableCase } from './run-table-case.js';
import type { TableCase } from './table-case.js';
import type { TargetName } from './target.js';

/** What runs the cases of a target in the thread that runs them (see case-worker.ts). */
export interface LocalRunner {
  run(payload: unknown): Promise<Finding[]>;
  close(): Promise<void>;
}

let folders = 0;

/** A runner for a target: files in sub-folders of `scratch`, or (HTTP) a service set up as SETUP says. */
export async function openLocalRunner(target: TargetName, scratch: string): Promise<LocalRunner> {
  if (target === 'http') {
    const session = await HttpSession.open();
    return {
      async run(payload) {
        const findings: Finding[] = [];
        for (const step of (payload as HttpCase).steps) findings.push(...(await session.run(step)));
        return findings;
      },
      close: () => session.close(),
    };
  }
  const base = join(scratch, String(folders++));
  let k = 0;
  return {
    run: async (payload) => [...(target === 'models' ? await runModelCase(payload as ModelCase, join(base, 'case')) : await runTableCase(payload as TableCase, join(base, String(k++)))).findings],
    close: () => rm(base, { recursive: true, force: true }),
  };
}
