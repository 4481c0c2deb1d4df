import { isColumnar } from '../model/is-columnar.js';
import type { AnyEconomy } from '../model/types.js';
import { compileColumnar } from './compile-columnar.js';
import { compileRecords } from './compile-records.js';
import type { CompiledEconomy } from './types.js';

/**
 * Replaces ids by indices and builds the sparse output, input and resource-use matrices (see
 * CompiledEconomy), from a model in either representation: records (compileRecords) or columns
 * (compileColumnar: the typed arrays used as they are, no object per coefficient).
 */
export function compileEconomy(e: AnyEconomy): CompiledEconomy {
  return isColumnar(e) ? compileColumnar(e) : compileRecords(e);
}
