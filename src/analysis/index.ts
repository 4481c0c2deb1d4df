export { analyzeEconomy, labourRow, type AnalysisOptionNames, type AnalysisRequest, type AnalysisResult } from './analyze-economy.js';
export { decomposeModels, type DecompositionRequest, type DecompositionResult } from './decompose-models.js';
export { regionaliseModel, type RegionaliseRequest, type RegionaliseResult } from './regionalise-model.js';
export { modelSeries, type SeriesModel, type SeriesRequest, type SeriesResult } from './model-series.js';
export { seriesYears, type SeriesYear } from './series-years.js';
export type { ModelSide } from './model-side.js';
