export type { Cell, Column, Table } from './table.js';
export { formatNumber } from './format-number.js';
export { renderText } from './render-text.js';
export { renderCsv } from './render-csv.js';
export { planJson } from './plan-json.js';
export { balanceJson, type BalanceJsonOptions } from './balance-json.js';
