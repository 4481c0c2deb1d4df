import { InputError, type Issue } from '../model/errors.js';
import { valueAt } from '../model/value-at.js';
import { planDocument, type DecodedOptimalPlan, type DecodedPlan } from './plan-document-schema.js';

/** Issues listed at most. */
const MOST_ISSUES = 20;

/**
 * A plan document read back (stored, sent, or written by `plenty plan --json`): checked against
 * the schema (report/plan-document-schema.ts), with its numbers numbers again ("Infinity" →
 * Infinity; an uncapped maxmin's `cap: null` → Infinity). A document that does not fit throws an
 * InputError whose issues name `source`, the JSON path and the value found there.
 */
export function decodePlan(json: unknown, source = 'plan document'): DecodedPlan {
  const parsed = planDocument.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.slice(0, MOST_ISSUES).map((zi) => {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(json, path);
    const message = `not a plan document: ${zi.message}`;
    return value === undefined ? { code: 'invalid-plan-document', message, location: { file: source, path } } : { code: 'invalid-plan-document', message, location: { file: source, path }, value };
  });
  throw new InputError(issues);
}

/** An optimal plan's document read back (decodePlan); one of a plan that did not solve to optimality is refused, naming its status. */
export function decodeOptimalPlan(json: unknown, source = 'plan document'): DecodedOptimalPlan {
  const doc = decodePlan(json, source);
  if (doc.status !== 'optimal') throw new InputError([{ code: 'not-optimal', message: `the plan has status ${doc.status}: only an optimal plan has numbers`, location: { file: source, path: ['status'] }, value: doc.status }]);
  return doc;
}
