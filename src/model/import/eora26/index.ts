export { readEora26, eora26PymrioLabels, EORA26_DEFAULT_UNIT, type Eora26Options, type Eora26PymrioLabels } from './read-eora26.js';
export { findEora26Files, EORA26_TABLES, EORA26_LABELS, type Eora26Files, type Eora26Prices, type Eora26Selection } from './eora26-files.js';

