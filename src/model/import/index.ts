export type { IoTable, IoExtension } from './types.js';
export { parseDelimited, readDelimited, readTextFile } from './read-delimited.js';
export type { Delimiter, DelimitedOptions, DelimitedRow, DelimitedTable } from './read-delimited.js';
export { parseCellNumber, isNumberText } from './parse-cell-number.js';
export type { CellPlace, CellNumberOptions } from './parse-cell-number.js';
export { parseLabelledMatrix, dataColumnNumber } from './labelled-matrix.js';
export type { LabelledMatrix, LabelledMatrixLayout } from './labelled-matrix.js';
export { readPymrioFolder } from './import-pymrio.js';
