/**
 * The random factors of the Monte Carlo, counter-based: the normal number of entry p of part
 * `part` (0: A, 1: y, 2 + q: coefficient row q) in draw t is a function of (seed, t, part, p) alone,
 * not of a generator's state. So any draw, or any part of one, can be drawn in any order, by any
 * thread, and another implementation can draw the same numbers (bench/uncertainty's numpy reference
 * does): a uniform u = (h + ½) / 2³² from a keyed 32-bit hash h of p (Wellons's lowbias32 mixer,
 * twice, with two keys from the seed, draw and part), and z = Φ⁻¹(u) by Wichura's algorithm AS 241
 * (PPND16, accurate to about 10⁻¹⁶). The hash is a bijection of p for each key, so within a part of
 * up to 2³² entries no two entries share a number, and nothing repeats from draw to draw.
 */

/** lowbias32 (C. Wellons, hash-prospector): a bijective 32-bit mixer. */
export function mix32(v: number): number {
  let x = v >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The two keys of one part of one draw. */
export interface StreamKey {
  readonly k1: number;
  readonly k2: number;
}

export function streamKey(seed: number, draw: number, part: number): StreamKey {
  const k1 = mix32((seed >>> 0) ^ mix32((part >>> 0) ^ mix32(draw >>> 0)));
  return { k1, k2: mix32(k1 ^ 0x9e3779b9) };
}

/** The uniform in (0, 1) of entry p (0 ≤ p < 2³²) of a stream. */
export function uniformAt(key: StreamKey, p: number): number {
  return (mix32(mix32(p + key.k1) ^ key.k2) + 0.5) / 4294967296;
}

/** Φ⁻¹(u) for 0 < u < 1: Wichura (1988), Algorithm AS 241, PPND16. */
export function normalQuantile(u: number): number {
  const q = u - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852546 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? u : 1 - u));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v =
      (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-09 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    v =
      (((((((2.0103343992922881e-07 * r + 2.7115555687434876e-05) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-07) * r + 1.8463183175100548e-05) * r + 0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -v : v;
}

/** The factor of a normal number z: lognormal exp(σ z − σ²/2), σ² = ln(1 + rsd²), or normal 1 + rsd z cut at 0. */
function factorOf(z: number, rsd: number, lognormal: boolean): number {
  if (!lognormal) return Math.max(0, 1 + rsd * z);
  const s2 = Math.log(1 + rsd * rsd);
  return Math.exp(Math.sqrt(s2) * z - s2 / 2);
}

/** Bins of the factor table: the top 16 bits of the hash choose the bin, the low 16 the place in it. */
const BINS = 65536;
/** Largest relative error of an interpolated factor allowed (measured at each bin's middle). */
const TABLE_ERROR = 1e-10;

/**
 * F(u) = factor(Φ⁻¹(u)) for one spread, and its slope times the bin's width, at u = i / 2¹⁶, for
 * cubic Hermite interpolation within a bin; and the bins [lo, hi) where that interpolation is within
 * TABLE_ERROR of F (at rsd 0.1 all but the outermost 0.1% of the bins, where the factor is
 * computed exactly instead).
 */
export interface FactorTable {
  readonly values: Float64Array;
  readonly slopes: Float64Array;
  readonly lo: number;
  readonly hi: number;
}

export function factorTable(rsd: number, lognormal: boolean): FactorTable {
  const values = new Float64Array(BINS + 1);
  const slopes = new Float64Array(BINS + 1);
  const s2 = Math.log(1 + rsd * rsd);
  for (let i = 1; i < BINS; i++) {
    const z = normalQuantile(i / BINS);
    const f = factorOf(z, rsd, lognormal);
    // dF/du = dF/dz / φ(z), with dF/dz = σ F (lognormal) or rsd (normal, above the cut).
    const dz = Math.sqrt(2 * Math.PI) * Math.exp((z * z) / 2);
    values[i] = f;
    slopes[i] = (lognormal ? Math.sqrt(s2) * f : f > 0 ? rsd : 0) * dz / BINS;
  }
  const good = (i: number): boolean => {
    if (i === 0 || i === BINS - 1) return false;
    const exact = factorOf(normalQuantile((i + 0.5) / BINS), rsd, lognormal);
    return Math.abs(hermite(values, slopes, i, 0.5) - exact) <= TABLE_ERROR * Math.abs(exact);
  };
  let lo = BINS / 2;
  while (lo > 0 && good(lo - 1)) lo--;
  let hi = BINS / 2;
  while (hi < BINS && good(hi)) hi++;
  return { values, slopes, lo, hi };
}

/** The cubic Hermite interpolant of bin i at t in [0, 1]. */
function hermite(T: Float64Array, D: Float64Array, i: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * T[i] + (t3 - 2 * t2 + t) * D[i] + (3 * t2 - 2 * t3) * T[i + 1] + (t3 - t2) * D[i + 1];
}

/** One part of one draw: which stream, which entries, how they are spread. */
export interface DrawPart {
  readonly key: StreamKey;
  /** The unperturbed values, in `out`'s order. */
  readonly base: Float64Array;
  /** Relative standard deviation: one for all, or one per entry in `out`'s order. */
  readonly rsd: number | Float64Array;
  readonly lognormal: boolean;
  /** The stream position (counter) of out's entry q: order[q], or q itself when absent. */
  readonly order?: Int32Array;
  /** factorTable(rsd, lognormal) for a single rsd, made once for all draws (else each factor by its formula). */
  readonly table?: FactorTable;
}

/**
 * out[q] = base[q] × the factor of entry order[q] of the stream, for q in [from, to): lognormal
 * exp(σ z − σ²/2) with σ² = ln(1 + rsd²) (mean 1, relative standard deviation rsd), or normal
 * 1 + rsd z cut at 0, with z = Φ⁻¹(u) as above. Given a `factorTable`, the factor is interpolated in
 * it (within 10⁻¹⁰ of the formula, relative; exactly where it is not). Entries with base 0 or
 * rsd 0 are copied unchanged.
 */
export function drawPart(out: Float64Array, part: DrawPart, from = 0, to = out.length): void {
  const { key, base, rsd, lognormal, order } = part;
  const k1 = key.k1;
  const k2 = key.k2;
  if (typeof rsd === 'number') {
    if (rsd === 0) {
      out.set(base.subarray(from, to), from);
      return;
    }
    const table = part.table;
    if (table === undefined) {
      for (let q = from; q < to; q++) {
        const b = base[q];
        out[q] = b === 0 ? b : b * factorOf(normalQuantile((mix32(mix32((order === undefined ? q : order[q]) + k1) ^ k2) + 0.5) / 4294967296), rsd, lognormal);
      }
      return;
    }
    const { values: T, slopes: D, lo, hi } = table;
    for (let q = from; q < to; q++) {
      const b = base[q];
      if (b === 0) {
        out[q] = b;
        continue;
      }
      const h = mix32(mix32((order === undefined ? q : order[q]) + k1) ^ k2);
      const i = h >>> 16;
      if (i >= lo && i < hi) {
        out[q] = b * hermite(T, D, i, ((h & 0xffff) + 0.5) / 65536);
      } else out[q] = b * factorOf(normalQuantile((h + 0.5) / 4294967296), rsd, lognormal);
    }
    return;
  }
  for (let q = from; q < to; q++) {
    const b = base[q];
    const r = rsd[q];
    if (r === 0 || b === 0) {
      out[q] = b;
      continue;
    }
    const z = normalQuantile((mix32(mix32((order === undefined ? q : order[q]) + k1) ^ k2) + 0.5) / 4294967296);
    out[q] = b * factorOf(z, r, lognormal);
  }
}
