export type { CompiledEconomy, IdIndex, LeontiefSystem } from './types.js';
export { compileEconomy } from './compile-economy.js';
