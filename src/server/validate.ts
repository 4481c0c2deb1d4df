import type { z } from 'zod';
import { ApiError, type ApiIssue } from './api-error.js';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Checks a request part (params, query or body) against its schema. A mismatch is a 400 whose
 * issues name the part and path, say what is wrong and echo the offending value.
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown, part: 'params' | 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues: ApiIssue[] = parsed.error.issues.map((i) => {
    const path = [part, ...i.path.map((k) => (typeof k === 'number' ? k : String(k)))];
    const value = valueAt(data, i.path);
    return value === undefined ? { path, message: i.message, code: i.code } : { path, message: i.message, code: i.code, value };
  });
  const first = issues[0];
  throw new ApiError(400, 'invalid-request', `invalid ${part}: ${first.path.join('.')}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
}
