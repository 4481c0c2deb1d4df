import { writeFile, rename } from 'node:fs/promises';
import { inputError } from '../../model/errors.js';
import { ioTableToEconomy, readPymrioFolder, readSymmetricTable, serializeEconomy } from '../../model/index.js';
import type { IoTable } from '../../model/index.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';

export interface ImportFlags {
  readonly output: string;
  readonly mapping?: string;
  readonly name?: string;
  readonly region?: string;
  readonly priority?: string;
}

/**
 * `plenty import table|pymrio PATH -o MODEL`: reads an input–output table and writes it as a
 * model file (YAML, or JSON when MODEL ends in .json). The file is written to a temporary name
 * and renamed, so a failed import leaves nothing behind.
 */
export async function importCommand(kind: string, path: string, flags: ImportFlags): Promise<CommandOutput> {
  if (kind !== 'table' && kind !== 'pymrio') throw inputError('invalid-option', 'the kind of import is "table" (a CSV/TSV input–output table) or "pymrio" (a pymrio text folder)', { path: ['kind'] }, kind);
  const priority = flags.priority === undefined ? 1 : Number(flags.priority);
  if (!Number.isInteger(priority) || priority < 1) throw inputError('invalid-option', '--priority must be a positive whole number', { path: ['--priority'] }, flags.priority);
  const progress = createProgress(`importing ${path}`);
  progress.update(null, 'reading');
  const table: IoTable =
    kind === 'table'
      ? await readSymmetricTable(path, { ...(flags.mapping !== undefined ? { mapping: flags.mapping } : {}), ...(flags.region !== undefined ? { region: flags.region } : {}) })
      : await readPymrioFolder(path);
  progress.update(null, 'converting');
  const economy = ioTableToEconomy(table, { priority, ...(flags.name !== undefined ? { name: flags.name } : {}) });
  const text = serializeEconomy(economy, /\.json$/i.test(flags.output) ? 'json' : 'yaml');
  const tmp = `${flags.output}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, flags.output);
  progress.done();
  const counts = {
    regions: table.regions.length,
    sectors: table.sectors.length,
    products: economy.products.length,
    resources: economy.resources.length,
    targets: economy.targets.length,
  };
  return {
    header: [`Imported ${path} into ${flags.output}: “${economy.name}”.`],
    tables: [{ name: 'import', title: 'What was imported', columns: [{ key: 'what', label: 'what' }, { key: 'count', label: 'count' }], rows: Object.entries(counts) }],
    json: { source: path, kind, output: flags.output, name: economy.name, counts },
  };
}
