export { analyzeEconomy, labourRow, type AnalysisOptionNames, type AnalysisRequest, type AnalysisResult } from './analyze-economy.js';
export { finalDemandOf, regionalFinalDemand, type FinalDemandChoice, type FinalDemandNames } from './final-demand-of.js';
export { structuralPathsOf, type StructuralPathsNames, type StructuralPathsOutcome, type StructuralPathsRequest } from './structural-paths-of.js';
export { parseDrawsTable, type DrawEntry } from './draws-table.js';
export { uncertaintyOf, type UncertaintyNames, type UncertaintyOutcome, type UncertaintyRequest } from './uncertainty-of.js';
