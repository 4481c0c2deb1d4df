import { jsonText, renderCsv, renderText, type Table } from '../report/index.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface FormatFlags {
  readonly json?: boolean;
  readonly csv?: boolean;
}

export function outputFormat(flags: FormatFlags): OutputFormat {
  if (flags.json === true && flags.csv === true) throw new UsageError('choose one of --json and --csv');
  return flags.json === true ? 'json' : flags.csv === true ? 'csv' : 'table';
}

/** What a command produces: tables for people and CSV, and a JSON document (see docs/cli.md). */
export interface CommandOutput {
  readonly tables: readonly Table[];
  readonly json: unknown;
  /** Lines printed before the tables in text output only. */
  readonly header?: readonly string[];
  /**
   * Set when the command's solve did not succeed (not productive, did not converge, infeasible,
   * time limit, …): one sentence saying what happened and what to do. The output (which must then
   * carry no numbers of the failed solve as results, only its status and diagnosis) is still
   * printed, the sentence goes to stderr, and the command exits with EXIT_NOT_SOLVED.
   */
  readonly failure?: string;
}

export function render(out: CommandOutput, format: OutputFormat): string {
  if (format === 'json') return `${jsonText(out.json, 2)}\n`;
  if (format === 'csv') return renderCsv(out.tables);
  const head = out.header !== undefined && out.header.length > 0 ? `${out.header.join('\n')}\n\n` : '';
  return head + renderText(out.tables);
}

/** A mistake in how the command was called (exit status 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
