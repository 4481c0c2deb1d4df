export type {
  AlmonReport,
  NegativeEntry,
  NegativesResolution,
  SupplyUseTables,
  SutModel,
  SutRefusal,
  SutRowBlock,
  SymmetricFromSutOptions,
  SymmetricFromSutResult,
  SymmetricTable,
} from './types.js';
export { symmetricFromSut, outputs } from './symmetric-from-sut.js';
export { almonProductTechnology, type AlmonInput, type AlmonResult } from './almon-product-technology.js';
export { findNegatives } from './find-negatives.js';
export { supplyUseImbalances, type SupplyUseImbalance } from './supply-use-imbalances.js';
export { supplyBlocks, leftDivide, rightDivide, type SupplyBlocks, type SupplyBlock, type SupplyBlocksResult } from './supply-blocks.js';
export { sparseSymmetricFromSut, type SparseSupplyUse, type SparseSymmetricTable, type SparseSymmetricResult } from './sparse-symmetric-from-sut.js';
