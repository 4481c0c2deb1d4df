import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkCommand } from '../../src/cli/commands/check.js';
import { importCommand, type ImportFlags } from '../../src/cli/commands/import.js';
import { InputError } from '../../src/model/errors.js';
import type { CaseResult } from './run-model-case.js';
import type { TableCase } from './table-case.js';
import { encodingFindings, generalise, outputFindings, thrownFindings, type Finding } from './oracle.js';

/** Files of a pymrio folder that the importer passes over. */
const UNREAD = new Set(['readme.txt', 'a.txt', 'l.txt']);

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * Writes a table case to `dir` and runs `plenty import` in-process; then checks that what it wrote
 * loads (`plenty check`), that a failed import left no temporary file, and that no input changed.
 */
export async function runTableCase(c: TableCase, dir: string): Promise<CaseResult> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    for (const f of c.files) {
      if (f.bytes === 'folder') await mkdir(join(dir, f.path), { recursive: true });
      else await writeFile(join(dir, f.path), f.bytes);
    }
    const flags: Record<string, string> = { ...c.flags };
    flags.output = c.flags.output === '' ? '' : join(dir, c.flags.output);
    if (flags.mapping !== undefined) flags.mapping = join(dir, flags.mapping);
    const findings: Finding[] = [];
    const outcomes: string[] = [];
    let imported = false;
    try {
      const out = await importCommand(c.kind, join(dir, c.input), flags as unknown as ImportFlags);
      imported = true;
      // The files an importer reads (a pymrio folder's readme and its A and L tables are not read).
      const read = c.files.flatMap((f) => (f.bytes === 'folder' || UNREAD.has(basename(f.path).toLowerCase()) ? [] : [{ name: f.path, bytes: f.bytes }]));
      findings.push(...outputFindings(out, 'import'), ...encodingFindings(read, 'import'));
    } catch (err) {
      findings.push(...thrownFindings(err, `import ${c.kind}`));
      if (findings.length === 0) outcomes.push('import:refused');
    }
    if (imported) {
      try {
        await checkCommand(flags.output);
        outcomes.push('import:ok');
      } catch (err) {
        if (err instanceof InputError) {
          const i = err.issues[0];
          findings.push({ kind: 'importer-output-refused', message: `import ${c.kind} wrote a model that check refuses: ${err.message.split('\n')[0]}`, signature: `import ${c.kind}: written model refused: ${i?.code ?? ''}: ${generalise(i?.message ?? err.message)}` });
        } else findings.push(...thrownFindings(err, `check of import ${c.kind}`));
      }
    }
    const debris = (await listFiles(dir)).filter((f) => f.endsWith('.tmp'));
    if (debris.length > 0) findings.push({ kind: 'import-debris', message: `import ${c.kind} left ${debris.join(', ')} behind`, signature: `import ${c.kind}: left a .tmp file` });
    for (const f of c.files) {
      if (f.bytes === 'folder') continue;
      const now = await readFile(join(dir, f.path)).catch(() => undefined);
      if (now === undefined || !now.equals(f.bytes)) {
        findings.push({ kind: 'input-overwritten', message: `import ${c.kind} changed its input ${f.path}`, signature: `import ${c.kind}: changed an input file` });
        break;
      }
    }
    if (findings.length > 0) outcomes.push(findings.map((f) => f.kind).join('+'));
    return { findings, outcomes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
