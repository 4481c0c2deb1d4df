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
