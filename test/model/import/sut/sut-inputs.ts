import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImporterOptions } from '../../../../src/model/import/index.js';
import { fixture } from '../../../helpers/paths.js';

/** The illustrative supply and use tables of test/fixtures/sut (4 products × 4 industries, imports, value added with a negative component). */
export const sutSupply = fixture('sut', 'supply.csv');
export const sutUse = fixture('sut', 'use.csv');

/** Writes supply and use texts into `dir`, each changed by its function; returns the path and options to import them. */
export async function writeSut(dir: string, change: { supply?: (t: string) => string; use?: (t: string) => string } = {}, options: ImporterOptions = {}): Promise<{ path: string; options: ImporterOptions }> {
  const supply = join(dir, 'supply.csv');
  const use = join(dir, 'use.csv');
  await writeFile(supply, (change.supply ?? ((t) => t))(await readFile(sutSupply, 'utf8')));
  await writeFile(use, (change.use ?? ((t) => t))(await readFile(sutUse, 'utf8')));
  return { path: supply, options: { ...options, use } };
}

/** Inputs of `import sut` for the shared importer suite. */
export const sutInputs = [
  ...(['B', 'C', 'D'] as const).map((model) => ({ name: `the illustrative tables, model ${model}`, expect: 'loads' as const, write: (dir: string) => writeSut(dir, {}, { model }) })),
  { name: 'model A with Almon’s procedure', expect: 'loads' as const, write: (dir: string) => writeSut(dir, {}, { model: 'A', negatives: 'almon' }) },
  { name: 'model A: negatives refused, each located', expect: 'either' as const, write: (dir: string) => writeSut(dir, {}, { model: 'A' }) },
  { name: 'model A on 5 products × 4 industries', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { supply: (t) => t.replace('TOTAL,Total', 'CPA_X,Other,1,,,,0,1\nTOTAL,Total'), use: (t) => t.replace('P2,Total', 'CPA_X,Other,0,0,0,0,0,1,0,0,0,0,1\nP2,Total') }, { model: 'A' }) },
  { name: 'a ragged supply row', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { supply: (t) => t.replace('150,,0,150', '150,,0,150,7') }) },
  { name: 'a cell that is not a number', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { use: (t) => t.replace('20,150,50,60', '20,15O,50,60') }) },
  { name: 'an unknown product code in the use table', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { use: (t) => t.replace('CPA_F,', 'CPA_Z,') }) },
  { name: 'a product whose use is not its supply', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { use: (t) => t.replace('4,0,110,0,0,150', '4,0,160,0,0,150') }) },
  { name: 'negative supply', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { supply: (t) => t.replace('5,400', '-5,400') }) },
  { name: 'a cell beyond 1e30', expect: 'refused' as const, write: (dir: string) => writeSut(dir, { use: (t) => t.replace('20,150,50,60', '20,2e31,50,60') }) },
];
