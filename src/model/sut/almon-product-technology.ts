/**
 * Product technology without negative flows, after Almon (2000), "Product-to-product tables via
 * product-technology with no negative flows", Economic Systems Research 12(1).
 *
 * Product technology says that industry j's inputs are what its products need: b_ij = Σ_s a_is s_sj
 * (A S = B, B the inputs by industry, value added rows included). Almon reads it as flows: from
 * industry j's column the inputs of its secondary products s ≠ j (a_is s_sj) are moved to the
 * columns of those products, and what stays is the input of its primary product j (products and
 * industries matched by position, s_jj > 0). Where the secondary products need more of an input
 * than the industry used (need_ij = Σ_{s≠j} a_is s_sj > b_ij ≥ 0) every one of those moves is
 * scaled by b_ij / need_ij (the "squeeze"), so no flow turns negative. The coefficients are then
 * re-estimated from the flows (a_is = z_is / q_s) and the moves repeated to a fixed point.
 *
 * What it keeps: every row total (each move takes from one cell and adds to another of the same
 * row); no negative entry in a row that had none (rows with negatives, such as taxes less
 * subsidies, are moved unsqueezed). Without a squeeze the fixed point is the product technology
 * table itself, whose column totals are the outputs q; a squeezed column's total differs from its
 * output, and the difference is reported.
 */
export interface AlmonInput {
  /** p = m products = industries. */
  readonly n: number;
  /** Supply, n × n: s_ij, product i by industry j; s_jj > 0. */
  readonly supply: Float64Array;
  /** Inputs by industry, r × n: intermediate use, value added and extensions stacked. */
  readonly inputs: Float64Array;
  readonly r: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export interface AlmonResult {
  readonly converged: boolean;
  readonly iterations: number;
  /** Flows by product, r × n. */
  readonly flows: Float64Array;
  /** (row, industry) cells squeezed in the last iteration. */
  readonly squeezed: number;
}

export function almonProductTechnology(input: AlmonInput): AlmonResult {
  const { n, supply: S, inputs: B, r } = input;
  const q = new Float64Array(n);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      q[i] += S[i * n + j];
      g[j] += S[i * n + j];
    }
  }
  // Secondary products of each industry: (product, amount).
  const secondary: { s: number; v: number }[][] = [];
  for (let j = 0; j < n; j++) {
    const list: { s: number; v: number }[] = [];
    for (let s = 0; s < n; s++) if (s !== j && S[s * n + j] !== 0) list.push({ s, v: S[s * n + j] });
    secondary.push(list);
  }
  const squeezable = new Uint8Array(r);
  for (let i = 0; i < r; i++) {
    let ok = 1;
    for (let j = 0; j < n; j++) if (B[i * n + j] < 0) ok = 0;
    squeezable[i] = ok;
  }
  // Start from industry technology's coefficients of the primary industry.
  let a = new Float64Array(r * n);
  for (let i = 0; i < r; i++) for (let j = 0; j < n; j++) a[i * n + j] = g[j] === 0 ? 0 : B[i * n + j] / g[j];
  let flows = new Float64Array(r * n);
  let squeezed = 0;
  for (let it = 1; it <= input.maxIterations; it++) {
    flows = new Float64Array(r * n);
    squeezed = 0;
    for (let j = 0; j < n; j++) {
      const sec = secondary[j];
      for (let i = 0; i < r; i++) {
        const row = i * n;
        const b = B[row + j];
        let need = 0;
        for (const { s, v } of sec) need += a[row + s] * v;
        let f = 1;
        if (squeezable[i] === 1 && need > b) {
          f = need > 0 ? b / need : 1;
          squeezed++;
        }
        let moved = 0;
        for (const { s, v } of sec) {
          const m = f * a[row + s] * v;
          flows[row + s] += m;
          moved += m;
        }
        flows[row + j] += b - moved;
      }
    }
    const next = new Float64Array(r * n);
    let change = 0;
    let size = 0;
    for (let i = 0; i < r; i++) {
      for (let s = 0; s < n; s++) {
        const v = q[s] === 0 ? 0 : flows[i * n + s] / q[s];
        next[i * n + s] = v;
        change = Math.max(change, Math.abs(v - a[i * n + s]));
        size = Math.max(size, Math.abs(v));
      }
    }
    a = next;
    if (change <= input.tolerance * Math.max(size, Number.MIN_VALUE)) return { converged: true, iterations: it, flows, squeezed };
  }
  return { converged: false, iterations: input.maxIterations, flows, squeezed };
}
