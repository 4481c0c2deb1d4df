import { InputError } from '../model/errors.js';
import { outputFormat, render, UsageError, type CommandOutput, type FormatFlags } from './output.js';

/** Exit statuses of the `plenty` command. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;
/**
 * A solve that did not give a result (docs/cli.md maps every solver status to an exit status): the
 * same as a user's error, since the cure lies in the input (the model, the demand, the options).
 */
export const EXIT_NOT_SOLVED = EXIT_USER_ERROR;

/**
 * Runs one command body and prints its output in the chosen format. A user's mistake (bad
 * input, bad usage) prints its located message and exits 1, as does a solve that did not succeed
 * (its output's `failure` sentence goes to stderr); anything else is a bug in Plenty:
 * it prints the stack and exits 2.
 */
export async function runCommand(flags: FormatFlags, body: () => Promise<CommandOutput> | CommandOutput): Promise<void> {
  try {
    const format = outputFormat(flags);
    const out = await body();
    process.stdout.write(render(out, format));
    if (out.failure !== undefined) process.stderr.write(`error: ${out.failure}\n`);
    process.exitCode = out.failure === undefined ? EXIT_OK : EXIT_NOT_SOLVED;
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(`error: ${err.issues.length > 1 ? `${err.issues.length} problems\n` : ''}${err.message}\n`);
    return EXIT_USER_ERROR;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    return EXIT_USER_ERROR;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  process.stderr.write(`internal error (a bug in Plenty, please report it): ${e.stack ?? e.message}\n`);
  return EXIT_INTERNAL_ERROR;
}
