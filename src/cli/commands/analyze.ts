import { compileEconomy, demandVector, leontiefSystem, planActivities } from '../../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../../compile/index.js';
import { coefficientMultipliers, grossOutput, labourValues, outputMultipliers, totalRequirements } from '../../leontief/index.js';
import type { LeontiefOptions, SolveReport } from '../../leontief/index.js';
import { finalUse } from '../../balance/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { loadModel } from '../load-model.js';
import type { Table } from '../../report/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { createProgress } from '../progress.js';

export interface AnalyzeFlags extends EncodingFlags {
  readonly demand?: string;
  readonly multipliers?: boolean;
  readonly labourValues?: boolean;
  readonly labour?: string;
  readonly footprints?: boolean;
  readonly inverse?: boolean;
  readonly tolerance?: string;
  readonly period?: string;
}

function solveNote(what: string, r: SolveReport): string {
  const bounds = r.spectralRadius !== undefined ? ` (spectral radius between ${r.spectralRadius.lower.toPrecision(4)} and ${r.spectralRadius.upper.toPrecision(4)})` : '';
  return `${what}: ${r.status}, ${r.iterations} iterations, relative residual ${r.relativeResidual.toExponential(2)}${bounds}`;
}

/** The labour row: --labour ID, else a resource named like labour or employment, if exactly one is. */
function labourRow(c: CompiledEconomy, chosen: string | undefined): string {
  const ids = c.resources.ids;
  if (chosen !== undefined) {
    if (!c.resources.index.has(chosen)) throw inputError('unknown-id', `--labour names no resource (resources: ${ids.join(', ')})`, { path: ['--labour'] }, chosen);
    return chosen;
  }
  const exact = ids.filter((id) => /^(labou?r|employment)$/i.test(id));
  if (exact.length === 1) return exact[0];
  const like = ids.filter((id) => /labou?r|employ/i.test(id));
  if (like.length === 1) return like[0];
  throw inputError('missing', `say which resource is labour with --labour ID (candidates: ${(like.length > 0 ? like : ids).join(', ') || 'none'})`, { path: ['--labour'] });
}

/**
 * `plenty analyze MODEL`: what a final demand requires (gross outputs), and on request
 * multipliers, labour values, footprints by region of final demand, and the Leontief inverse.
 */
export async function analyzeCommand(modelPath: string, flags: AnalyzeFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadModel(modelPath, read);
  const c = compileEconomy(economy);
  const tolerance = flags.tolerance === undefined ? undefined : Number(flags.tolerance);
  if (tolerance !== undefined && !(tolerance > 0 && tolerance < 1)) throw inputError('invalid-option', '--tolerance must be a number between 0 and 1', { path: ['--tolerance'] }, flags.tolerance);
  let period = 0;
  if (flags.period !== undefined) {
    const p = c.periods.index.get(flags.period);
    if (p === undefined) throw inputError('unknown-id', `--period names no period (periods: ${c.periods.ids.join(', ')})`, { path: ['--period'] }, flags.period);
    period = p;
  }
  // Where several techniques make an item, the model's own plan says which one runs.
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys: LeontiefSystem = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const y = flags.demand !== undefined ? demandVector(c, await loadDemand(flags.demand, read)) : finalUse(c, period);
  const ids = c.items.ids;
  const unit = (i: number) => economy.products[c.itemProduct[i]]?.unit ?? '';

  const progress = createProgress('solving');
  const opts: LeontiefOptions = {
    ...(tolerance !== undefined ? { tolerance } : {}),
    onProgress: (it, res) => progress.update(null, `iteration ${it}, residual ${res.toExponential(1)}`),
  };
  const tables: Table[] = [];
  const json: Record<string, unknown> = { model: economy.name, demand: flags.demand ?? 'targets', items: ids };

  const go = grossOutput(sys, y, opts);
  json.grossOutput = { status: go.status, iterations: go.iterations, relativeResidual: go.relativeResidual, finalDemand: y, x: go.x, ...(go.spectralRadius ? { spectralRadius: go.spectralRadius } : {}) };
  tables.push({
    name: 'gross_output',
    title: `Gross output required by the final demand (${flags.demand ?? 'the model’s targets'})`,
    columns: [
      { key: 'item', label: 'item' },
      { key: 'unit', label: 'unit' },
      { key: 'final_demand', label: 'final demand' },
      { key: 'gross_output', label: 'gross output' },
    ],
    rows: ids.map((id, i) => [id, unit(i), y[i], go.x[i]]),
    notes: [solveNote('(I − A) x = y', go)],
  });

  if (flags.multipliers === true) {
    const om = outputMultipliers(sys, opts);
    const rows = c.resources.ids.length > 0 ? coefficientMultipliers(sys, c.resources.ids, opts) : undefined;
    json.multipliers = {
      status: om.status,
      relativeResidual: Math.max(om.relativeResidual, rows?.relativeResidual ?? 0),
      output: om.multipliers,
      rows: Object.fromEntries((rows?.names ?? []).map((name, k) => [name, { direct: rows?.direct[k], total: rows?.multipliers[k] }])),
    };
    tables.push({
      name: 'multipliers',
      title: 'Multipliers per unit of final demand (output: all gross output; each resource: direct and indirect use)',
      columns: [
        { key: 'item', label: 'item' },
        { key: 'output', label: 'output' },
        ...(rows?.names ?? []).map((name) => ({ key: name, label: name, unit: `${economy.resources[c.resources.index.get(name) ?? 0]?.unit ?? ''}/unit` })),
      ],
      rows: ids.map((id, i) => [id, om.multipliers[i], ...(rows?.multipliers ?? []).map((m) => m[i])]),
      notes: [solveNote('output multipliers', om), ...(rows !== undefined ? [solveNote(`multipliers of ${rows.names.length} resource rows`, rows)] : [])],
    });
  }

  if (flags.labourValues === true) {
    const lab = labourRow(c, flags.labour);
    const lv = labourValues(sys, lab, { ...opts, finalDemand: y });
    json.labourValues = { labour: lab, status: lv.status, relativeResidual: lv.relativeResidual, direct: lv.direct, values: lv.values, identity: lv.identity === undefined ? null : { valueOfFinalDemand: lv.identity.valueOfFinalDemand, totalLabour: lv.identity.totalLabour, relativeDifference: lv.identity.relativeDifference } };
    const labUnit = economy.resources[c.resources.index.get(lab) ?? 0]?.unit ?? '';
    tables.push({
      name: 'labour_values',
      title: `Labour values: ${lab} embodied per unit, directly and indirectly (v = l (I − A)⁻¹)`,
      columns: [
        { key: 'item', label: 'item' },
        { key: 'unit', label: 'per unit of' },
        { key: 'direct', label: 'direct', unit: labUnit },
        { key: 'embodied', label: 'embodied', unit: labUnit },
      ],
      rows: ids.map((id, i) => [id, unit(i), lv.direct[i], lv.values[i]]),
      notes: [
        solveNote('v (I − A) = l', lv),
        ...(lv.identity !== undefined ? [`v·y = ${lv.identity.valueOfFinalDemand.toPrecision(8)} and l·x = ${lv.identity.totalLabour.toPrecision(8)} (relative difference ${lv.identity.relativeDifference.toExponential(2)})`] : []),
      ],
    });
  }

  if (flags.footprints === true) tables.push(footprints(c, sys, y, flags.demand !== undefined, period, opts, json));

  if (flags.inverse === true) {
    const L = totalRequirements(sys, opts);
    const n = ids.length;
    const row = (i: number): number[] => Array.from(L.inverse.subarray(i * n, (i + 1) * n));
    json.inverse = { status: L.status, L: ids.map((_, i) => row(i)) };
    tables.push({
      name: 'inverse',
      title: 'Leontief inverse L = (I − A)⁻¹ (column j: everything needed per unit of final demand for j)',
      columns: [{ key: 'item', label: 'item' }, ...ids.map((id) => ({ key: id, label: id }))],
      rows: ids.map((id, i) => [id, ...row(i)]),
      notes: L.status !== 'converged' ? [`The inverse does not exist: ${L.status}`] : [],
    });
  }
  progress.done();
  return { tables, json };
}

