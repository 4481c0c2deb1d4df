import { InputError } from '../model/errors.js';

/**
 * What is wrong with a store file (or the file given as a backup):
 * - `missing`: there is no file;
 * - `not-a-file`: a folder (or another non-file) stands where the file should be;
 * - `not-sqlite`: not an SQLite database at all (a text file, a garbage header);
 * - `not-plenty`: an SQLite database, but not one Plenty wrote;
 * - `truncated`: shorter than its own header says;
 * - `damaged`: SQLite's integrity check finds it corrupt;
 * - `newer-schema`: written by a newer Plenty;
 * - `unreadable`: cannot be opened (permissions, disk);
 * - `in-use`: another process has it open (restore refuses to replace it then);
 * - `data-not-a-folder`: the data folder named is a file.
 */
export type StoreFileProblem = 'missing' | 'not-a-file' | 'not-sqlite' | 'not-plenty' | 'truncated' | 'damaged' | 'newer-schema' | 'unreadable' | 'in-use' | 'data-not-a-folder';

/**
 * A store file that cannot be used, found when opening or checking it. A user's problem, not a
 * bug: the message names the file and says what to do, and the CLI prints it and exits 1 (it is
 * an InputError located at the file, so every command that opens a store reports it the same way).
 */
export class StoreFileError extends InputError {
  constructor(
    readonly problem: StoreFileProblem,
    readonly file: string,
    message: string,
  ) {
    super([{ code: `store-${problem}`, message, location: { file } }]);
    this.name = 'StoreFileError';
  }
}
