export { economyToParquet, modelToParquet, type CoefficientColumns } from './economy-to-parquet.js';
export { parquetToEconomy } from './parquet-to-economy.js';
export { loadParquetEconomy, isParquetPath } from './load-parquet-economy.js';
