export { aggregateEconomy, type AggregateOptions } from './aggregate-economy.js';
export { aggregateGrid, type AggregateGrid, type AggregateMaps, type Shares } from './aggregate-grid.js';
export { ioModelOf, type IoModel } from './io-model.js';
export { parseConcordance, readConcordance, concordanceOf, concordanceCoverage, WEIGHT_SUM_TOLERANCE, type Concordance, type ConcordanceRow } from './concordance.js';
export { aggregatedModelBytes, aggregatedModelText } from './aggregated-model-text.js';
