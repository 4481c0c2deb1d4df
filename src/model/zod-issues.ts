import type { z } from 'zod';
import type { Issue } from './errors.js';
import type { SourceLocator } from './source-locations.js';
import { inMagnitude } from './magnitude.js';
import { magnitudeIssue } from './magnitude-issue.js';
import { numberSubject } from './number-subject.js';
import { didYouMean } from './suggest.js';
import { valueAt } from './value-at.js';

type Path = (string | number)[];


function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/**
 * Turns zod's issues into located issues with our codes ("missing", "not-finite", "out-of-range",
 * "negative", …). A number outside the magnitude rule names what it is (`the input of "coal" per
 * unit of technique "steel_mill"`).
 */
export function fromZodIssues(
  zodIssues: readonly z.core.$ZodIssue[],
  data: unknown,
  locator: SourceLocator,
  fieldNames: readonly string[],
  prefix: readonly (string | number)[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const zi of zodIssues) {
    const path: Path = [...prefix, ...zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const value = valueAt(data, zi.path as Path);
    const located = (code: string, message: string, p: Path = path, key = false, withValue = true): void => {
      const location = locator.locate(p, key);
      out.push(withValue && value !== undefined ? { code, message, location, value } : { code, message, location });
    };
    /** A number outside the magnitude rule (non-finite or beyond MAX_MAGNITUDE), named by what it is. */
    const outOfMagnitude = (v: number): void => {
      const issue = magnitudeIssue(v, locator.locate(path), numberSubject(data, zi.path as Path));
      if (issue !== undefined) out.push(issue);
    };
    switch (zi.code) {
      case 'unrecognized_keys':
        for (const k of zi.keys) {
          const location = locator.locate([...path, k], true);
          out.push({ code: 'unknown-field', message: `unknown field "${k}"${didYouMean(k, fieldNames)}`, location, value: k });
        }
        break;
      case 'invalid_type':
        if (value === undefined) located('missing', `required field is missing`, path, false, false);
        else if (typeof value === 'number' && !Number.isFinite(value)) outOfMagnitude(value);
        else if (zi.expected === 'number' && typeof value === 'string') located('not-a-number', 'must be a number, not text');
        else located('invalid-type', `must be ${article(zi.expected)}, not ${describe(value)}`);
        break;
      case 'too_small':
        if (zi.origin === 'number') located('negative', 'must not be negative');
        else located('empty', 'must not be empty');
        break;
      case 'too_big':
        if (typeof value === 'number') outOfMagnitude(value);
        else located('invalid', zi.message);
        break;
      case 'custom': {
        const params = zi.params as { code?: unknown } | undefined;
        if (value === undefined) located('missing', 'required field is missing', path, false, false);
        else located(typeof params?.code === 'string' ? params.code : 'invalid', zi.message);
        break;
      }
      case 'invalid_union':
        if (typeof value === 'number' && !inMagnitude(value)) outOfMagnitude(value);
        else if (typeof value === 'string') located('not-a-number', `${zi.message}, not text`);
        else located('invalid-type', zi.message);
        break;
      default:
        located('invalid', zi.message);
    }
  }
  return out;
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'string':
      return 'text';
    default:
      return `a ${expected}`;
  }
}
