import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImporterInput } from '../tables.js';
import type { ImporterOptions } from '../../../../src/model/import/index.js';
import { COMMITTED_EORA26, eora26Files } from './eora26-fixture.js';
import { zipBytes } from './zip-bytes.js';

/** How an Eora26 input of the shared importer suite departs from the committed download. */
export interface Eora26Damage {
  /** Packed as the year's zip (Eora26_2010_bp.zip) instead of a folder. */
  readonly zip?: boolean;
  /** The zip cut in half. */
  readonly truncate?: boolean;
  /** A file left out. */
  readonly drop?: string;
  /** One file's text changed. */
  readonly edit?: readonly [string, (text: string) => string];
  readonly eol?: string;
}

/** An input of the shared suite: the committed download, packed and damaged as said. */
export function eora26Input(name: string, expect: ImporterInput['expect'], damage: Eora26Damage, options?: ImporterOptions): ImporterInput {
  const write = async (dir: string): Promise<string> => {
    const files = eora26Files(damage.eol === undefined ? COMMITTED_EORA26 : { ...COMMITTED_EORA26, eol: damage.eol });
    if (damage.drop !== undefined) files.delete(damage.drop);
    if (damage.edit !== undefined) {
      const [file, edit] = damage.edit;
      files.set(file, edit(files.get(file) ?? ''));
    }
    if (damage.zip === true) {
      const bytes = zipBytes(files);
      const path = join(dir, 'Eora26_2010_bp.zip');
      await writeFile(path, damage.truncate === true ? bytes.subarray(0, bytes.length >> 1) : bytes);
      return path;
    }
    const folder = join(dir, 'eora26');
    await mkdir(folder);
    for (const [file, text] of files) await writeFile(join(folder, file), text);
    return folder;
  };
  return options === undefined ? { name, expect, write } : { name, expect, write, options };
}
