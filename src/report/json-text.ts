import { wireNumberOf } from './wire-number.js';

/**
 * JSON text of a document that may hold typed arrays, Maps and non-finite numbers: arrays become
 * plain arrays, Maps objects, and non-finite numbers the strings "NaN", "Infinity", "-Infinity"
 * (wireNumberOf). The one replacer of the CLI's `--json` output and the service's answers.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, jsonReplacer, indent);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, wireNumberOf);
  if (typeof value === 'number') return wireNumberOf(value);
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
