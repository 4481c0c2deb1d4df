export { analyzeEconomy, labourRow, type AnalysisOptionNames, type AnalysisRequest, type AnalysisResult } from './analyze-economy.js';
export { extractEconomy, EXTRACTION_KINDS, type ExtractionOptionNames, type ExtractionRequest } from './extract-economy.js';
export { typeIIEffects, checkTypeIIRequest, type TypeIIOptionNames, type TypeIIRequest } from './type-ii-effects.js';
export { characterisedImpacts, type CharacterisedImpacts } from './characterised-impacts.js';
export { parseCharacterisationFactors } from './parse-characterisation-factors.js';
export { householdCategory, householdIncomeRow, householdsOfModel, type HouseholdsOfModel } from './household-closure.js';
