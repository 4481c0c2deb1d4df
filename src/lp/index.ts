export type { LinearProgram, LpSolution, LpSolveOptions, LpSolver, LpStatus, MipReport } from './lp-types.js';
export { hasIntegers } from './lp-types.js';
export { chooseSolver } from './choose-solver.js';
export { checkSolution, type SolutionCheck } from './check-solution.js';
export { scaleLp, type LpPoint, type ScaledLp, type ScaleLpOptions } from './scale-lp.js';
export * from './highs/index.js';
export * from './lp-format/index.js';
export * from './pdhg/index.js';
export { relaxRedundantBounds, LARGE_BOUND } from './relax-redundant-bounds.js';
