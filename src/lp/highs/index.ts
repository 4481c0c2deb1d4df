export { createHighsSolver, highsSolver, type HighsSolveOptions, type HighsSolverOptions } from './highs-solver.js';
export type { HighsMethod } from './protocol.js';
export { statusFromHighs } from './status-from-highs.js';
