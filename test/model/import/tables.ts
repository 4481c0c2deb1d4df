import { parseSymmetricTable, readPymrioFolder, readSymmetricTable, type IoTable } from '../../../src/model/import/index.js';
import { fixture } from '../../helpers/paths.js';

/** Miller and Blair (2009), ch. 2, two sectors, as a small CSV with CRLF line ends. */
export const millerBlairCsv = [
  'sector,agriculture,manufacturing,final demand,total output',
  'agriculture,150,500,350,1000',
  'manufacturing,200,100,1700,2000',
  'value added,650,1400,,2050',
  'total output,1000,2000,2050,',
].join('\r\n');

/**
 * Every importer on its fixture: the cases of the shared importer suite. `monetary`: flows in one
 * money unit, so that column sums of A (cost shares) are below 1; Cockshott's table is in physical
 * units (its bread column sums to 1.2) and is productive all the same.
 */
export const importerCases: readonly { readonly name: string; readonly load: () => Promise<IoTable>; readonly monetary: boolean }[] = [
  { name: 'symmetric table: Eurostat Germany 1995', load: () => readSymmetricTable(fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'), { labelColumn: 'iotables_row', unit: 'EUR million' }), monetary: true },
  { name: 'symmetric table: Cockshott flows', load: () => readSymmetricTable(fixture('cockshott-5yearplan', 'flows.csv')), monetary: false },
  { name: 'symmetric table: Miller and Blair', load: () => Promise.resolve(parseSymmetricTable(millerBlairCsv, 'miller-blair.csv')), monetary: true },
  { name: 'pymrio folder: test MRIO', load: () => readPymrioFolder(fixture('pymrio-test-mrio', 'mrio_data')), monetary: true },
];
