export { analyzeEconomy, labourRow, type AnalysisOptionNames, type AnalysisRequest, type AnalysisResult } from './analyze-economy.js';
