/**
 * Decimal numbers read straight from bytes, correctly rounded, without making a string.
 *
 * `scan(bytes, pos, end)` reads one number at `pos` (an optional sign, digits with an optional
 * decimal point, an optional exponent: `12`, `-0.5`, `.5`, `3.`, `1.2345678901234567e-05`) and
 * returns the position after it (or -1 when no number starts there); the number is in `value`.
 * The value is the double nearest to the decimal (ties to even), exactly as `Number(text)` gives
 * it:
 *
 * - up to 15 or 16 significant digits and a power of ten within ±22: one exact IEEE operation
 *   (Clinger's fast path);
 * - up to 19 significant digits: the digits as an exact double-double times 10^e as a double-double
 *   (from a table built exactly with BigInt), then rounded; when the result lies too near a
 *   rounding boundary for that precision to decide (about one number in 10^13) the text is read
 *   by `Number`;
 * - more than 19 significant digits, or magnitudes beyond the table (below 1e-240 or above 1e40):
 *   `Number` on the text.
 */
export class DecimalScanner {
  /** The number the last successful scan read. */
  value = 0;

  scan(b: Uint8Array, pos: number, end: number): number {
    let i = pos;
    let neg = false;
    if (i < end) {
      const c = b[i];
      if (c === 45) {
        neg = true;
        i++;
      } else if (c === 43) i++;
    }
    let hi = 0; // the first 15 significant digits
    let lo = 0; // the next up to 4
    let loDigits = 0;
    let sig = 0; // significant digits seen (counting those beyond 19)
    let scale = 0; // power of ten to apply to hi·10^loDigits + lo
    let digits = false;
    let dropped = false; // a non-zero digit beyond the 19th
    while (i < end) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      digits = true;
      i++;
      if (sig === 0 && d === 0) continue;
      if (sig < 15) hi = hi * 10 + d;
      else if (sig < 19) {
        lo = lo * 10 + d;
        loDigits++;
      } else {
        scale++;
        if (d !== 0) dropped = true;
      }
      sig++;
    }
    if (i < end && b[i] === 46) {
      i++;
      while (i < end) {
        const d = b[i] - 48;
        if (d < 0 || d > 9) break;
        digits = true;
        i++;
        if (sig === 0 && d === 0) {
          scale--;
          continue;
        }
        if (sig < 15) {
          hi = hi * 10 + d;
          scale--;
        } else if (sig < 19) {
          lo = lo * 10 + d;
          loDigits++;
          scale--;
        } else if (d !== 0) dropped = true;
        sig++;
      }
    }
    if (!digits) return -1;
    if (i < end && (b[i] === 101 || b[i] === 69)) {
      i++;
      let eneg = false;
      if (i < end && b[i] === 45) {
        eneg = true;
        i++;
      } else if (i < end && b[i] === 43) i++;
      let ex = 0;
      let exDigits = false;
      while (i < end) {
        const d = b[i] - 48;
        if (d < 0 || d > 9) break;
        if (ex < 100000) ex = ex * 10 + d;
        exDigits = true;
        i++;
      }
      if (!exDigits) return -1;
      scale += eneg ? -ex : ex;
    }
    if (sig === 0) {
      this.value = 0;
      return i;
    }
    let v = dropped ? Number.NaN : nearest(hi, lo, loDigits, scale);
    if (Number.isNaN(v)) v = Math.abs(Number(latin1(b, pos, i)));
    this.value = neg ? -v : v;
    return i;
  }
}

/** The text of bytes [start, end) (ASCII digits, signs, points). */
function latin1(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
}

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const TWO53 = 9007199254740992;

/** Powers of ten as double-doubles (hi + lo, relative error below 2⁻¹⁰⁵), for 10^MIN_E … 10^MAX_E. */
const MIN_E = -260;
const MAX_E = 40;
const TEN_HI = new Float64Array(MAX_E - MIN_E + 1);
const TEN_LO = new Float64Array(MAX_E - MIN_E + 1);
/** Half an ulp of a double by its biased exponent. */
const HALF_ULP = new Float64Array(2048);
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
/** Relative error the double-double product may have (a generous bound; the analysis gives 2⁻¹⁰²). */
const MARGIN = 2 ** -96;

function scaleByPowerOfTwo(x: number, k: number): number {
  let y = x;
  let rest = k;
  while (rest < -500) {
    y *= 2 ** -500;
    rest += 500;
  }
  while (rest > 500) {
    y *= 2 ** 500;
    rest -= 500;
  }
  return y * 2 ** rest;
}

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

{
  for (let e = MIN_E; e <= MAX_E; e++) {
    let hiPart: number;
    let loPart: number;
    if (e >= 0) {
      const N = 10n ** BigInt(e);
      hiPart = Number(N);
      loPart = Number(N - BigInt(hiPart));
    } else {
      const D = 10n ** BigInt(-e);
      const K = bitLength(D) + 116;
      const Q = (1n << BigInt(K)) / D; // 2^K / 10^-e, 116 bits or so; 10^e = Q · 2^-K within 2^-115
      const qh = Number(Q);
      hiPart = scaleByPowerOfTwo(qh, -K);
      loPart = scaleByPowerOfTwo(Number(Q - BigInt(qh)), -K);
    }
    TEN_HI[e - MIN_E] = hiPart;
    TEN_LO[e - MIN_E] = loPart;
  }
  for (let ex = 1; ex < 2047; ex++) HALF_ULP[ex] = scaleByPowerOfTwo(1, ex - 1023 - 53);
}

/** The rounding error of the product a·b = p (Dekker's two-product, exact). */
function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * The double nearest to (hi·10^loDigits + lo)·10^scale, for hi < 10^15, lo < 10^loDigits, or NaN
 * when this precision cannot decide it (the caller then reads the text).
 */
function nearest(hi: number, lo: number, loDigits: number, scale: number): number {
  const small = loDigits === 0 ? hi : hi * POW10[loDigits] + lo;
  if (small <= TWO53 && scale >= -22 && scale <= 22) return scale >= 0 ? small * POW10[scale] : small / POW10[-scale];
  if (scale < MIN_E || scale > MAX_E) return Number.NaN;
  // The digits as an exact double-double s + e.
  let s = hi;
  let e = 0;
  if (loDigits > 0) {
    const p = POW10[loDigits];
    const ph = hi * p;
    const pl = productError(hi, p, ph);
    const t = ph + lo;
    const bb = t - ph;
    const e1 = ph - (t - bb) + (lo - bb);
    s = t;
    e = pl + e1; // an integer below 2^11: exact
  }
  const Ph = TEN_HI[scale - MIN_E];
  const Pl = TEN_LO[scale - MIN_E];
  const h = s * Ph;
  const l = productError(s, Ph, h) + (s * Pl + e * Ph);
  const rh = h + l;
  const rl = l - (rh - h);
  F64[0] = rh;
  const hw = U32[1];
  const ex = (hw >>> 20) & 0x7ff;
  if (ex < 300 || ex > 1900) return Number.NaN;
  let limit = HALF_ULP[ex];
  if (rl < 0 && U32[0] === 0 && (hw & 0xfffff) === 0) limit /= 2; // rh a power of two: the spacing below is half
  return Math.abs(rl) < limit - Math.abs(rh) * MARGIN ? rh : Number.NaN;
}
