import { extname } from 'node:path';
import { compileEconomy } from '../../compile/index.js';
import type { CompiledEconomy } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { inMagnitude, MAX_MAGNITUDE_TEXT } from '../../model/magnitude.js';
import { serializePlan } from '../../model/index.js';
import { planOfPeriod, solvePlan } from '../../optimize/index.js';
import type { PlanObjective, PlanObjectiveKind, PlanResult } from '../../optimize/index.js';
import { encodePlan, levelsTable, solverStopSentence, type Table } from '../../report/index.js';
import { loadModel } from '../load-model.js';
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

  const economy = await loadModel(modelPath, readOptions(flags));
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
    onProgress: (i) => progress.update((i.stage + 0.5) / i.stages, `stage ${i.stage + 1}/${i.stages}, iteration ${i.iteration}`),
  });
  progress.done();

  const failure = planFailure(r);
  if (failure !== undefined) return { header: failedHeadline(r, economy.name), tables: diagnosisTables(r, top), json: encodePlan(c, r), failure };
  const written: string[] = [];
  if (planFiles.length > 0) {
    const format = extname(planFiles[0].path).toLowerCase() === '.json' ? 'json' : 'yaml';
    await writeOutputFiles(
      planFiles.map((f) => ({ path: f.path, text: serializePlan(planOfPeriod(r, f.period), format) })),
      outputRules,
    );
    for (const f of planFiles) written.push(f.path);
  }
  return { header: headline(r, economy.name, written), tables: planTables(c, r, period, top), json: encodePlan(c, r, { written }) };
}

/**
 * For a plan that is not optimal, the sentence that says what happened and what to do (printed on
 * stderr; the command exits 1); undefined for an optimal plan.
 */
export function planFailure(r: PlanResult): string | undefined {
  const why = r.message === undefined ? '' : ` (${r.message})`;
  switch (r.status) {
    case 'optimal':
      return undefined;
    case 'infeasible':
      return r.diagnosis?.kind === 'infeasible' && r.diagnosis.shortfalls.length > 0
        ? 'no plan meets every target within the limits: reduce the targets as the diagnosis shows, or raise the limits it names'
        : 'no plan meets every target within the limits: lower the targets or raise the limits (plenty balance shows where the model falls short)';
    case 'infeasible-or-unbounded':
      return `the solver could not tell whether the plan is infeasible or unbounded${why}: check the targets and limits, or solve with --solver highs`;
    case 'unbounded':
      return r.diagnosis?.kind === 'unbounded' ? r.diagnosis.message : 'nothing limits the plan\'s objective: give the resources an availability, or cap the tiers with --cap';
    case 'time-limit':
    case 'iteration-limit':
    case 'unknown':
      return solverStopSentence(r.status, r.message);
    case 'error':
      return `the solver failed${why}: check the model's numbers, or solve with another --solver`;
  }
}

function failedHeadline(r: PlanResult, model: string): string[] {
  const lines = [`No optimal plan for ${model}: objective ${r.objective.kind}, status ${r.status} (${r.solver}).`];
  if (r.message !== undefined) lines.push(r.message);
  if (r.diagnosis !== undefined) lines.push(`Diagnosis: ${r.diagnosis.message}.`);
  return lines;
}

/** The headline of an optimal plan. */
function headline(r: PlanResult, model: string, written: readonly string[]): string[] {
  const lines = [`Optimal plan for ${model}: objective ${r.objective.kind}, status ${r.status} (${r.solver}).`];
  if (r.objective.kind === 'maxmin') {
    const parts = Array.from(r.economy.targets.priority.length === 0 ? [] : r.formulated.index.tiers, (p, s) => `tier ${p}: ${Number.isNaN(r.lambda[s]) ? 'not solved' : r.lambda[s].toPrecision(6)}`);
    if (parts.length > 0) lines.push(`Fulfilment ratio λ per priority tier (every target of a tier gets at least λ × its amount): ${parts.join(', ')}.`);
  } else {
    lines.push(`Objective value: ${r.objectiveValue.toPrecision(8)}${r.objective.kind === 'mincost' ? ` ${r.economy.model.resources[r.economy.resources.index.get(r.objective.resource ?? '') ?? 0]?.unit ?? ''} of ${r.objective.resource ?? ''}` : ''}.`);
  }
  lines.push(`Residuals: primal ${r.primalResidual.toExponential(1)}, dual ${r.dualResidual.toExponential(1)}, gap ${r.relativeGap.toExponential(1)}.`);
  if (r.message !== undefined) lines.push(r.message);
  for (const f of written) lines.push(`Wrote ${f} (check it with: plenty balance MODEL --plan ${f}).`);
  return lines;
}

