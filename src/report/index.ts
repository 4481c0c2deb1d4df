export type { Cell, Column, Table } from './table.js';
export { formatNumber } from './format-number.js';
export { renderText } from './render-text.js';
export { renderCsv } from './render-csv.js';
export { failedPlanJson, planJson } from './plan-json.js';
export { levelsByTier, levelsTable } from './plan-levels.js';
export { balanceJson, type BalanceJsonOptions } from './balance-json.js';
export { failureJson, failureSentence, type FailureContext, type SolveOutcome } from './solve-failure.js';
export { footprintsPart, grossOutputPart, inversePart, labourValuesPart, multipliersPart, solveNote, type AnalysisItems, type AnalysisPart } from './analysis-tables.js';
