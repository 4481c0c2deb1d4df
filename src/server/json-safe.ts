import { jsonText } from '../report/json-text.js';

/**
 * JSON text of a result that may hold typed arrays, Maps and non-finite numbers (NaN λ of a tier
 * not solved, an unlimited resource's Infinity): arrays become plain arrays and non-finite numbers
 * the strings "NaN", "Infinity", "-Infinity", as in the CLI's JSON output (report/json-text.ts).
 */
export function jsonSafe(value: unknown): string {
  return jsonText(value);
}
