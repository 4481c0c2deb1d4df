/** Unit of a table's flows when neither the table, its mapping nor `--unit` states one (docs/import.md). */
export const DEFAULT_FLOW_UNIT = 'money';

/** Unit of a satellite account (stressor) whose table states none (docs/import.md). */
export const DEFAULT_STRESSOR_UNIT = 'unspecified';
