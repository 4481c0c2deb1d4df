/** Numbers for people: grouped thousands, a few significant digits, tabular in the stylesheet. */
const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatAmount(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1000) return grouped.format(x).replace('-', '−');
  if (a >= 1) return (a >= 100 ? oneDecimal : twoDecimals).format(x).replace('-', '−');
  if (a >= 1e-3) return x.toPrecision(3).replace('-', '−');
  return x.toExponential(2).replace('-', '−');
}

export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A shadow price or other small positive quantity, in scientific notation when small. */
export function formatPrice(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  return Math.abs(x) >= 0.01 && Math.abs(x) < 1e6 ? x.toPrecision(4) : x.toExponential(3).replace('e-', 'e−');
}

/** `grain@ukraine` → `grain · ukraine` for display. */
export function itemLabel(id: string): string {
  const at = id.indexOf('@');
  return at < 0 ? id.replace(/_/g, ' ') : `${id.slice(0, at).replace(/_/g, ' ')} · ${id.slice(at + 1).replace(/_/g, ' ')}`;
}

const threeSignificant = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
const superscript: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number for people, any size: grouped thousands (12,345,678), two to three significant digits
 * below 1000, and for very small or very large magnitudes a power of ten written as such
 * (7.04 × 10⁻⁸, never `7.037e-8`). Non-finite: ∞, −∞, and — for not a number.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1e15 || a < 1e-3) {
    const [m, e] = x.toExponential(2).split('e');
    const exponent = String(Number(e)).replace(/./g, (c) => superscript[c] ?? c);
    return `${m.replace('-', '−')} × 10${exponent}`;
  }
  return a < 1 ? threeSignificant.format(x).replace('-', '−') : formatAmount(x);
}

/** An amount with its unit: `1,234,567 t`, `0.25 person-year`; without a unit, the number alone. */
export function formatQuantity(x: number, unit: string | null | undefined): string {
  const n = formatNumber(x);
  return unit === undefined || unit === null || unit === '' || !Number.isFinite(x) ? n : `${n} ${unit}`;
}

/**
 * A value per unit of something: `0.012 per t` (a valuation, in units of the objective per unit
 * of the item), or `3.5 person-year per t` with the numerator's unit.
 */
export function formatPerUnit(x: number, per: string, unit?: string): string {
  return `${formatQuantity(x, unit)} per ${per}`;
}

/** A ratio as a percentage with grouped thousands: 86.67 → `8,666.7%`, 1.237 → `123.7%`. */
export function formatShare(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio * 100).replace('-', '−')}%`;
}

const FRACTIONS: readonly [number, number, string][] = [
  [1, 2, '½'],
  [1, 3, '⅓'],
  [2, 3, '⅔'],
  [1, 4, '¼'],
  [3, 4, '¾'],
  [1, 5, '⅕'],
  [1, 6, '⅙'],
  [5, 6, '⅚'],
  [1, 8, '⅛'],
];

/**
 * A level λ as people write it: a whole number and a common fraction when it is one within 1e-9
 * relative (86⅔), else grouped with four significant digits (1.2373).
 */
export function formatLevel(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) < 1e-3) return formatAmount(x);
  const whole = Math.floor(x + 1e-9);
  const rest = x - whole;
  const tol = 1e-9 * Math.max(1, Math.abs(x));
  if (Math.abs(rest) <= tol) return grouped.format(whole);
  for (const [n, d, glyph] of FRACTIONS) if (Math.abs(rest - n / d) <= tol) return `${whole === 0 ? '' : grouped.format(whole)}${glyph}`;
  return Math.abs(x) >= 1000 ? grouped.format(x) : x.toPrecision(5).replace(/\.?0+$/, '');
}

/** A ratio of two valuations as people write it: 2 : 1, 1 : 3, 1.5 : 1. */
export function formatRatio(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '—';
  return x >= 1 ? `${formatLevel(x)} : 1` : `1 : ${formatLevel(1 / x)}`;
}

/** A signed change: +1,234 or −0.5; '0' when it is zero. */
export function formatSigned(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return formatAmount(x);
  return `${x > 0 ? '+' : '−'}${formatAmount(Math.abs(x))}`;
}

/** A signed change of a ratio in percentage points: +0.6 pp. */
export function formatPoints(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  const v = (x * 100).toFixed(digits);
  return Number(v) === 0 ? `0 pp` : `${x > 0 ? '+' : '−'}${v.replace('-', '')} pp`;
}
