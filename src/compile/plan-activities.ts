import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { magnitudeIssue, numberText } from '../model/magnitude-issue.js';
import { numberSubject } from '../model/number-subject.js';
import { locationOf } from '../model/source-locations.js';
import { didYouMean } from '../model/suggest.js';
import type { Plan } from '../model/types.js';
import { outputOf, producers } from './producers.js';
import { resolveItem } from './resolve-item.js';
import type { CompiledEconomy } from './types.js';

export interface PlanActivities {
  /** Activity level per technique. */
  readonly activity: Float64Array;
  /** Imports per item. */
  readonly imports: Float64Array;
  /** Exports per item. */
  readonly exports: Float64Array;
  /** Drawn from stocks, per item. */
  readonly fromStock: Float64Array;
  /** Added to stocks, per item. */
  readonly toStock: Float64Array;
  /** Availability added by earlier investment, per resource. */
  readonly built: Float64Array;
  /** Period index (the model's first when the plan names none). */
  readonly period: number;
}

/** Relative tolerance for two outputs of one joint-product technique implying the same activity. */
const JOINT_TOLERANCE = 1e-9;

/**
 * Activity levels, imports and exports of a plan. A plan given by `output` per item sets the
 * activity of the item's technique to output ÷ output per unit of activity. Errors (with the plan's
 * location): an item several techniques make (give `activity` instead), an item no technique makes
 * with positive output (it can only be imported), two outputs of one joint-product technique that
 * imply different activities, unknown ids, negative amounts and numbers outside the magnitude rule
 * (finite, at most 1e30; also the activity an output implies).
 */
export function planActivities(c: CompiledEconomy, plan: Plan): PlanActivities {
  const nT = c.techniques.ids.length;
  const n = c.items.ids.length;
  const activity = new Float64Array(nT);
  const imports = new Float64Array(n);
  const exports = new Float64Array(n);
  const fromStock = new Float64Array(n);
  const toStock = new Float64Array(n);
  const built = new Float64Array(c.resources.ids.length);
  const issues: Issue[] = [];
  /** Plan fields as the file names them (for locations and messages). */
  const fileField = (field: string): string => (field === 'fromStock' ? 'from_stock' : field === 'toStock' ? 'to_stock' : field);
  const at = (field: string, key: string) => locationOf(plan, [fileField(field), key], true);
  const amount = (field: string, key: string, v: number): boolean => {
    const where = locationOf(plan, [fileField(field), key]);
    const outside = magnitudeIssue(v, where, numberSubject({}, [fileField(field), key]));
    if (outside !== undefined) issues.push(outside);
    else if (v < 0) issues.push({ code: 'negative', message: 'must not be negative', location: where, value: v });
    else return true;
    return false;
  };

  let period = 0;
  if (plan.period !== undefined) {
    const t = c.periods.index.get(plan.period);
    if (t === undefined) issues.push({ code: 'unknown-id', message: `unknown period "${plan.period}"${didYouMean(plan.period, c.periods.ids)}`, location: locationOf(plan, ['period']), value: plan.period });
    else period = t;
  }
  if (plan.activity !== undefined && plan.output !== undefined) {
    issues.push({ code: 'ambiguous-plan', message: 'a plan gives either "activity" (per technique) or "output" (per product), not both', location: locationOf(plan, ['output'], true) });
  }
  for (const [key, v] of Object.entries(plan.activity ?? {})) {
    const j = c.techniques.index.get(key);
    if (j === undefined) issues.push({ code: 'unknown-id', message: `unknown technique "${key}"${didYouMean(key, c.techniques.ids)}`, location: at('activity', key), value: key });
    else if (amount('activity', key, v)) activity[j] = v;
  }
  const setBy = new Map<number, string>();
  for (const [key, v] of Object.entries(plan.output ?? {})) {
    const i = resolveItem(c, key, at('output', key));
    if (typeof i !== 'number') {
      issues.push(i);
      continue;
    }
    if (!amount('output', key, v) || v === 0) continue;
    const js = producers(c, i);
    if (js.length === 0) {
      issues.push({ code: 'not-produced', message: `no technique produces "${c.items.ids[i]}": it can only be imported (put it under imports)`, location: at('output', key), value: key });
      continue;
    }
    if (js.length > 1) {
      issues.push({
        code: 'ambiguous-output',
        message: `"${c.items.ids[i]}" is made by several techniques (${js.map((j) => `"${c.techniques.ids[j]}"`).join(', ')}); give the plan as activity per technique`,
        location: at('output', key),
        value: key,
      });
      continue;
    }
    const j = js[0];
    const level = v / outputOf(c, i, j);
    const overflow = magnitudeIssue(level, at('output', key), `the activity of technique "${c.techniques.ids[j]}" that makes ${numberText(v)} of "${c.items.ids[i]}" (${numberText(outputOf(c, i, j))} per unit)`);
    if (overflow !== undefined) {
      issues.push(overflow);
      continue;
    }
    const previous = setBy.get(j);
    if (previous !== undefined && Math.abs(activity[j] - level) > JOINT_TOLERANCE * Math.max(activity[j], level)) {
      issues.push({
        code: 'inconsistent-output',
        message: `technique "${c.techniques.ids[j]}" makes both "${previous}" and "${key}": their outputs imply activities ${activity[j]} and ${level}`,
        location: at('output', key),
        value: v,
      });
      continue;
    }
    activity[j] = level;
    setBy.set(j, key);
  }
  for (const [field, target] of [['imports', imports], ['exports', exports], ['fromStock', fromStock], ['toStock', toStock]] as const) {
    for (const [key, v] of Object.entries(plan[field] ?? {})) {
      const i = resolveItem(c, key, at(field, key));
      if (typeof i !== 'number') issues.push(i);
      else if (amount(field, key, v)) target[i] = v;
    }
  }
  for (const [key, v] of Object.entries(plan.built ?? {})) {
    const r = c.resources.index.get(key);
    if (r === undefined) issues.push({ code: 'unknown-id', message: `unknown resource "${key}"${didYouMean(key, c.resources.ids)}`, location: at('built', key), value: key });
    else if (amount('built', key, v)) built[r] = v;
  }
  if (issues.length > 0) throw new InputError(issues);
  return { activity, imports, exports, fromStock, toStock, built, period };
}
