export type * from './types.js';
export { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT, inMagnitude, magnitudeMessage } from './magnitude.js';
export { InputError, formatIssue, formatLocation, formatPath, formatValue, inputError } from './errors.js';
export type { Issue, Location } from './errors.js';
export { parseEconomy } from './parse-economy.js';
export type { ParseOptions } from './parse-economy.js';
export type { Format } from './parse-document.js';
export { loadEconomy } from './load-economy.js';
export { serializeEconomy, serializePlan } from './serialize-economy.js';
export { parsePlan } from './parse-plan.js';
export { loadPlan } from './load-plan.js';
export { locationOf } from './source-locations.js';
export { parseProductRef } from './product-ref.js';
export type { ProductRef } from './product-ref.js';
export { suggest } from './suggest.js';
// Importers of input–output tables:
export * from './import/index.js';
// Aggregation over region and sector maps (concordances):
export * from './aggregate/index.js';
export { parseDemand, type Demand, type DemandParseOptions } from './parse-demand.js';
export { loadDemand } from './load-demand.js';
// Reading files: strict decoding, a named encoding, the nesting limit.
export { DEFAULT_ENCODING, decodeText, encodingName } from './decode-text.js';
export type { ReadInputOptions } from './read-input-file.js';
export { MAX_NESTING_DEPTH } from './nesting-depth.js';
