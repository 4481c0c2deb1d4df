import { extname } from 'node:path';
import { compileEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { inMagnitude, MAX_MAGNITUDE_TEXT } from '../../model/magnitude.js';
import { serializePlan } from '../../model/index.js';
import { planOfPeriod, solvePlan } from '../../plan/index.js';
import type { PlanObjective, PlanObjectiveKind } from '../../plan/index.js';
import { encodePlan, failedPlanHeadline, planDiagnosisTables, planFailure, planHeadline, planTables } from '../../report/index.js';
import { loadAnyModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { checkOutputPath, writeOutputFiles, type OutputRules } from '../write-output-files.js';
import { createProgress } from '../progress.js';

export interface PlanFlags extends EncodingFlags {
  readonly objective?: string;
  readonly solver?: string;
  readonly gap?: string;
  readonly timeLimit?: string;
  readonly resource?: string;
  readonly cap?: string;
  readonly periods?: string;
  readonly period?: string;
  readonly top?: string;
  readonly writePlan?: string;
  readonly mipGap?: string;
  readonly relaxIntegers?: boolean;
}

const OBJECTIVES = ['maxmin', 'weighted', 'harmony', 'mincost'];

function positiveNumber(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (flag === '--cap' && v === 'none') return Infinity;
  const x = v.trim() === '' ? Number.NaN : Number(v);
  if (!(inMagnitude(x) && x > 0)) throw inputError('invalid-option', `${flag} must be a positive number, at most ${MAX_MAGNITUDE_TEXT}`, { path: [flag] }, v);
  return x;
}

/** File name of one period's plan: FILE itself for one period, else FILE with -PERIOD before the extension. */
export function periodPlanFile(file: string, period: string, several: boolean): string {
  if (!several) return file;
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}-${period}${ext}`;
}

/** The plan files --write-plan FILE writes: one per period (FILE-PERIOD), or FILE for the one period chosen or the only one. */
function planFilesOf(file: string, periods: readonly string[], chosen: number | undefined): { path: string; period: number }[] {
  const several = chosen === undefined && periods.length > 1;
  const which = several ? periods.map((_, t) => t) : [chosen ?? 0];
  return which.map((t) => ({ path: periodPlanFile(file, periods[t], several), period: t }));
}

/** `plenty plan MODEL`: the optimal plan, its valuations and bottlenecks. */
export async function planCommand(modelPath: string, flags: PlanFlags): Promise<CommandOutput> {
  const kind = flags.objective ?? 'maxmin';
  if (!OBJECTIVES.includes(kind)) throw inputError('invalid-option', `--objective must be one of ${OBJECTIVES.join(', ')}`, { path: ['--objective'] }, kind);
  const solver = flags.solver ?? 'auto';
  if (solver !== 'auto' && solver !== 'highs' && solver !== 'pdhg') throw inputError('invalid-option', '--solver must be auto, highs or pdhg', { path: ['--solver'] }, solver);
  if (flags.periods !== undefined && flags.periods !== 'leximin' && flags.periods !== 'common') throw inputError('invalid-option', '--periods must be leximin or common', { path: ['--periods'] }, flags.periods);
  const top = flags.top === undefined ? 10 : Number(flags.top);
  if (!Number.isInteger(top) || top < 1) throw inputError('invalid-option', '--top must be a positive whole number', { path: ['--top'] }, flags.top);
  const gap = positiveNumber('--gap', flags.gap);
  const timeLimit = positiveNumber('--time-limit', flags.timeLimit);
  const cap = positiveNumber('--cap', flags.cap);
  const mipGap = flags.mipGap === undefined ? undefined : Number(flags.mipGap);
  if (mipGap !== undefined && (flags.mipGap?.trim() === '' || !(mipGap >= 0 && mipGap < 1))) throw inputError('invalid-option', '--mip-gap must be a number from 0 to less than 1', { path: ['--mip-gap'] }, flags.mipGap);

  // A binary model is read as columns (no record per coefficient): compileEconomy takes either, and planning needs no more.
  const economy = await loadAnyModel(modelPath, readOptions(flags));
  const c = compileEconomy(economy);
  let period = 0;
  if (flags.period !== undefined) {
    const t = c.periods.index.get(flags.period);
    if (t === undefined) throw inputError('unknown-id', `--period names no period (periods: ${c.periods.ids.join(', ')})`, { path: ['--period'] }, flags.period);
    period = t;
  }
  const objective: PlanObjective = {
    kind: kind as PlanObjectiveKind,
    ...(flags.resource === undefined ? {} : { resource: flags.resource }),
    ...(cap === undefined ? {} : { cap }),
    ...(flags.periods === undefined ? {} : { periods: flags.periods }),
  };
  const planFiles = flags.writePlan === undefined ? [] : planFilesOf(flags.writePlan, c.periods.ids, flags.period === undefined ? undefined : period);
  const outputRules: OutputRules = { option: '--write-plan', inputs: [modelPath] };
  for (const f of planFiles) await checkOutputPath(f.path, outputRules);
  const progress = createProgress('plan');
  const r = await solvePlan(c, {
    objective,
    solver,
    ...(gap === undefined ? {} : { gap }),
    ...(timeLimit === undefined ? {} : { timeLimit }),
    ...(mipGap === undefined ? {} : { mipGap }),
    ...(flags.relaxIntegers === true ? { relaxIntegers: true } : {}),
    onProgress: (i) => progress.update((i.stage + 0.5) / i.stages, `stage ${i.stage + 1}/${i.stages}, iteration ${i.iteration}`),
  });
  progress.done();

  const failure = planFailure(r);
  if (failure !== undefined) return { header: failedPlanHeadline(r, economy.name), tables: planDiagnosisTables(r, top), json: encodePlan(c, r), failure };
  const written: string[] = [];
  if (planFiles.length > 0) {
    const format = extname(planFiles[0].path).toLowerCase() === '.json' ? 'json' : 'yaml';
    await writeOutputFiles(
      planFiles.map((f) => ({ path: f.path, text: serializePlan(planOfPeriod(r, f.period), format) })),
      outputRules,
    );
    for (const f of planFiles) written.push(f.path);
  }
  return { header: planHeadline(r, economy.name, written), tables: planTables(c, r, period, top), json: encodePlan(c, r, { written }) };
}
