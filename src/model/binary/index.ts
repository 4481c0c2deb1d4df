export { economyToParquet, modelToParquet, writeModelFolder, type CoefficientColumns, type ModelFolder, type ProductColumns, type TechniqueColumns } from './economy-to-parquet.js';
export { economyToFolder, economyFolderParts } from './economy-to-folder.js';
export { parquetToEconomy, parquetBytesToColumnar, tablesFromBytes } from './parquet-to-economy.js';
export { parquetToColumnar, targetColumns, type ModelTables } from './parquet-to-columnar.js';
export { columnarToEconomy } from './columnar-to-economy.js';
export { loadParquetEconomy, loadColumnarEconomy, isParquetPath } from './load-parquet-economy.js';
