/**
 * The binary model format end to end (bench/README.md, "Binary model files"): a synthetic economy
 * of n products (bench/generate.ts: 20 inputs each, a labour row, a final demand as targets) is
 * written as a binary model file straight from columns, then, in a fresh process, loaded as every
 * command loads a model, compiled, and its gross output solved; the answer is checked against the
 * generated A and y (relative residual within 2·10⁻¹⁰) after the clock stops.
 *
 *   node dist/bench/binary/model-file.js [--n 1e6] [--seed 1] [--readme] [--dir DIR]
 *
 * With --dir the model is written into DIR and kept there, with the write step's figures; a later
 * run with the same --dir, n and seed reads it again without writing (at 10⁷ the write takes
 * minutes).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCase } from '../child.js';
import { bytes, count, seconds, sci, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { progress } from '../progress.js';
import { replaceSections } from '../readme-section.js';
import type { ModelFileCaseResult } from './model-file-case.js';

/** The largest relative residual the check accepts (twice the solve's tolerance). */
const MAX_RESIDUAL = 2e-10;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const n = Number(option(args, 'n') ?? '1e6');
  const seed = Number(option(args, 'seed') ?? '1');
  const machine = describeMachine();
  const kept = option(args, 'dir');
  const work = kept ?? mkdtempSync(join(tmpdir(), 'plenty-model-file-'));
  try {
    const file = join(work, 'model');
    const common = ['--n', String(n), '--seed', String(seed), '--file', file];
    const record = join(work, `write-${n}-${seed}.json`);
    const load = [loadavg()[0]];
    let w: ModelFileCaseResult;
    if (kept !== undefined && existsSync(record)) {
      progress(`reusing the model written before in ${work}`);
      w = JSON.parse(readFileSync(record, 'utf8')) as ModelFileCaseResult;
    } else {
      progress(`writing ${n} products`);
      rmSync(file, { recursive: true, force: true });
      w = await runCase<ModelFileCaseResult>('./binary/model-file-case.js', ['--op', 'write', ...common]);
      if (kept !== undefined) writeFileSync(record, JSON.stringify(w));
    }
    load.push(loadavg()[0]);
    progress('reading, compiling, solving');
    const r = await runCase<ModelFileCaseResult>('./binary/model-file-case.js', ['--op', 'read', ...common]);
    load.push(loadavg()[0]);
    const residual = r.residual ?? Infinity;
    const body = [
      `${count(n)} products, ${count(w.rows ?? NaN)} coefficients (about 20 inputs, an output and a labour use per technique); ${machine.date}, ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, Node ${machine.node}; load average ${load.map((l) => l.toFixed(1)).join(', ')}.`,
      '',
      table(
        ['step', 'seconds', 'peak memory', 'file'],
        [
          ['generate and write (writeModelFolder)', seconds(w.seconds), bytes(w.peakBytes), bytes(w.fileBytes)],
          ['load (as analyze: loadAnyModel)', seconds(r.load ?? NaN), '', ''],
          ['compile + Leontief system', seconds(r.compile ?? NaN), '', ''],
          ['gross output, cold (first solve in the process)', seconds(r.solve ?? NaN), '', ''],
          ['read end to end', seconds(r.seconds), bytes(r.peakBytes), ''],
          ['(CPU time of the read, user + system)', seconds(r.cpu ?? NaN), '', ''],
          ['(gross output again, warm: a second solve in the same process)', seconds(r.warmSolve ?? NaN), '', ''],
        ],
      ),
      '',
      `Relative residual of the gross output against the generated A and y: ${sci(residual)} (${residual <= MAX_RESIDUAL ? 'checked' : 'FAILED'}, limit ${sci(MAX_RESIDUAL)}).`,
    ].join('\n');
    process.stdout.write(`${body}\n`);
    if (!(residual <= MAX_RESIDUAL)) throw new Error(`the gross output is wrong: relative residual ${residual}`);
    if (args.includes('--readme')) {
      const readme = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'README.md');
      replaceSections(readme, new Map([[`binary-model-${n}`, body]]));
    }
  } finally {
    if (kept === undefined) rmSync(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
