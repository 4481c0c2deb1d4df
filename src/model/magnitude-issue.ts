import type { Issue, Location } from './errors.js';
import { inMagnitude, magnitudeMessage } from './magnitude.js';

/**
 * The located issue for a number outside the magnitude rule (magnitude.ts), or undefined when it
 * keeps it: code "not-finite" for NaN and ±Infinity, "out-of-range" for a finite number beyond
 * MAX_MAGNITUDE. `what` names the number ("the intermediate use of \"steel\""); the message is
 * `what` followed by the rule it breaks.
 */
export function magnitudeIssue(value: number, location: Location, what: string): Issue | undefined {
  if (inMagnitude(value)) return undefined;
  return { code: Number.isFinite(value) ? 'out-of-range' : 'not-finite', message: `${what} ${magnitudeMessage(value)}`, location, value };
}

/** A number for a message: six significant digits, in exponent form when large or small (1e+20). */
export function numberText(value: number): string {
  const rounded = Number(value.toPrecision(6));
  const size = Math.abs(rounded);
  return size !== 0 && (size >= 1e6 || size < 1e-4) ? rounded.toExponential() : String(rounded);
}
