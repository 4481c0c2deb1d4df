import { readFileSync } from 'node:fs';
import { csrFromDense } from '../../src/sparse/index.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { fixture } from '../helpers/paths.js';
import { readCsv } from './read-table.js';

/** test/fixtures/expected.json, parsed. */
export function expected(): Record<string, Record<string, unknown>> {
  return JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Record<string, unknown>>;
}

/** A nested number array as a row-major Float64Array. */
export function flat(m: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(m.flat());
}

/** A = Z diag(1/x) as CSR, from dense row-major flows. */
export function coefficientsFromFlows(n: number, Z: ArrayLike<number>, x: ArrayLike<number>): CsrMatrix {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = x[j] === 0 ? 0 : Z[i * n + j] / x[j];
  return csrFromDense(n, n, a);
}

/**
 * Cockshott's iron–coal–corn–bread economy: columns are the using goods, rows the inputs (goods,
 * then labour), last row gross output. A = flows / output column-wise, l = labour / output.
 */
export function cockshott(): { goods: string[]; A: CsrMatrix; l: Float64Array; x: Float64Array; flows: Float64Array } {
  const rows = readCsv(fixture('cockshott-5yearplan', 'flows.csv'));
  const goods = rows[0].slice(1);
  const n = goods.length;
  const byName = new Map(rows.slice(1).map((r) => [r[0], r.slice(1).map(Number)]));
  const x = Float64Array.from(byName.get('output') ?? []);
  const flows = new Float64Array(n * n);
  goods.forEach((g, i) => {
    const r = byName.get(g) ?? [];
    for (let j = 0; j < n; j++) flows[i * n + j] = r[j];
  });
  const labour = byName.get('labour') ?? [];
  const l = new Float64Array(n);
  for (let j = 0; j < n; j++) l[j] = labour[j] / x[j];
  return { goods, A: coefficientsFromFlows(n, flows, x), l, x, flows };
}

/** The Eurostat Germany 1995 table (Beutel 2008, Table 15.4), read by its `iotables_row` labels. */
export function germany(): {
  sectors: string[];
  Z: Float64Array;
  output: Float64Array;
  rowTotal: Float64Array;
  row: (label: string) => Float64Array;
} {
  const rows = readCsv(fixture('eurostat-germany-1995', 'Beutel_15_4_esa2010.csv'));
  const header = rows[0];
  const labelCol = header.indexOf('iotables_row');
  const sectors = ['agriculture_group', 'industry_group', 'construction', 'trade_group', 'business_services_group', 'other_services_group'];
  const cols = sectors.map((s) => header.indexOf(s));
  const totalCol = header.indexOf('total_final_use');
  const byLabel = new Map(rows.slice(1).map((r) => [r[labelCol], r]));
  const row = (label: string): Float64Array => {
    const r = byLabel.get(label);
    if (r === undefined) throw new Error(`no row ${label}`);
    return Float64Array.from(cols.map((c) => Number(r[c])));
  };
  const n = sectors.length;
  const Z = new Float64Array(n * n);
  const rowTotal = new Float64Array(n);
  sectors.forEach((s, i) => {
    Z.set(row(s), i * n);
    rowTotal[i] = Number((byLabel.get(s) ?? [])[totalCol]);
  });
  return { sectors, Z, output: row('output'), rowTotal, row };
}