/**
 * Consumption-based footprints: for each resource row, the direct and indirect use behind the
 * final demand of each region (targets by their region; direct use by final demand added), the
 * accounts pymrio calls D_cba_reg. With a demand file, one column for the whole demand.
 */
function footprints(c: CompiledEconomy, sys: LeontiefSystem, y: Float64Array, fromFile: boolean, period: number, opts: LeontiefOptions, json: Record<string, unknown>): Table {
  const m = coefficientMultipliers(sys, c.resources.ids, opts);
  const regions = fromFile || c.regions.ids.length === 0 ? ['all'] : [...c.regions.ids, 'unassigned'];
  const perRegion: Float64Array[] = regions.map(() => new Float64Array(c.items.ids.length));
  if (regions.length === 1) perRegion[0].set(y);
  else {
    const t = c.targets;
    for (let k = 0; k < t.item.length; k++) {
      if (t.period[k] >= 0 && t.period[k] !== period) continue;
      perRegion[t.region[k] >= 0 ? t.region[k] : regions.length - 1][t.item[k]] += t.amount[k];
    }
  }
  const values = m.names.map((_, r) =>
    perRegion.map((yr, g) => {
      let s = 0;
      const mr = m.multipliers[r];
      for (let i = 0; i < yr.length; i++) if (yr[i] !== 0) s += mr[i] * yr[i];
      if (!fromFile) {
        const d = c.directUse;
        for (let k = 0; k < d.resource.length; k++) {
          if (d.resource[k] !== r) continue;
          const region = d.region[k] >= 0 ? d.region[k] : regions.length - 1;
          if (region === g || regions.length === 1) s += d.amount[k];
        }
      }
      return s;
    }),
  );
  const keep = regions.map((_, g) => g).filter((g) => regions[g] !== 'unassigned' || values.some((row) => row[g] !== 0));
  json.footprints = { status: m.status, relativeResidual: m.relativeResidual, regions: keep.map((g) => regions[g]), rows: Object.fromEntries(m.names.map((name, r) => [name, keep.map((g) => values[r][g])])) };
  return {
    name: 'footprints',
    title: 'Footprints: resource use behind each region’s final demand, direct and indirect (consumption-based)',
    columns: [{ key: 'resource', label: 'resource' }, { key: 'unit', label: 'unit' }, ...keep.map((g) => ({ key: regions[g], label: regions[g] }))],
    rows: m.names.map((name, r) => [name, c.model.resources[r]?.unit ?? '', ...keep.map((g) => values[r][g])]),
    notes: [solveNote('m (I − A) = c', m)],
  };
}
