import { constants } from 'node:fs';
import { access, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { inputError, type InputError } from '../model/errors.js';

/** A file a command writes: text (written as UTF-8) or bytes. */
export interface OutputFile {
  readonly path: string;
  readonly text: string | Uint8Array;
}

/** What an output may not be, and how to name it in messages. */
export interface OutputRules {
  /** The option that named the output (`-o`, `--write-plan`): errors are located at it. */
  readonly option: string;
  /** Files and folders the command reads: an output may not be one of them, nor an existing file inside an input folder. */
  readonly inputs: readonly string[];
}

function errnoOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its folder path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

function cannotWrite(path: string, rules: OutputRules, err: unknown): InputError {
  const code = errnoOf(err);
  const reason = REASONS[code] ?? (err instanceof Error ? err.message : String(err));
  return inputError('write-failed', `cannot write ${path}: ${reason}${code === '' ? '' : ` (${code})`}`, { file: path, path: [rules.option] }, path);
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks that `path` can be written as a command's output before anything is computed or written:
 * its folder exists, is a folder and may be written in, it is not itself a folder, and it is none of the inputs (the
 * same file by device and inode, so `./a.csv`, `a.csv`, hard and symbolic links are all caught)
 * nor an existing file inside an input folder. Each failure is an InputError naming the path.
 */
export async function checkOutputPath(path: string, rules: OutputRules): Promise<void> {
  const where = { file: path, path: [rules.option] };
  const folder = dirname(path);
  const folderStat = await statOrUndefined(folder);
  if (folderStat === undefined) throw inputError('output-folder-missing', `cannot write ${path}: the folder ${folder} does not exist`, where);
  if (!folderStat.isDirectory()) throw inputError('output-folder-missing', `cannot write ${path}: ${folder} is not a folder`, where);
  try {
    await access(folder, constants.W_OK);
  } catch (err) {
    throw cannotWrite(path, rules, err);
  }
  const out = await statOrUndefined(path);
  if (out === undefined) return;
  if (out.isDirectory()) throw inputError('output-is-folder', `cannot write ${path}: it is a folder; name a file to write`, where);
  const real = await realpath(path);
  for (const input of rules.inputs) {
    const s = await statOrUndefined(input);
    if (s === undefined) continue;
    if (s.dev === out.dev && s.ino === out.ino) {
      throw inputError('output-is-input', `${rules.option} ${path} is the input ${input}: writing it would overwrite what is read; name another file`, where);
    }
    if (s.isDirectory()) {
      const inside = relative(await realpath(input), real);
      if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) {
        throw inputError('output-is-input', `${rules.option} ${path} is a file of the input folder ${input}: writing it would replace what is read; name another file`, where);
      }
    }
  }
}

/**
 * Writes files as a command's output: checks each (checkOutputPath), writes each to a temporary
 * file beside it and then renames them all into place, so a reader never sees half a file. When
 * anything fails, the temporary files are removed and the error is an InputError naming the path
 * and the reason (no permission, no space, …); files already in place are kept.
 */
export async function writeOutputFiles(files: readonly OutputFile[], rules: OutputRules): Promise<void> {
  for (const f of files) await checkOutputPath(f.path, rules);
  const temps: string[] = [];
  const cleanUp = async (): Promise<void> => {
    await Promise.all(temps.map((t) => rm(t, { force: true }).catch(() => undefined)));
  };
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push(tmp);
      await (typeof f.text === 'string' ? writeFile(tmp, f.text, 'utf8') : writeFile(tmp, f.text));
    }
    for (let k = 0; k < files.length; k++) {
      current = files[k].path;
      await rename(temps[k], files[k].path);
    }
  } catch (err) {
    await cleanUp();
    throw cannotWrite(current, rules, err);
  }
}
