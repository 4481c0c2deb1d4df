import { storeChecksTable } from '../../report/index.js';
import { backupStore, checkStore, dataDir, restoreStore, storePath } from '../../store/index.js';
import type { CommandOutput } from '../output.js';

export interface StoreFlags {
  readonly data?: string;
}

export interface StoreBackupFlags extends StoreFlags {
  readonly output: string;
}

/**
 * `plenty store check [FILE] [--data DIR]`: checks the store (or a backup FILE) without changing
 * it: SQLite's full integrity check and Plenty's checks. Exit 0 when sound, 1 when not (the
 * failure names the file and what to do).
 */
export function storeCheckCommand(file: string | undefined, flags: StoreFlags): CommandOutput {
  const result = checkStore(file ?? storePath(flags.data), { role: file === undefined ? 'store' : 'backup' });
  const headline = result.ok ? `${result.file}: a sound Plenty store.` : `${result.file}: NOT a sound Plenty store.`;
  return {
    header: [headline],
    tables: [storeChecksTable(result.checks)],
    json: {
      file: result.file,
      ok: result.ok,
      kind: result.kind ?? null,
      schemaVersion: result.schemaVersion ?? null,
      latestVersion: result.latestVersion,
      checks: result.checks,
    },
    ...(result.error === undefined ? {} : { failure: result.error.message }),
  };
}

/** `plenty store backup --data DIR -o FILE`: a consistent copy of the store, safe while the service runs. */
export async function storeBackupCommand(flags: StoreBackupFlags): Promise<CommandOutput> {
  const r = await backupStore(storePath(flags.data), flags.output);
  return {
    header: [`Backed up ${r.file} to ${r.output}: ${r.bytes} bytes, schema ${r.schemaVersion}, checked.`],
    tables: [],
    json: r,
  };
}

/** `plenty store restore FILE --data DIR`: replaces the store with a checked backup (the service must be stopped). */
export async function storeRestoreCommand(file: string, flags: StoreFlags): Promise<CommandOutput> {
  const r = await restoreStore(file, dataDir(flags.data));
  return {
    header: [
      `Restored ${r.store} from ${r.backup}: ${r.bytes} bytes, schema ${r.schemaVersion}.`,
      r.previous === null ? 'There was no store before.' : `The store it replaced is kept as ${r.previous} (delete it when you no longer need it).`,
    ],
    tables: [],
    json: r,
  };
}
