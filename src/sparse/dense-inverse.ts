import { luFactor, type LuSingular } from './lu-factor.js';
import { luSolve } from './lu-solve.js';

/** The inverse of the n × n row-major matrix `a`, row-major, or the singular report. */
export function denseInverse(n: number, a: ArrayLike<number>): Float64Array | LuSingular {
  const f = luFactor(n, a);
  if (f.status === 'singular') return f;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = luSolve(f, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  return inv;
}
