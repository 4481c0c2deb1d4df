const grouped = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/**
 * An amount as people read it in a sentence: at most six significant digits, thousands grouped
 * (13,179.3; 13,764,900), "billion" and "trillion" from 10⁹ (2.5 billion), and only amounts beyond
 * 10¹⁵ or below 10⁻⁴ in powers of ten (1.5e30). Never an exponent like `1.37649e+7`.
 */
export function amountText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'infinity' : '−infinity';
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  let body: string;
  if (a >= 1e15 || a < 1e-4) body = a.toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'e').replace('e-', 'e−');
  else if (a >= 1e12) body = `${grouped.format(a / 1e12)} trillion`;
  else if (a >= 1e9) body = `${grouped.format(a / 1e9)} billion`;
  else body = grouped.format(a);
  return sign + body;
}

/**
 * A relative deviation (−0.16 for 16% less) as a signed percentage for people: one decimal from
 * 1%, two significant digits below (−0.0020%), so that a deviation that is not zero never reads
 * as 0.0%; grouped digits for large ones (+65,528%).
 */
export function deviationText(d: number): string {
  if (d === 0) return '0%';
  const pct = Math.abs(d) * 100;
  const sign = d > 0 ? '+' : '−';
  let body: string;
  if (pct >= 1000 || !Number.isFinite(pct)) body = amountText(Math.round(pct));
  else if (pct >= 1) body = pct.toFixed(1);
  else if (pct < 1e-3) body = amountText(Number(pct.toPrecision(2)));
  else body = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2, minimumSignificantDigits: 2 }).format(pct);
  return `${sign}${body}%`;
}
