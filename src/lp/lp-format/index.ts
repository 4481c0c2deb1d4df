export { readMps, type ReadMpsOptions } from './read-mps.js';
export { readLp, type ReadLpOptions } from './read-lp.js';
export { readLpFile } from './read-lp-file.js';
export { writeMps } from './write-mps.js';
