/**
 * The sentence for an LP solve that stopped short of an optimum for a reason of the solver's own
 * (a limit reached, or no certificate), the same for a plan and for an LP file; undefined for the
 * other statuses, whose sentences depend on what was solved. `message` is the solver's.
 */
export function solverStopSentence(status: string, message: string | undefined): string | undefined {
  const why = message === undefined ? '' : ` (${message})`;
  switch (status) {
    case 'time-limit':
      return `the solver stopped at the time limit before an optimum${why}: raise --time-limit`;
    case 'iteration-limit':
      return `the solver stopped at its iteration limit before an optimum${why}: solve with --solver highs, or ask for less precision with --gap`;
    case 'unknown':
      return `the solver stopped without an optimum or a certificate${why}: solve with --solver highs`;
    default:
      return undefined;
  }
}