/** The diagnosis of an infeasible plan: the smallest reductions of the targets (a diagnosis, not a result). */
function diagnosisTables(r: PlanResult, top: number): Table[] {
  if (r.diagnosis?.kind !== 'infeasible' || r.diagnosis.shortfalls.length === 0) return [];
  return [
    {
      name: 'shortfalls',
      title: 'Smallest reductions of the targets that make the plan feasible',
      columns: [{ key: 'product', label: 'target' }, { key: 'period', label: 'period' }, { key: 'amount', label: 'amount' }, { key: 'shortfall', label: 'reduce by' }, { key: 'fraction', label: 'share', digits: 3 }],
      rows: r.diagnosis.shortfalls.slice(0, top).map((s) => [s.product, s.period, s.amount, s.shortfall, s.fraction]),
      notes: r.diagnosis.binding.length > 0 ? [`Conflicting limits: ${r.diagnosis.binding.slice(0, top).map((b) => `${b.id} (${b.period})`).join(', ')}.`] : [],
    },
  ];
}

function planTables(c: CompiledEconomy, r: PlanResult, period: number, top: number): Table[] {
  const tables: Table[] = [];
  const ix = r.formulated.index;
  const pid = (t: number) => c.periods.ids[t] ?? '1';
  const levels = levelsTable(c, r);
  if (levels !== null) tables.push(levels);
  // Fulfilment: the least fulfilled targets first.
  const order = Array.from(ix.deliveryTarget, (_, g) => g).sort((a, b) => r.fulfilment[a] - r.fulfilment[b] || a - b);
  tables.push({
    name: 'fulfilment',
    title: 'Targets, least fulfilled first',
    columns: [{ key: 'target', label: 'target' }, { key: 'period', label: 'period' }, { key: 'priority', label: 'tier' }, { key: 'amount', label: 'amount' }, { key: 'delivered', label: 'delivered' }, { key: 'fulfilment', label: 'fulfilment', digits: 4 }],
    rows: order.slice(0, top).map((g) => {
      const k = ix.deliveryTarget[g];
      return [c.items.ids[c.targets.item[k]], pid(ix.deliveryPeriod[g]), c.targets.priority[k], ix.deliveryAmount[g], r.delivered[g], r.fulfilment[g]];
    }),
    notes: order.length > top ? [`… ${order.length - top} more targets (--top N, or --json for all).`] : [],
  });
  const norm = r.normalisation;
  tables.push({
    name: 'bottlenecks',
    title: 'Bottlenecks: binding limits, ranked by rent = shadow price × limit',
    columns: [{ key: 'kind', label: 'kind' }, { key: 'id', label: 'limit' }, { key: 'period', label: 'period' }, { key: 'price', label: 'shadow price' }, { key: 'limit', label: 'limit' }, { key: 'rent', label: 'rent' }, { key: 'share', label: 'share', digits: 3 }],
    rows: r.bottlenecks.slice(0, top).map((b) => [b.kind, b.id, b.period, b.price, b.limit, b.rent, b.share]),
    notes: [
      'Shadow price: objective gained per one more unit of the limit (per unit of activity for a capacity); rent: its share of the objective by the duals.',
      ...(r.bottlenecks.length > top ? [`… ${r.bottlenecks.length - top} more.`] : []),
    ],
  });
  // Valuations of the items in the chosen period, largest first.
  const n = ix.items;
  const items = Array.from({ length: n }, (_, i) => i).filter((i) => r.valuation[period * n + i] > 0).sort((a, b) => r.valuation[period * n + b] - r.valuation[period * n + a] || a - b);
  tables.push({
    name: 'valuations',
    title: `Valuations of products in ${pid(period)} (objectively determined valuations)`,
    columns: [{ key: 'item', label: 'item' }, { key: 'unit', label: 'unit' }, { key: 'valuation', label: 'valuation' }, { key: 'normalised', label: 'normalised', digits: 4 }],
    rows: items.slice(0, top).map((i) => [c.items.ids[i], c.model.products[c.itemProduct[i]].unit, r.valuation[period * n + i], norm === null ? null : r.valuation[period * n + i] * norm]),
    notes: [
      'Valuation: objective gained per one more unit of the item in the period; normalised: divided by the sum over the target items (Kantorovich’s resolving multipliers).',
      ...(items.length > top ? [`… ${items.length - top} more.`] : []),
    ],
  });
  // Competing techniques: items made by several techniques; net value at the valuations.
  const nT = ix.techniques;
  const rows: (string | number)[][] = [];
  const { rowPtr, colIdx } = c.outputs;
  for (let i = 0; i < n && rows.length < top * 3; i++) {
    if (rowPtr[i + 1] - rowPtr[i] < 2) continue;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      rows.push([c.items.ids[i], c.techniques.ids[j], r.activity[period * nT + j], r.reducedCost[period * nT + j]]);
    }
  }
  if (rows.length > 0) {
    tables.push({
      name: 'techniques',
      title: `Competing techniques in ${pid(period)}: net value per unit of activity at the valuations`,
      columns: [{ key: 'item', label: 'item' }, { key: 'technique', label: 'technique' }, { key: 'activity', label: 'activity' }, { key: 'netValue', label: 'net value' }],
      rows,
      notes: ['A technique in use below its capacity has net value 0; a negative net value is what running one unit would lose; a positive one is its capacity’s shadow price.'],
    });
  }
  return tables;
}
