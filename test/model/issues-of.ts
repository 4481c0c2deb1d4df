import assert from 'node:assert/strict';
import type { Issue } from '../../src/model/errors.js';

export { issuesOf } from '../helpers/input-error.js';

/** The one issue at `line`:`column`, checked to have `code` (fails if there is not exactly one there). */
export function issueAt(issues: readonly Issue[], line: number, column: number): Issue {
  const found = issues.filter((i) => i.location.line === line && i.location.column === column);
  assert.equal(found.length, 1, `one issue at ${line}:${column}; issues: ${issues.map((i) => `${i.location.line}:${i.location.column} ${i.code}`).join('; ')}`);
  return found[0];
}

/** Asserts code, path and value of the issue at a place. */
export function assertIssue(issues: readonly Issue[], line: number, column: number, code: string, path: readonly (string | number)[], value?: unknown): Issue {
  const issue = issueAt(issues, line, column);
  assert.equal(issue.code, code, `code at ${line}:${column}`);
  assert.deepEqual(issue.location.path, path, `path at ${line}:${column}`);
  if (value === undefined) assert.ok(!('value' in issue), `no value at ${line}:${column}`);
  else if (typeof value === 'number' && Number.isNaN(value)) assert.ok(Number.isNaN(issue.value), `NaN at ${line}:${column}`);
  else assert.deepEqual(issue.value, value, `value at ${line}:${column}`);
  return issue;
}
