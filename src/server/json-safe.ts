/**
 * JSON text of a result that may hold typed arrays, Maps and non-finite numbers (NaN λ of a tier
 * not solved, an unlimited resource's Infinity): arrays become plain arrays and non-finite numbers
 * the strings "NaN", "Infinity", "-Infinity", as in the CLI's JSON output.
 */
export function jsonSafe(value: unknown): string {
  return JSON.stringify(value, replacer);
}

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, finite);
  if (typeof value === 'number') return finite(value);
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}

function finite(x: number): number | string {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}
