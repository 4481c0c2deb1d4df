import { seededRandom } from '../../../helpers/random.js';

/** Eora26's 26 sectors, as its labels_T.txt names them. */
export const EORA26_SECTORS = [
  'Agriculture',
  'Fishing',
  'Mining and Quarrying',
  'Food & Beverages',
  'Textiles and Wearing Apparel',
  'Wood and Paper',
  'Petroleum, Chemical and Non-Metallic Mineral Products',
  'Metal Products',
  'Electrical and Machinery',
  'Transport Equipment',
  'Other Manufacturing',
  'Recycling',
  'Electricity, Gas and Water',
  'Construction',
  'Maintenance and Repair',
  'Wholesale Trade',
  'Retail Trade',
  'Hotels and Restraurants',
  'Transport',
  'Post and Telecommunications',
  'Finacial Intermediation and Business Activities',
  'Public Administration',
  'Education, Health and Other Services',
  'Private Households',
  'Others',
  'Re-export & Re-import',
] as const;

/** Eora26's final-demand categories (labels_FD.txt). */
export const EORA26_CATEGORIES = [
  'Household final consumption P.3h',
  'Non-profit institutions serving households P.3n',
  'Government final consumption P.3g',
  'Gross fixed capital formation P.51',
  'Changes in inventories P.52',
  'Acquisitions less disposals of valuables P.53',
] as const;

/** Eora26's value-added rows (labels_VA.txt) and each one's share of value added in the fixture (subsidies negative). */
export const EORA26_VALUE_ADDED: readonly (readonly [string, number])[] = [
  ['Compensation of employees D.1', 0.5],
  ['Taxes on production D.29', 0.1],
  ['Subsidies on production D.39', -0.05],
  ['Net operating surplus B.2n', 0.3],
  ['Net mixed income B.3n', 0.1],
  ['Consumption of fixed capital K.1', 0.05],
];

/** Satellite rows (labels_Q.txt: stressor with its unit in parentheses, then its source), and whether households emit it (QY). */
export const EORA26_SATELLITES: readonly { readonly label: string; readonly source: string; readonly households: boolean; readonly signed?: boolean }[] = [
  { label: 'Energy Usage (TJ)', source: 'Natural Gas', households: true },
  { label: 'Energy Usage (TJ)', source: 'Coal', households: false },
  { label: 'I-GHG-CO2 emissions (Gg)', source: '1A1 Energy industries', households: true },
  { label: 'I-GHG-CH4 emissions (Gg)', source: '4A Enteric Fermentation', households: false },
  { label: 'Total cropland area (1000 ha)', source: 'Total', households: false },
  { label: 'Net CO2 emissions from land use change (Gg)', source: 'LULUCF', households: false, signed: true },
];

export interface Eora26Spec {
  readonly year: string;
  readonly prices: 'bp' | 'pp';
  /** Country code and full name of each region, in order. */
  readonly regions: readonly (readonly [string, string])[];
  readonly seed: number;
  /** Eora's rest of the world: one more row and column (ROW, TOTAL), and ROW's final-demand columns. */
  readonly restOfWorld: boolean;
  /** A sector without output (its row and column all zero) in the first region. */
  readonly zeroSector?: string;
  /** Line end of every file; default LF. */
  readonly eol?: string;
}

/** The fixture committed in test/fixtures/eora26 (pymrio's accounts of it are in test/fixtures/pymrio-accounts/eora26.json). */
export const COMMITTED_EORA26: Eora26Spec = {
  year: '2010',
  prices: 'bp',
  regions: [
    ['AUS', 'Australia'],
    ['BRA', 'Brazil'],
    ['SUD', 'Sudan'],
  ],
  seed: 20100,
  restOfWorld: true,
  zeroSector: 'Re-export & Re-import',
};

