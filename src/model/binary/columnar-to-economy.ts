import { registerSource, locationOf } from '../source-locations.js';
import type { ColumnarEconomy, Economy, ProductEntries, Target, Technique } from '../types.js';
import { NO_REGION } from './binary-format.js';

type Amounts = Record<string, number>;

function setKey(record: Amounts, key: string, value: number): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/**
 * A ColumnarEconomy as records (an Economy, as from YAML): each technique's coefficients as
 * key → amount, each target as an object. For the commands that walk records (plan, balance,
 * check, convert to text); the Leontief commands compile the columns directly. Records are filled
 * without a prototype (V8 keeps them as hash tables, far faster with millions of distinct keys).
 */
export function columnarToEconomy(e: ColumnarEconomy): Economy {
  const { coefficients, targets: tc, ...base } = e;
  const nT = e.techniques.length;
  const records = Array.from({ length: nT }, () => ({ produces: Object.create(null) as Amounts, consumes: Object.create(null) as Amounts, uses: Object.create(null) as Amounts }));
  const productIds = e.products.map((p) => p.id);
  const regionIds = e.regions.map((r) => r.id);
  const roles = [
    { m: coefficients.produces as ProductEntries, ids: productIds, role: 'produces' },
    { m: coefficients.consumes, ids: productIds, role: 'consumes' },
    { m: coefficients.uses as ProductEntries, ids: e.resources.map((r) => r.id), role: 'uses' },
  ] as const;
  const put = (k: number, row: number, p: number): void => {
    const { m, ids, role } = roles[k];
    const r = m.region?.[p] ?? NO_REGION;
    setKey(records[m.colIdx[p]][role], r === NO_REGION ? ids[row] : `${ids[row]}@${regionIds[r]}`, m.values[p]);
  };
  const fileRow = coefficients.fileRow;
  if (fileRow === undefined) {
    roles.forEach(({ m }, k) => {
      for (let i = 0; i < m.rows; i++) for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) put(k, i, p);
    });
  } else {
    // In the file's order (every row of the file is one entry), so that each record's keys come as the file gave them.
    const total = roles.reduce((n, { m }) => n + m.rowPtr[m.rows], 0);
    const roleAt = new Uint8Array(total);
    const posAt = new Int32Array(total);
    const rowOf = roles.map(({ m }, k) => {
      const out = new Int32Array(m.rowPtr[m.rows]);
      for (let i = 0; i < m.rows; i++) out.fill(i, m.rowPtr[i], m.rowPtr[i + 1]);
      for (let p = 0; p < out.length; p++) {
        roleAt[fileRow[k][p]] = k;
        posAt[fileRow[k][p]] = p;
      }
      return out;
    });
    for (let row = 0; row < total; row++) put(roleAt[row], rowOf[roleAt[row]][posAt[row]], posAt[row]);
  }
  const techniques: Technique[] = e.techniques.map((t, j) => {
    const r = records[j];
    for (const role of ['produces', 'consumes', 'uses'] as const) Object.setPrototypeOf(r[role], Object.prototype);
    return { ...t, ...r };
  });
  const targets: Target[] = Array.from(tc.amount, (amount, i) => {
    const pr = tc.productRegion?.[i] ?? NO_REGION;
    return {
      product: pr === NO_REGION ? productIds[tc.product[i]] : `${productIds[tc.product[i]]}@${regionIds[pr]}`,
      amount,
      priority: tc.priority[i],
      ...(tc.region[i] >= 0 ? { region: regionIds[tc.region[i]] } : {}),
      ...(tc.period[i] >= 0 ? { period: e.periods[tc.period[i]] } : {}),
      ...(tc.category[i] >= 0 ? { category: tc.categories[tc.category[i]] } : {}),
    };
  });
  const result: Economy = { ...base, techniques, targets };
  registerSource(result, { locate: (path, key) => locationOf(e, path, key) });
  return result;
}
