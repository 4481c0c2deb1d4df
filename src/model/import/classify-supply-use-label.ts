/**
 * Single-label classification of the rows and columns of a supply or use table outside its block,
 * as the supply–use reader (sut/parse-supply-use.ts) uses it. The symmetric-table importer
 * classifies by every label of a line instead (classify-table-label.ts).
 */
/** The part a row plays when no mapping says otherwise. */
export type RowRole = 'output' | 'total' | 'value-added-total' | 'primary';

/** The part a column plays after the intermediate block. */
export type ColumnRole = 'total' | 'final-demand';

function norm(label: string): string {
  return label.trim().toLowerCase().replace(/[\s_\-.]+/g, ' ');
}

const OUTPUT = new Set(['output', 'p1', 'x', 'total output', 'gross output', 'output at basic prices', 'total output at basic prices', 'industry output', 'indout']);
const TOTAL_ROW = /^(total|tot|sum)\b|\btotal$|\btotal\b.*\b(use|input|inputs|consumption|employment)\b|^p2$|^intermediate (consumption|inputs?)$|\bdomestic total\b/;
const VALUE_ADDED_TOTAL = /^(gva|b1g|b1g gva|gross value added|value added,? gross|value added gross)$/;
const PRIMARY = /compensation|wage|salar|employ|labou?r|person|hours|value added|\bva\b|gva|tax|subsid|import|surplus|mixed income|fixed capital|depreciation|profit|^d1$|^d2|^d3|^k1$|^b2|^p7$/;
const TOTAL_COLUMN = /^(total|tot|sum)\b|\btotal$|\btotal (use|output|demand|final use|final demand)\b/;
const FINAL_DEMAND = /final|consum|household|government|npish|capital formation|gfcf|\bgcf\b|invest|inventor|stock|valuables|export|^p3|^p5|^p6|demand|net output|^y$/;

/** True when a row label names gross output (output, P1, x, total output …). */
export function isOutputLabel(label: string): boolean {
  return OUTPUT.has(norm(label));
}

/** Classifies a row below the intermediate block by its label. */
export function classifyRow(label: string): RowRole | undefined {
  const t = norm(label);
  if (OUTPUT.has(t)) return 'output';
  if (VALUE_ADDED_TOTAL.test(t)) return 'value-added-total';
  if (TOTAL_ROW.test(t)) return 'total';
  if (PRIMARY.test(t)) return 'primary';
  return undefined;
}

/** Classifies a column right of the intermediate block by its label. */
export function classifyColumn(label: string): ColumnRole | undefined {
  const t = norm(label);
  if (TOTAL_COLUMN.test(t) || OUTPUT.has(t)) return 'total';
  if (FINAL_DEMAND.test(t)) return 'final-demand';
  return undefined;
}

/** True for rows that are components of value added (so that a gross value added row is their total). */
export function isValueAddedComponent(label: string): boolean {
  return /compensation|wage|salar|surplus|mixed income|fixed capital|depreciation|^d1$|^b2|^k1$/.test(norm(label));
}
