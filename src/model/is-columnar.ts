import type { AnyEconomy, ColumnarEconomy } from './types.js';

/** Whether a model holds its techniques' coefficients as sparse arrays (a ColumnarEconomy). */
export function isColumnar(e: AnyEconomy): e is ColumnarEconomy {
  return 'coefficients' in e;
}
