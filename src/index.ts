/**
 * Plenty's public library API. Data flows one way:
 * model (parse, validate, import) → compile (indices, sparse matrices)
 *   → leontief | balance (analysis, pure functions) → report (tables).
 * The `plenty` command is a thin surface over exactly these exports.
 */
export * from './model/index.js';
export * from './compile/index.js';
export * from './sparse/index.js';
export * from './lp/index.js';
export * from './leontief/index.js';
export * from './balance/index.js';
export * from './report/index.js';
export * from './plan/index.js';
export * from './execution/index.js';
export { balanceHeadline, balanceTables, type BalanceTablesOptions } from './report/balance-tables.js';
