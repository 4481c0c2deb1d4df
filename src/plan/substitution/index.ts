export type { SubstitutionResult, SubstitutionStatus, SubstitutionSystem } from './substitution-system.js';
export { solveSubstitution, type SubstitutionOptions } from './solve-substitution.js';
export { isSubstitutionSystem, substitutionObstacle } from './is-substitution-system.js';
export { economySubstitutionSystem, solveEconomySubstitution } from './economy-substitution.js';
