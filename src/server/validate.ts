import type { z } from 'zod';
import { ApiError, type ApiIssue } from './api-error.js';

/** Longest text an issue echoes; longer text is cut here, with an ellipsis. */
const ECHO_TEXT = 200;
/** Largest object or list an issue echoes, as JSON text; larger ones (or ones nested too deep to write) are not echoed. */
const ECHO_JSON = 500;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * The offending value as an issue echoes it: scalars as they are (text cut at ECHO_TEXT
 * characters), small objects and lists whole, and nothing for larger ones, so that the answer
 * stays small and can always be written (a list nested thousands deep cannot be).
 */
function echo(value: unknown): { value?: unknown } {
  if (value === undefined) return {};
  if (typeof value === 'string') return { value: value.length > ECHO_TEXT ? `${value.slice(0, ECHO_TEXT)}…` : value };
  if (value === null || typeof value !== 'object') return { value };
  try {
    const text = JSON.stringify(value);
    return text !== undefined && text.length <= ECHO_JSON ? { value } : {};
  } catch {
    return {};
  }
}

/**
 * Checks a request part (params, query or body) against its schema. A mismatch is a 400 whose
 * issues name the part and path, say what is wrong and echo the offending value (when it is
 * small; see echo).
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown, part: 'params' | 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: ApiIssue[] = parsed.error.issues.map((i) => {
    const path = [part, ...i.path.map((k) => (typeof k === 'number' ? k : String(k)))];
    return { path, message: i.message, code: i.code, ...echo(valueAt(data, i.path)) };
  });
  const first = issues[0];
  throw new ApiError(400, 'invalid-request', `invalid ${part}: ${first.path.join('.')}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
}
