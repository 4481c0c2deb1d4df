import { dirname } from 'node:path';
import { StoreFileError, type StoreFileProblem } from './store-file-error.js';

/** Whether a file is looked at as the store itself or as a backup to restore from. */
export type StoreFileRole = 'store' | 'backup';

/** A path as a user would type it in a shell (quoted when it holds anything unusual). */
export function shellPath(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

function what(problem: StoreFileProblem, detail: string): string {
  switch (problem) {
    case 'missing':
      return 'does not exist';
    case 'not-a-file':
      return `is ${detail}, not a store file`;
    case 'not-sqlite':
      return `is not a Plenty store: it is not an SQLite database (${detail})`;
    case 'not-plenty':
      return `is not a Plenty store: it is an SQLite database of another program (${detail})`;
    case 'truncated':
      return `is damaged: it is truncated (${detail})`;
    case 'damaged':
      return `is damaged (${detail})`;
    case 'newer-schema':
      return `was written by a newer Plenty (${detail})`;
    case 'unreadable':
      return `cannot be opened (${detail})`;
    case 'in-use':
      return `is in use by another process (${detail})`;
    case 'data-not-a-folder':
      return 'is a file, not a data folder';
  }
}

function advice(problem: StoreFileProblem, role: StoreFileRole, dir: string): string {
  const restore = `plenty store restore BACKUP --data ${shellPath(dir)}`;
  if (role === 'backup') {
    if (problem === 'newer-schema') return 'upgrade Plenty, or choose an older backup; nothing was changed';
    if (problem === 'unreadable') return 'check that this user may read it; nothing was changed';
    return 'choose another backup; nothing was changed';
  }
  switch (problem) {
    case 'missing':
      return 'give the folder that holds plenty.sqlite with --data (or PLENTY_DATA)';
    case 'not-a-file':
      return `move it out of the way, then restore the store from a backup (${restore}) or start an empty one`;
    case 'not-sqlite':
    case 'not-plenty':
      return `if --data names the wrong folder, give your store's; if this was your store, restore it from a backup (${restore}). Nothing in the file was changed`;
    case 'truncated':
    case 'damaged':
      return `restore it from a backup (${restore}); plenty store check --data ${shellPath(dir)} lists what is wrong. Nothing in the file was changed`;
    case 'newer-schema':
      return `upgrade Plenty or restore a backup (${restore}). Nothing in the file was changed`;
    case 'unreadable':
      return 'check that this user may read and write it and its folder, that no other program holds it locked, and that the disk is sound';
    case 'in-use':
      return 'stop the service, then restore again; nothing was changed';
    case 'data-not-a-folder':
      return 'give the folder that holds plenty.sqlite with --data, not a file';
  }
}

/**
 * The error for a store file (or a backup) that cannot be used: says what is wrong with the file,
 * with the detail found, and what to do about it (`dir` of the advice is the file's folder).
 */
export function storeFileError(problem: StoreFileProblem, file: string, detail: string, role: StoreFileRole): StoreFileError {
  const dir = problem === 'data-not-a-folder' ? file : dirname(file);
  return new StoreFileError(problem, file, `${what(problem, detail)}: ${advice(problem, role, dir)}`);
}
