/** Formatting of the benchmark's tables. */

export function seconds(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s >= 100) return s.toFixed(0);
  if (s >= 10) return s.toFixed(1);
  if (s >= 0.1) return s.toFixed(2);
  if (s >= 0.01) return s.toFixed(3);
  return s.toPrecision(2); // milliseconds: two significant digits, so that ratios can be read off

}

export function bytes(b: number): string {
  if (!Number.isFinite(b)) return '–';
  if (b >= 2 ** 30) return `${(b / 2 ** 30).toFixed(2)} GB`;
  return `${(b / 2 ** 20).toFixed(0)} MB`;
}

export function sci(x: number): string {
  return Number.isFinite(x) ? x.toExponential(1) : '–';
}

/** 10000 → 10⁴ when a power of ten, else with thousands separators. */
export function count(x: number): string {
  const e = Math.log10(x);
  if (Number.isInteger(e) && e >= 3) {
    const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
    return `10${String(e)
      .split('')
      .map((d) => sup[Number(d)])
      .join('')}`;
  }
  return x.toLocaleString('en-GB');
}

export function ratio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
