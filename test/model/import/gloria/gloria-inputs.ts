import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImporterOptions } from '../../../../src/model/import/index.js';
import { fixture } from '../../../helpers/paths.js';
import { zipBytes } from '../eora26/zip-bytes.js';

/** The GLORIA mock of pymrio's tests (3 regions × 3 sectors, supply–use, version 059, 2022). */
export const gloriaMock = fixture('gloria', 'mock');
const MRIO = 'GLORIA_MRIOs_59_2022';

/** A copy of the mock in `dir`, with the T matrix (Markup001) changed by `change`, and files removed. */
export async function writeGloria(dir: string, change: (t: string) => string = (t) => t, remove: readonly string[] = []): Promise<string> {
  const root = join(dir, 'gloria');
  await cp(gloriaMock, root, { recursive: true });
  const t = (await readdir(join(root, MRIO))).find((n) => n.includes('_T-Results_') && n.includes('Markup001')) ?? '';
  const path = join(root, MRIO, t);
  await writeFile(path, change(await readFile(path, 'utf8')));
  for (const r of remove) await rm(join(root, r), { recursive: true, force: true });
  return root;
}

/**
 * The mock as GLORIA ships it: the MRIO and the satellite accounts as zips (their files at the
 * top of each archive), the ReadMe beside them; `cut` keeps only the first part of the MRIO zip.
 */
export async function writeGloriaZips(dir: string, cut = false): Promise<string> {
  const root = join(dir, 'gloria-zips');
  await mkdir(root, { recursive: true });
  for (const folder of [MRIO, 'GLORIA_SatelliteAccounts_059_2022']) {
    const files = new Map<string, Uint8Array>();
    for (const name of await readdir(join(gloriaMock, folder))) files.set(name, await readFile(join(gloriaMock, folder, name)));
    const bytes = zipBytes(files);
    await writeFile(join(root, `${folder}.zip`), cut && folder === MRIO ? bytes.subarray(0, bytes.length >> 1) : bytes);
  }
  await cp(join(gloriaMock, 'GLORIA_ReadMe_059.xlsx'), join(root, 'GLORIA_ReadMe_059.xlsx'));
  return root;
}

/** Inputs of `import gloria` for the shared importer suite. */
export const gloriaInputs: readonly { name: string; expect: 'loads' | 'refused' | 'either'; write: (dir: string) => Promise<string>; options?: ImporterOptions }[] = [
  { name: 'the GLORIA mock', expect: 'loads', write: () => Promise.resolve(gloriaMock) },
  { name: 'the GLORIA mock at purchasers’ prices, model D', expect: 'loads', write: () => Promise.resolve(gloriaMock), options: { markup: 'purchaser', model: 'D' } },
  { name: 'the MRIO folder itself, the ReadMe beside it', expect: 'loads', write: () => Promise.resolve(join(gloriaMock, MRIO)) },
  { name: 'the zips as GLORIA ships them, model D', expect: 'loads', write: (dir) => writeGloriaZips(dir), options: { model: 'D' } },
  { name: 'the MRIO zip itself, the ReadMe and satellites beside it', expect: 'loads', write: async (dir) => join(await writeGloriaZips(dir), `${MRIO}.zip`) },
  { name: 'a truncated MRIO zip', expect: 'refused', write: (dir) => writeGloriaZips(dir, true) },
  { name: 'a ragged row of T', expect: 'refused', write: (dir) => writeGloria(dir, (t) => t.replace('\n', ',0.0\n')) },
  { name: 'a cell of T that is not a number', expect: 'refused', write: (dir) => writeGloria(dir, (t) => t.replace('5295100.0', '5295100.0x')) },
  { name: 'T with a row missing', expect: 'refused', write: (dir) => writeGloria(dir, (t) => t.slice(t.indexOf('\n') + 1)) },
  { name: 'a year the folder does not hold', expect: 'refused', write: () => Promise.resolve(gloriaMock), options: { year: '2019' } },
  { name: 'no ReadMe', expect: 'refused', write: (dir) => writeGloria(dir, undefined, ['GLORIA_ReadMe_059.xlsx']) },
];
