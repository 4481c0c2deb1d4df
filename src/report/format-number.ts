/**
 * Formats a number for people: at most `digits` significant digits, no exponent between 1e-4
 * and 1e15, thousands not grouped (so that output can be pasted into a spreadsheet), negative
 * zero shown as 0, non-finite values spelled out.
 */
export function formatNumber(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 1e15 || ax < 1e-4) return x.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
  const magnitude = Math.floor(Math.log10(ax)) + 1;
  const decimals = Math.max(0, Math.min(20, digits - magnitude));
  let s = x.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}
