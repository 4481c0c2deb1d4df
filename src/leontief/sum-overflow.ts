import { InputError, type Issue } from '../model/errors.js';
import { magnitudeIssue } from '../model/magnitude-issue.js';

/**
 * Throws an InputError for the sums (named, with their value) that break the magnitude rule
 * (finite, at most 1e30: model/magnitude.ts). NaN, the mark of a solve that did not succeed, is
 * let through: the result's status says so.
 */
export function sumOverflow(sums: readonly (readonly [string, number])[]): void {
  const issues: Issue[] = [];
  for (const [name, value] of sums) {
    if (Number.isNaN(value)) continue;
    const issue = magnitudeIssue(value, { path: [name] }, name);
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length > 0) throw new InputError(issues);
}
