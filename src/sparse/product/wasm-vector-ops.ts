import type { VectorOps } from '../vector-ops.js';
import type { Kernels } from './wasm-kernels.js';

/**
 * The solver's fused vector steps for k = 1 over n-vectors in the kernels' memory (views made by
 * the product), bit-identical to block-ops.ts. `scratch` is 16 bytes of the memory that no array
 * uses (for the pairs of results of oneMinusDot2 and range).
 */
export function wasmVectorOps(kernels: Kernels, buffer: SharedArrayBuffer, scratch: number): VectorOps {
  const pair = new Float64Array(buffer, scratch, 2);
  return {
    dots: (a, b, out) => void (out[0] = kernels.vdot(a.byteOffset, b.byteOffset, a.length) as number),
    direction: (p, ph, r, v, dinv, beta, omega) =>
      void kernels.vdirection(p.byteOffset, ph.byteOffset, r.byteOffset, v.byteOffset, dinv.byteOffset, beta[0], beta[0] * omega[0], p.length),
    oneMinusDot: (ph, v, rh, out) => void (out[0] = kernels.vOneMinusDot(ph.byteOffset, v.byteOffset, rh.byteOffset, v.length) as number),
    half: (s, sh, r, v, dinv, alpha, out) =>
      void (out[0] = kernels.vhalf(s.byteOffset, sh.byteOffset, r.byteOffset, v.byteOffset, dinv.byteOffset, alpha[0], s.length) as number),
    oneMinusDot2: (sh, t, s, ts, tt) => {
      kernels.vOneMinusDot2(sh.byteOffset, t.byteOffset, s.byteOffset, scratch, t.length);
      ts[0] = pair[0];
      tt[0] = pair[1];
    },
    update: (x, r, ph, sh, s, t, alpha, omega, out) =>
      void (out[0] = kernels.vupdate(x.byteOffset, r.byteOffset, ph.byteOffset, sh.byteOffset, s.byteOffset, t.byteOffset, alpha[0], omega[0], x.length) as number),
    residual: (y, x, t, r, out) => void (out[0] = kernels.vresidual(y.byteOffset, x.byteOffset, t.byteOffset, r.byteOffset, r.length) as number),
    flags: (a, out) => void (out[0] = kernels.valueFlags(a.byteOffset, a.length) as number),
    jacobi: (d, dinv) => kernels.vjacobi(d.byteOffset, dinv.byteOffset, dinv.length) as number,
    range: (x, lo, hi) => {
      kernels.vrange(x.byteOffset, x.length, scratch);
      lo[0] = pair[0];
      hi[0] = pair[1];
    },
  };
}