/** A number as Eora writes it: up to 8 significant digits, an exponent as `E-06` for small and large ones. */
export function eoraNumber(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e9) {
    const [m, e] = v.toExponential(7).split('e');
    const exp = Number(e);
    return `${m.replace(/\.?0+$/, '')}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(8)));
}

/**
 * The files of one Eora26 year in the published layout (name → text): the five tables
 * `Eora26_{year}_{prices}_{T,FD,VA,Q,QY}.txt`, tab-separated numbers without labels, and the four
 * label files. The numbers come from a seeded generator: a productive economy (every column of T
 * sums to less than its product's output), value added that closes each column (subsidies
 * negative), negative inventory changes, a satellite row of mixed sign, and household use in QY.
 */
export function eora26Files(spec: Eora26Spec): Map<string, string> {
  const rand = seededRandom(spec.seed);
  const eol = spec.eol ?? '\n';
  const products: [string, string, string][] = [];
  for (const [code, name] of spec.regions) for (const s of EORA26_SECTORS) products.push([name, code, s]);
  if (spec.restOfWorld) products.push(['Statistical Discrepancies', 'ROW', 'TOTAL']);
  const demandRegions = spec.restOfWorld ? [...spec.regions, ['ROW', 'Statistical Discrepancies'] as const] : spec.regions;
  const fd: [string, string, string][] = [];
  for (const [code, name] of demandRegions) for (const c of EORA26_CATEGORIES) fd.push([name, code, c]);
  const N = products.length;
  const M = fd.length;
  const isRow = (i: number): boolean => products[i][1] === 'ROW';
  const zero = (i: number): boolean => spec.zeroSector !== undefined && products[i][1] === spec.regions[0][0] && products[i][2] === spec.zeroSector;

  const T: number[][] = [];
  for (let i = 0; i < N; i++) {
    const row: number[] = [];
    for (let j = 0; j < N; j++) {
      const same = products[i][1] === products[j][1];
      let v = 0;
      if (zero(i) || zero(j)) v = 0;
      else if (isRow(i) || isRow(j)) v = rand() * 5;
      else if (rand() < (same ? 0.9 : 0.35)) v = rand() * (same ? 100 : 20) * (rand() < 0.05 ? 1e-7 : 1);
      row.push(Number(eoraNumber(v)));
    }
    T.push(row);
  }
  const FD: number[][] = [];
  for (let i = 0; i < N; i++) {
    const row: number[] = [];
    for (let c = 0; c < M; c++) {
      const category = c % EORA26_CATEGORIES.length;
      const home = fd[c][1] === products[i][1];
      let v: number;
      if (zero(i)) v = 0;
      else if (category === 4) v = (rand() - 0.4) * 30;
      else if (category === 0 && home) v = 100 * N + rand() * 5000;
      else v = rand() * (home ? 500 : 40);
      row.push(Number(eoraNumber(v)));
    }
    FD.push(row);
  }
  const x = T.map((row, i) => row.reduce((a, b) => a + b, 0) + FD[i].reduce((a, b) => a + b, 0));
  const valueAdded = x.map((xj, j) => Math.max(0, xj - T.reduce((a, row) => a + row[j], 0)));
  const VA = EORA26_VALUE_ADDED.map(([, share]) => valueAdded.map((v) => Number(eoraNumber(v * share))));
  const Q = EORA26_SATELLITES.map((s) => x.map((xj, j) => (zero(j) ? 0 : Number(eoraNumber(xj * rand() * 0.3 * (s.signed === true ? rand() - 0.5 : 1))))));
  const QY = EORA26_SATELLITES.map((s) => fd.map((_, c) => (s.households && c % EORA26_CATEGORIES.length === 0 ? Number(eoraNumber(1000 + rand() * 9000)) : 0)));

  const tsv = (rows: readonly (readonly (string | number)[])[]): string => rows.map((r) => r.map((v) => (typeof v === 'number' ? eoraNumber(v) : v)).join('\t')).join(eol) + eol;
  const stem = `Eora26_${spec.year}_${spec.prices}_`;
  return new Map([
    [`${stem}T.txt`, tsv(T)],
    [`${stem}FD.txt`, tsv(FD)],
    [`${stem}VA.txt`, tsv(VA)],
    [`${stem}Q.txt`, tsv(Q)],
    [`${stem}QY.txt`, tsv(QY)],
    ['labels_T.txt', tsv(products.map(([name, code, s]) => [name, code, 'Industries', s]))],
    ['labels_FD.txt', tsv(fd.map(([name, code, c]) => [name, code, 'Final Demand', c]))],
    ['labels_VA.txt', tsv(EORA26_VALUE_ADDED.map(([label]) => ['Primary Inputs', label]))],
    ['labels_Q.txt', tsv(EORA26_SATELLITES.map((s) => [s.label, s.source]))],
  ]);
}
