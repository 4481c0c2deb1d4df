import type { LinearProgram } from '../lp-types.js';

/** A name usable in free MPS: no spaces, not empty, not starting with a section-like character. */
function mpsName(name: string | undefined, fallback: string): string {
  if (name === undefined || name === '') return fallback;
  return name.replace(/\s+/g, '_');
}

/** Shortest text that reads back as the same double. */
function num(v: number): string {
  return String(v);
}

/**
 * Writes `lp` as free-format MPS (names without spaces; spaces in names become "_"; missing names
 * become C1…, R1…). The objective row is "obj"; a maximisation gets an OBJSENSE MAX section; the
 * objective's constant is written as minus the RHS of the objective row. Row bounds become E/L/G
 * rows with RANGES for ranged rows; free rows become N rows. Numbers are written with full
 * precision, so readMps(writeMps(lp)) reproduces lp exactly, except that a ranged row's upper
 * bound comes back as lower + width (equal up to rounding).
 */
export function writeMps(lp: LinearProgram): string {
  const { A, c, rowLower, rowUpper, colLower, colUpper } = lp;
  const m = A.rows;
  const n = A.cols;
  const rowName: string[] = new Array<string>(m);
  const colName: string[] = new Array<string>(n);
  const used = new Set<string>(['obj']);
  const unique = (base: string): string => {
    let s = base;
    for (let k = 2; used.has(s); k++) s = `${base}_${k}`;
    used.add(s);
    return s;
  };
  for (let i = 0; i < m; i++) rowName[i] = unique(mpsName(lp.rowNames?.[i], `R${i + 1}`));
  used.clear();
  for (let j = 0; j < n; j++) colName[j] = unique(mpsName(lp.colNames?.[j], `C${j + 1}`));

  const out: string[] = [];
  out.push(`NAME ${mpsName(lp.name, 'plenty')}`);
  if (lp.sense === 'max') out.push('OBJSENSE', '    MAX');
  out.push('ROWS', ' N  obj');
  const kind = new Array<string>(m);
  for (let i = 0; i < m; i++) {
    const lo = rowLower[i];
    const up = rowUpper[i];
    kind[i] = lo === up ? 'E' : lo === -Infinity ? (up === Infinity ? 'N' : 'L') : 'G';
    out.push(` ${kind[i]}  ${rowName[i]}`);
  }

  // Columns: a transpose of the row-wise matrix, column by column.
  const colCount = new Int32Array(n + 1);
  for (let k = 0; k < A.rowPtr[m]; k++) colCount[A.colIdx[k] + 1]++;
  for (let j = 0; j < n; j++) colCount[j + 1] += colCount[j];
  const fill = colCount.slice(0, n);
  const rowOf = new Int32Array(A.rowPtr[m]);
  const valOf = new Float64Array(A.rowPtr[m]);
  for (let i = 0; i < m; i++) {
    for (let k = A.rowPtr[i]; k < A.rowPtr[i + 1]; k++) {
      const p = fill[A.colIdx[k]]++;
      rowOf[p] = i;
      valOf[p] = A.values[k];
    }
  }
  out.push('COLUMNS');
  for (let j = 0; j < n; j++) {
    const name = colName[j];
    let wrote = false;
    if (c[j] !== 0) {
      out.push(`    ${name}  obj  ${num(c[j])}`);
      wrote = true;
    }
    for (let p = colCount[j]; p < colCount[j + 1]; p++) {
      out.push(`    ${name}  ${rowName[rowOf[p]]}  ${num(valOf[p])}`);
      wrote = true;
    }
    // A column in no row and not in the objective still needs a line to exist.
    if (!wrote) out.push(`    ${name}  obj  0`);
  }

  out.push('RHS');
  const offset = lp.offset ?? 0;
  if (offset !== 0) out.push(`    RHS  obj  ${num(-offset)}`);
  for (let i = 0; i < m; i++) {
    const v = kind[i] === 'L' ? rowUpper[i] : kind[i] === 'N' ? 0 : rowLower[i];
    if (v !== 0) out.push(`    RHS  ${rowName[i]}  ${num(v)}`);
  }
  const ranges: string[] = [];
  for (let i = 0; i < m; i++) {
    if (kind[i] === 'G' && rowUpper[i] !== Infinity) ranges.push(`    RNG  ${rowName[i]}  ${num(rowUpper[i] - rowLower[i])}`);
  }
  if (ranges.length > 0) out.push('RANGES', ...ranges);

  const bounds: string[] = [];
  for (let j = 0; j < n; j++) {
    const lo = colLower[j];
    const up = colUpper[j];
    const name = colName[j];
    if (lo === up) bounds.push(` FX BND  ${name}  ${num(lo)}`);
    else if (lo === -Infinity && up === Infinity) bounds.push(` FR BND  ${name}`);
    else {
      if (lo === -Infinity) bounds.push(` MI BND  ${name}`);
      else if (lo !== 0 || up < 0) bounds.push(` LO BND  ${name}  ${num(lo)}`);
      if (up !== Infinity) bounds.push(` UP BND  ${name}  ${num(up)}`);
    }
  }
  if (bounds.length > 0) out.push('BOUNDS', ...bounds);
  out.push('ENDATA', '');
  return out.join('\n');
}
