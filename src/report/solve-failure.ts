import { PRODUCTIVE_MARGIN } from '../sparse/check-productive.js';

/** How a solve ended, as far as a failure report needs it. */
export interface SolveOutcome {
  /** 'not-productive', 'max-iterations', 'breakdown' or (a dense inverse) 'singular'. */
  readonly status: string;
  readonly iterations?: number;
  readonly relativeResidual?: number;
  /** Proved bounds on the spectral radius of A. */
  readonly spectralRadius?: { readonly lower: number; readonly upper: number };
}

/** What the sentence may say about the solve and the options that would change it. */
export interface FailureContext {
  /** What was solved, to start the sentence: "the gross output (I − A) x = y". */
  readonly what: string;
  /** Loops of items (ids) proved not productive on their own, smallest first. */
  readonly loops?: readonly (readonly string[])[];
  /** The iteration limit in force and the option that sets it, if the caller has one. */
  readonly maxIterations?: { readonly value: number; readonly option?: string };
  /** The tolerance in force and the option that sets it, if the caller has one. */
  readonly tolerance?: { readonly value: number; readonly option?: string };
}

/** Loops named in the advice, and items named per loop. */
const NAMED_LOOPS = 1;
const NAMED_ITEMS = 6;

function bounds(o: SolveOutcome): string {
  const r = o.spectralRadius;
  return r === undefined ? '' : `the spectral radius of A is between ${r.lower.toPrecision(8)} and ${r.upper.toPrecision(8)}`;
}

function loopAdvice(loops: readonly (readonly string[])[] | undefined): string {
  const loop = loops?.slice(0, NAMED_LOOPS)[0];
  if (loop === undefined) return 'check the input coefficients of the techniques, and the units of the items, for a value far too large';
  const names = loop.slice(0, NAMED_ITEMS).map((id) => `"${id}"`).join(', ') + (loop.length > NAMED_ITEMS ? ` and ${loop.length - NAMED_ITEMS} more` : '');
  const what = loop.length === 1 ? `item ${names} needs at least one unit of itself per unit made` : `the loop of items ${names} needs, around the loop, at least as much of them as it makes`;
  return `${what}: check the input coefficients of the techniques that make ${loop.length === 1 ? 'it' : 'them'}, and their units`;
}

function option(o: { readonly value: number; readonly option?: string } | undefined, verb: string): string | undefined {
  if (o === undefined) return undefined;
  return o.option === undefined ? undefined : `${verb} ${o.option} (now ${o.value})`;
}

/**
 * One sentence for a solve that did not succeed: what happened, with the numbers that diagnose
 * it (iterations, residual, spectral-radius bounds, never numbers of the solution), and what to
 * do. Used as a command's `failure` (printed on stderr, exit status 1; docs/cli.md maps every
 * status to its sentence) and as the `message` of the failed part in JSON.
 */
export function failureSentence(o: SolveOutcome, ctx: FailureContext): string {
  const its = o.iterations !== undefined ? `${o.iterations} iteration${o.iterations === 1 ? '' : 's'}` : 'its iterations';
  const residual = o.relativeResidual !== undefined && Number.isFinite(o.relativeResidual) ? `, relative residual ${o.relativeResidual.toExponential(2)}` : '';
  const r = bounds(o);
  switch (o.status) {
    case 'not-productive':
      return `${ctx.what}: the economy is not productive (${r || 'the spectral radius of A is at least 1'}; within ${PRODUCTIVE_MARGIN.toExponential()} of 1 counts as 1), so (I − A)⁻¹ does not exist; ${loopAdvice(ctx.loops)}.`;
    case 'max-iterations': {
      const advice = [option(ctx.maxIterations, 'raise'), option(ctx.tolerance, 'loosen')].filter((s) => s !== undefined).join(' or ');
      return `${ctx.what} did not converge in ${its}${residual}${r ? `; ${r}` : ''}: ${advice || 'the coefficients may differ in size by many orders of magnitude: rescale the units of the items'}.`;
    }
    case 'breakdown': {
      const loosen = option(ctx.tolerance, 'or loosen');
      return `${ctx.what}: the iterative solver broke down after ${its}${r ? ` (${r})` : ''}: rescale the units of the items so that their coefficients are of similar size${loosen ? `, ${loosen}` : ''}.`;
    }
    case 'singular':
      return `${ctx.what}: I − A is singular to working precision, so the inverse does not exist${r ? ` (${r})` : ''}; check the input coefficients of the techniques and the units of the items.`;
    default:
      return `${ctx.what} ended with status ${o.status}.`;
  }
}

/**
 * The JSON of a failed solve: its status, the sentence, the iterations it took and the bounds on
 * the spectral radius; no number of the solve itself.
 */
export function failureJson(o: SolveOutcome, message: string): Record<string, unknown> {
  return {
    status: o.status,
    message,
    ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
    ...(o.spectralRadius !== undefined ? { spectralRadius: { lower: o.spectralRadius.lower, upper: o.spectralRadius.upper } } : {}),
  };
}
