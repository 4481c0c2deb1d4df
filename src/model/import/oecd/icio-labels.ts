import type { MatrixColumn, MatrixLayout, MatrixRow } from '../mrio/parse-matrix-csv.js';

/** Final-demand codes of the ICIO editions (2016: NPS, INV, DIRP; 2018: P33; 2021 and later: DPABR). */
export const ICIO_FINAL_DEMAND = new Set(['HFCE', 'NPISH', 'NPS', 'GGFC', 'GFCF', 'INVNT', 'INV', 'DPABR', 'DIRP', 'P33', 'FD']);

/** Total columns and rows: gross output. */
export const ICIO_TOTAL_COLUMNS = new Set(['OUT', 'TOTAL']);
export const ICIO_TOTAL_ROWS = new Set(['OUT', 'OUTPUT']);

/** The statistical discrepancy column of the 2016 edition. */
export const ICIO_DISCREPANCY = 'DISC';

/** Primary-input rows without a country: TLS and VA (2021 and later), VALU (2018), VA+TAXSUB (2016). */
export const ICIO_PRIMARY_ROWS = new Set(['TLS', 'VA', 'VALU', 'VA+TAXSUB', 'TAXSUB']);

/** A country's primary-input row (2018: `AUS_TAXSUB`, taxes less subsidies paid in Australia). */
export const ICIO_COUNTRY_PRIMARY = /^(TAXSUB|TLS|VA|VALU)$/;

/** The sub-regions of China and Mexico (processing trade) that the importer merges into CHN and MEX. */
export function mergedRegion(region: string): string {
  if (/^CN\d+$/.test(region)) return 'CHN';
  if (/^MX\d+$/.test(region)) return 'MEX';
  return region;
}

/** A label split at its first `_`: `AUS_D01T02` → AUS, D01T02; `AUS_A01_02` → AUS, A01_02. */
export function splitLabel(label: string): { readonly region: string; readonly code: string } | undefined {
  const k = label.indexOf('_');
  return k <= 0 || k === label.length - 1 ? undefined : { region: label.slice(0, k), code: label.slice(k + 1) };
}

/** Classifies a column label (the 2016 edition writes final demand category first: `HFCE_AUS`). */
export function icioColumn(label: string): MatrixColumn {
  const t = label.trim();
  if (ICIO_TOTAL_COLUMNS.has(t)) return { kind: 'output' };
  if (t === ICIO_DISCREPANCY) return { kind: 'discrepancy' };
  const parts = splitLabel(t);
  if (parts === undefined) return { kind: 'unknown' };
  if (ICIO_FINAL_DEMAND.has(parts.region) && !ICIO_FINAL_DEMAND.has(parts.code)) return { kind: 'final', region: parts.code, code: parts.region, reversed: true };
  if (ICIO_FINAL_DEMAND.has(parts.code)) return { kind: 'final', region: parts.region, code: parts.code, reversed: false };
  return { kind: 'industry', region: parts.region, code: parts.code };
}

/** A row of an ICIO file that is no industry's: output, a primary input, or (no country) a primary input guessed from its place. */
export function icioRow(label: string): MatrixRow | undefined {
  if (ICIO_TOTAL_ROWS.has(label)) return { kind: 'output' };
  const parts = splitLabel(label);
  if (ICIO_PRIMARY_ROWS.has(label) || (parts !== undefined && ICIO_COUNTRY_PRIMARY.test(parts.code))) return { kind: 'primary', id: label };
  if (parts === undefined && label !== '') return { kind: 'primary', id: label, guessed: true };
  return undefined;
}

/** The labels of every ICIO edition. */
export const ICIO_LAYOUT: MatrixLayout = {
  column: icioColumn,
  columnsAre: 'COUNTRY_INDUSTRY, final demand (HFCE, NPISH, GGFC, GFCF, INVNT, DPABR …), a total (OUT, TOTAL) or DISC',
  row: icioRow,
  split: splitLabel,
};
