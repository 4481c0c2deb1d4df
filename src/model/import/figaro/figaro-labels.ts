import type { MatrixColumn, MatrixLayout, MatrixRow } from '../mrio/parse-matrix-csv.js';

/** Final uses of FIGARO (ESA 2010): government, households, NPISH consumption; GFCF; inventories and valuables. */
export const FIGARO_FINAL = /^(P3_S13|P3_S14|P3_S15|P3|P5|P51G|P52|P53|P5M|P6)$/;

/** The area of FIGARO's primary inputs ("domestic": paid in the using industry's country). */
export const FIGARO_PRIMARY_AREA = 'W2';

/** FIGARO's primary inputs: taxes less subsidies on products, purchases abroad by residents and here by non-residents, compensation of employees, other net taxes on production, gross operating surplus and mixed income. */
export const FIGARO_PRIMARY = /^(D21X31|OP_RES|OP_NRES|D1|D29X39|B2A3G|B1G|D21|D31|D29|D39|B2A3N|P51C)$/;

/** A label `{geo}_{code}` split at the first `_` (`AT_C31_32`, `DE_CPA_A01`, `FIGW1_A01`). */
export function splitFigaro(label: string): { readonly region: string; readonly code: string } | undefined {
  const k = label.indexOf('_');
  return k <= 0 || k === label.length - 1 ? undefined : { region: label.slice(0, k), code: label.slice(k + 1) };
}

export function figaroColumn(label: string): MatrixColumn {
  const parts = splitFigaro(label.trim());
  if (parts === undefined) return { kind: 'unknown' };
  return FIGARO_FINAL.test(parts.code) ? { kind: 'final', region: parts.region, code: parts.code } : { kind: 'industry', region: parts.region, code: parts.code };
}

export function figaroRow(label: string): MatrixRow | undefined {
  const parts = splitFigaro(label.trim());
  if (parts === undefined || parts.region !== FIGARO_PRIMARY_AREA) return undefined;
  return FIGARO_PRIMARY.test(parts.code) ? { kind: 'primary', id: parts.code } : { kind: 'primary', id: parts.code, guessed: true };
}

/** The labels of FIGARO's matrix format (and of its flat format, joined as `{area}_{code}`). */
export const FIGARO_LAYOUT: MatrixLayout = {
  column: figaroColumn,
  columnsAre: 'GEO_INDUSTRY (or GEO_CPA_PRODUCT) or GEO_FINALUSE (P3_S13, P3_S14, P3_S15, P51G, P5M)',
  row: figaroRow,
  split: splitFigaro,
};
