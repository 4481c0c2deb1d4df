import { InputError, type Issue } from '../model/errors.js';
import { MAX_MAGNITUDE_TEXT, inMagnitude } from '../model/magnitude.js';
import { numberText } from '../model/magnitude-issue.js';
import type { SolveLabel } from './types.js';

/** Entries listed at most per error (a broken solution of a million entries says so once). */
const LISTED = 20;

/**
 * Throws an InputError when an entry of a result breaks the magnitude rule (finite, at most 1e30:
 * model/magnitude.ts), naming the quantity and the item (and the right-hand side, when there are
 * several): every input keeps the rule, but the coefficients compound through (I − A)⁻¹.
 */
export function resultOverflow(results: readonly Float64Array[], label: SolveLabel): void {
  const issues: Issue[] = [];
  let found = 0;
  results.forEach((x, q) => {
    for (let i = 0; i < x.length; i++) {
      if (inMagnitude(x[i])) continue;
      if (found++ >= LISTED) continue;
      const item = label.items?.[i] ?? `item ${i}`;
      const row = label.rows !== undefined && results.length > 1 ? ` (${label.rows[q] ?? `row ${q}`})` : '';
      issues.push({
        code: Number.isFinite(x[i]) ? 'out-of-range' : 'not-finite',
        message: `${label.quantity} of "${item}"${row} is ${numberText(x[i])}, beyond ${MAX_MAGNITUDE_TEXT}: the coefficients compound through the Leontief inverse; check them and the units of the items`,
        location: label.itemLocation?.(i) ?? { path: label.rows !== undefined && results.length > 1 ? [label.key, q, i] : [label.key, i] },
        value: x[i],
      });
    }
  });
  if (found > LISTED) issues.push({ code: 'out-of-range', message: `… and ${found - LISTED} more entries of ${label.quantity} beyond ${MAX_MAGNITUDE_TEXT}`, location: { path: [label.key] } });
  if (issues.length > 0) throw new InputError(issues);
}
