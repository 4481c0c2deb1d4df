import { closeSync, openSync, writeSync } from 'node:fs';
import type { LinearProgram } from '../../src/lp/lp-types.js';
import { transpose } from '../../src/sparse/transpose.js';

/**
 * Writes the LP as free-format MPS (rows R0…, columns C0…, objective row OBJ, OBJSENSE MAX for a
 * maximisation), streaming in chunks so that plans with tens of millions of non-zeros fit.
 */
export function writeMps(lp: LinearProgram, path: string): void {
  const fd = openSync(path, 'w');
  let buf = '';
  const put = (line: string): void => {
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  const m = lp.A.rows;
  const n = lp.A.cols;
  put(`NAME ${lp.name ?? 'LP'}`);
  if (lp.sense === 'max') put('OBJSENSE\n    MAX');
  put('ROWS');
  put(' N OBJ');
  for (let i = 0; i < m; i++) {
    const lo = lp.rowLower[i];
    const up = lp.rowUpper[i];
    const kind = lo === up ? 'E' : lo > -Infinity ? 'G' : up < Infinity ? 'L' : 'N';
    put(` ${kind} R${i}`);
  }
  put('COLUMNS');
  const AT = transpose(lp.A);
  for (let j = 0; j < n; j++) {
    // A column with no entry and no cost is still named (else a reader would not know it).
    if (lp.c[j] !== 0 || AT.rowPtr[j] === AT.rowPtr[j + 1]) put(` C${j} OBJ ${lp.c[j]}`);
    for (let p = AT.rowPtr[j]; p < AT.rowPtr[j + 1]; p++) put(` C${j} R${AT.colIdx[p]} ${AT.values[p]}`);
  }
  put('RHS');
  if (lp.offset !== undefined && lp.offset !== 0) put(` RHS OBJ ${-lp.offset}`);
  const ranges: string[] = [];
  for (let i = 0; i < m; i++) {
    const lo = lp.rowLower[i];
    const up = lp.rowUpper[i];
    if (lo > -Infinity) {
      if (lo !== 0) put(` RHS R${i} ${lo}`);
      if (up < Infinity && up !== lo) ranges.push(` RNG R${i} ${up - lo}`);
    } else if (up < Infinity && up !== 0) put(` RHS R${i} ${up}`);
  }
  if (ranges.length > 0) {
    put('RANGES');
    for (const r of ranges) put(r);
  }
  put('BOUNDS');
  for (let j = 0; j < n; j++) {
    const lo = lp.colLower[j];
    const up = lp.colUpper[j];
    if (lo === up) put(` FX BND C${j} ${lo}`);
    else {
      if (lo === -Infinity && up === Infinity) put(` FR BND C${j}`);
      else if (lo === -Infinity) put(` MI BND C${j}`);
      else if (lo !== 0) put(` LO BND C${j} ${lo}`);
      if (up < Infinity) put(` UP BND C${j} ${up}`);
    }
  }
  put('ENDATA');
  writeSync(fd, buf);
  closeSync(fd);
}
