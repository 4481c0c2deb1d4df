import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeCommand, type AnalyzeFlags } from '../../src/cli/commands/analyze.js';
import { balanceCommand, type BalanceFlags } from '../../src/cli/commands/balance.js';
import { checkCommand } from '../../src/cli/commands/check.js';
import { planCommand, type PlanFlags } from '../../src/cli/commands/plan.js';
import type { CommandOutput } from '../../src/cli/output.js';
import type { CaseFile, Flags, ModelCase, ModelCommand } from './model-case.js';
import { encodingFindings, outputFindings, thrownFindings, type Finding } from './oracle.js';

/** Flags whose value names a file of the case. */
const FILE_FLAGS = new Set(['plan', 'demand', 'writePlan']);

function resolveFlags(flags: Flags, dir: string): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, FILE_FLAGS.has(k) && typeof v === 'string' ? join(dir, v) : v]));
}

/** Runs one command in-process, as `plenty COMMAND` would (the CLI's command functions). */
export function runCommandOf(command: ModelCommand, model: string, flags: Record<string, string | boolean>): Promise<CommandOutput> {
  switch (command) {
    case 'check':
      return checkCommand(model);
    case 'balance':
      return balanceCommand(model, flags as BalanceFlags);
    case 'analyze':
      return analyzeCommand(model, flags as AnalyzeFlags);
    case 'plan':
      return planCommand(model, flags as PlanFlags);
  }
}

/** The files a command reads. */
function filesRead(command: ModelCommand, files: readonly CaseFile[], flags: Flags): CaseFile[] {
  const read = [files[0]];
  for (const key of command === 'balance' ? ['plan'] : command === 'analyze' ? ['demand'] : []) {
    const f = files.find((x) => x.name === flags[key]);
    if (f !== undefined) read.push(f);
  }
  return read;
}

export interface CaseResult {
  readonly findings: readonly Finding[];
  /** One word per command run: ok, failed (a solve that did not succeed), refused (a user error), or the finding kinds. */
  readonly outcomes: readonly string[];
}

/**
 * Writes a case's files to `dir` and runs check, then balance, analyze and plan (when the model is
 * refused, at most one of them). The folder may hold files of earlier cases (cheaper than a new
 * folder per case): the commands are given the paths of this case's files only.
 */
export async function runModelCase(c: ModelCase, dir: string): Promise<CaseResult> {
  await mkdir(dir, { recursive: true });
  for (const f of c.files) await writeFile(join(dir, f.name), f.bytes);
  const model = join(dir, c.files[0].name);
  const findings: Finding[] = [];
  const outcomes: string[] = [];
  const run = async (command: ModelCommand): Promise<boolean> => {
    const flags = c.flags[command];
    let out: CommandOutput;
    try {
      out = await runCommandOf(command, model, resolveFlags(flags, dir));
    } catch (err) {
      const f = thrownFindings(err, command);
      findings.push(...f);
      outcomes.push(f.length > 0 ? f.map((x) => x.kind).join('+') : `${command}:refused`);
      return false;
    }
    const f = [...outputFindings(out, command), ...encodingFindings(filesRead(command, c.files, flags).map((x) => ({ name: x.name, bytes: x.bytes })), command)];
    findings.push(...f);
    outcomes.push(f.length > 0 ? f.map((x) => x.kind).join('+') : `${command}:${out.failure === undefined ? 'ok' : 'failed'}`);
    return true;
  };
  if (await run('check')) {
    for (const command of ['balance', 'analyze', 'plan'] as const) await run(command);
  } else if (c.second !== undefined) await run(c.second);
  return { findings, outcomes };
}
