import { inputError } from '../../errors.js';
import type { ReadInputOptions } from '../../read-input-file.js';
import { sparseSymmetricFromSut, symmetricFromSut, type SparseSupplyUse, type SupplyUseTables, type SutModel } from '../../sut/index.js';
import { symmetricToIoTable, tableAround, type SymmetricToIoTableOptions } from '../sut/symmetric-to-io-table.js';
import type { IoTable, SparseIoTable } from '../types.js';
import { readGloriaSystem, type GloriaReadOptions, type GloriaSystem } from './read-gloria-system.js';

export interface GloriaOptions extends ReadInputOptions, GloriaReadOptions {
  /** Default B (industry technology). GLORIA's supply is diagonal, so all four agree. */
  readonly model?: SutModel;
  readonly name?: string;
}

/** GLORIA's monetary unit (its ReadMe: thousand US dollars). */
const GLORIA_UNIT = 'kUSD';

/**
 * The most products (regions × sectors) readGloria makes a dense table of: its supply, use and
 * flows are products² numbers each (6,000: 288 MB each). GLORIA's whole database (164 × 120 =
 * 19,680: 3.1 GB each) is read by readGloriaSparse and written as a model folder.
 */
export const GLORIA_DENSE_PRODUCTS = 6000;

/**
 * `plenty import gloria PATH`: the GLORIA multi-regional supply–use database as downloaded. PATH is
 * the folder holding `GLORIA_MRIOs_{version}_{year}` (zip or folder), optionally
 * `GLORIA_SatelliteAccounts_0{version}_{year}` (zip or folder) and `GLORIA_ReadMe_0{version}.xlsx`
 * (the labels), or the MRIO zip or folder itself with the others beside it. GLORIA's T matrix
 * orders its rows and columns region by region, each region's industries then its products (the
 * sectors of the ReadMe's sheet Sectors); its industry × product block is the supply table, its
 * product × industry block the use table; Y's product rows are final use (regions × the
 * ReadMe's final-demand names), V's industry columns value added (regions × value-added names),
 * the satellites' TQ and YQ the extensions (units from the ReadMe). Made symmetric as
 * symmetricFromSut does; regions whose T rows and columns are all zero are left out (as pymrio does).
 * The files are streamed (readGloriaSystem); a selection of more than GLORIA_DENSE_PRODUCTS
 * products is refused, before its matrices are read, with the way out (readGloriaSparse, a model
 * folder).
 */
export async function readGloria(path: string, options: GloriaOptions = {}): Promise<IoTable> {
  const system = await readGloriaSystem(path, {
    ...options,
    beforeMatrices: (labels, found) => {
      const products = labels.regions.length * labels.sectors.length;
      if (products > GLORIA_DENSE_PRODUCTS) {
        throw inputError(
          'too-large',
          `GLORIA ${found.version} ${found.year} has ${labels.regions.length} regions × ${labels.sectors.length} sectors = ${products} products: more than a dense table is made of here (${GLORIA_DENSE_PRODUCTS}); write it as a model folder, -o MODEL/ (the binary format's folder, read sparse), or one region's own table (--region)`,
          { file: found.mrio },
          products,
        );
      }
    },
  });
  const model = options.model ?? 'B';
  const symmetric = symmetricFromSut(denseSupplyUse(system.sut), { model });
  if (symmetric.status === 'refused') throw inputError(`sut-${symmetric.code}`, symmetric.message, { file: path, path: ['--model'] }, model);
  return symmetricToIoTable(symmetric, tableOptions(system, options));
}

/**
 * readGloria for GLORIA's whole database: the same reading, made symmetric on sparse tables
 * (sparseSymmetricFromSut: models B and D for any supply table, A and C where each industry makes
 * one product, as in GLORIA), into a table whose flows are held by column. No matrix of products²
 * numbers is made.
 */
export async function readGloriaSparse(path: string, options: GloriaOptions = {}): Promise<SparseIoTable> {
  const system = await readGloriaSystem(path, options);
  const model = options.model ?? 'B';
  const symmetric = sparseSymmetricFromSut(system.sut, model);
  if (symmetric.status === 'refused') throw inputError(`sut-${symmetric.code}`, symmetric.message, { file: path, path: ['--model'] }, model);
  return { ...tableAround(symmetric, tableOptions(system, options)), zByColumn: symmetric.zByColumn };
}

function tableOptions(system: GloriaSystem, options: GloriaOptions): SymmetricToIoTableOptions {
  const { labels, kept, found } = system;
  return {
    name: options.name ?? `GLORIA ${found.version} ${found.year}`,
    unit: GLORIA_UNIT,
    regions: kept.map((r) => labels.regions[r]),
    sectors: labels.sectors,
    categories: labels.finalDemand,
    finalUseRows: system.finalUseRows,
    outputFromUse: true,
    place: () => ({ file: system.tFile, row: 1, tableColumn: 1 }),
    labelPlace: { file: found.readme, path: ['Regions'] },
    read: system.read,
    guessed: [],
    dropped: system.dropped,
  };
}

/** Sparse supply and use tables as symmetricFromSut takes them (dense, p × m). */
function denseSupplyUse(t: SparseSupplyUse): SupplyUseTables {
  const p = t.products.length;
  const m = t.industries.length;
  const supply = new Float64Array(p * m);
  const use = new Float64Array(p * m);
  const S = t.supply;
  for (let i = 0; i < p; i++) for (let e = S.rowPtr[i]; e < S.rowPtr[i + 1]; e++) supply[i * m + S.colIdx[e]] = S.values[e];
  const U = t.useByIndustry;
  for (let j = 0; j < m; j++) for (let e = U.rowPtr[j]; e < U.rowPtr[j + 1]; e++) use[U.colIdx[e] * m + j] = U.values[e];
  return { products: t.products, industries: t.industries, supply, use, categories: t.categories, finalUse: t.finalUse, rowBlocks: t.rowBlocks };
}
