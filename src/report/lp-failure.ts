import type { LpSolution } from '../lp/lp-types.js';
import { solverStopSentence } from './solver-stop-sentence.js';

/**
 * For a solve that did not end optimal, the sentence that says what happened and what to do
 * (printed on stderr; the command exits 1); undefined for an optimum.
 */
export function lpFailure(s: LpSolution): string | undefined {
  const why = s.message === undefined ? '' : ` (${s.message})`;
  switch (s.status) {
    case 'optimal':
      return undefined;
    case 'infeasible':
      return 'the linear program is infeasible: no point satisfies every constraint and bound; check the constraints and bounds';
    case 'unbounded':
      return 'the linear program is unbounded: the objective improves without limit; add the bound or constraint that is missing';
    case 'infeasible-or-unbounded':
      return `the linear program has no optimum: it is infeasible or unbounded${why}; solve it with --solver highs --method simplex to tell which`;
    case 'time-limit':
    case 'iteration-limit':
    case 'unknown':
      return solverStopSentence(s.status, s.message);
    case 'error':
      return `the solver failed${why}: check the file's numbers, or solve with another --solver or --method`;
  }
}
