import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseOptions } from './model-case.js';
import { commandLine } from './model-target.js';
import type { Finding } from './oracle.js';
import { byteVariants } from './shrink.js';
import { tableCase, type TableCase, type TableFile } from './table-case.js';
import type { Origin, Session, Target } from './target.js';
import { caseTimeout, workerSession } from './worker-session.js';

function* caseVariants(c: TableCase): Generator<TableCase> {
  for (const [k, f] of c.files.entries()) {
    if (f.path === c.input || f.bytes === 'folder') continue;
    const files = c.files.filter((_, j) => j !== k);
    const flags = f.path === c.flags.mapping ? Object.fromEntries(Object.entries(c.flags).filter(([key]) => key !== 'mapping')) : c.flags;
    yield { ...c, files, flags };
  }
  for (const key of Object.keys(c.flags)) {
    if (key === 'output' || key === 'mapping') continue;
    const flags = { ...c.flags };
    delete flags[key];
    yield { ...c, flags };
  }
  for (const [k, f] of c.files.entries()) {
    if (f.bytes === 'folder') continue;
    for (const bytes of byteVariants(f.bytes)) yield { ...c, files: c.files.map((x, j): TableFile => (j === k ? { path: f.path, bytes } : x)) };
  }
}

/** The table target: mutated symmetric tables and pymrio folders through `plenty import`, in-process. */
export function tableTarget(options: CaseOptions): Target<TableCase> {
  return {
    name: 'tables',
    episode: Infinity,
    make: (seed, index) => tableCase(seed, index, options),
    replay: (seed, index) => tableCase(seed, index, options),
    variants: caseVariants,
    describe: (c) => c.notes.join('; '),
    open: async (): Promise<Session<TableCase>> => workerSession('tables', (c: TableCase) => c, caseTimeout(options.heavy)),
    async writeRepro(c: TableCase, dir: string, finding: Finding, origin: Origin): Promise<void> {
      await mkdir(dir, { recursive: true });
      for (const f of c.files) {
        if (f.bytes === 'folder') await mkdir(join(dir, f.path), { recursive: true });
        else await writeFile(join(dir, f.path), f.bytes);
      }
      const lines = [
        `# Fuzz finding: ${finding.kind}`,
        '',
        `Found by \`npm run fuzz -- --target tables --seed ${origin.seed} --from ${origin.index} --cases 1\` (then shrunk).`,
        '',
        '```',
        finding.message,
        '```',
        '',
        `How the case was made: ${c.notes.join('; ')}`,
        '',
        'Run in this folder (the fuzzer then runs `plenty check` on what the import wrote):',
        '',
        '```sh',
        commandLine(['import', c.kind, c.input], c.flags),
        '```',
        '',
      ];
      await writeFile(join(dir, 'README.md'), lines.join('\n'));
    },
  };
}
