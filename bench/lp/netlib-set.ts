import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Netlib LPs kept in test/fixtures/lp/netlib (gzipped MPS), with the optimal objective values
 * of Netlib's `lp/data/readme` (MINOS 5.3; SCAGR7's from the same table, which CPLEX and later
 * solvers confirm to 2.4e-7). Used by the accuracy test and bench/lp/run-netlib.ts.
 */
export const NETLIB_OPTIMA: Readonly<Record<string, number>> = {
  adlittle: 2.2549496316e5,
  afiro: -4.6475314286e2,
  agg: -3.5991767287e7,
  beaconfd: 3.3592485807e4,
  blend: -3.0812149846e1,
  boeing2: -3.1501872802e2,
  bore3d: 1.3730803942e3,
  brandy: 1.5185098965e3,
  capri: 2.6900129138e3,
  e226: -1.8751929066e1,
  grow7: -4.7787811815e7,
  israel: -8.9664482186e5,
  kb2: -1.7499001299e3,
  lotfi: -2.5264706062e1,
  recipe: -2.666160000e2,
  sc105: -5.2202061212e1,
  sc205: -5.2202061212e1,
  sc50a: -6.4575077059e1,
  sc50b: -7.0e1,
  scagr7: -2.3313892548e6,
  scsd1: 8.6666666743,
  sctap1: 1.41225e3,
  share1b: -7.6589318579e4,
  share2b: -4.1573224074e2,
  stocfor1: -4.1131976219e4,
  'vtp.base': 1.2983146246e5,
};

/** The fixture file of a Netlib LP (found from the compiled file up to the repository root). */
export function netlibFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'test', 'fixtures', 'lp', 'netlib', `${name}.mps.gz`);
}
