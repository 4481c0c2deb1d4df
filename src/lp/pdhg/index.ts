export { createPdhgSolver, pdhgSolver } from './create-pdhg-solver.js';
export { solvePdhg } from './solve-pdhg.js';
export type { PdhgOptions } from './pdhg-options.js';
