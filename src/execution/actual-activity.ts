import type { CompiledEconomy } from '../compile/types.js';
import { transpose } from '../sparse/transpose.js';
import { collectReports } from './collect-reports.js';
import { enterprises } from './enterprises.js';
import type { ExecutionPlan, Report } from './types.js';

export interface ActualActivity {
  /** Per technique and period (period-major): activity implied by the reports, planned where none covers it. */
  readonly activity: Float64Array;
  /** Per technique and period: 1 where reports cover the technique, else 0. */
  readonly reported: Uint8Array;
}

/**
 * Activity levels implied by reported outputs. A report naming a technique speaks for that
 * technique only; a report without one splits each reported output among the enterprise's
 * techniques that make the item in proportion to their planned output of it (to their output per
 * unit of activity when none was planned). A technique is covered when a report gives an output
 * of an item it makes; its activity is then Σ attributed output ÷ Σ output per unit of activity
 * over the items it makes (for a single product: reported output ÷ output coefficient; a joint
 * product no report mentions counts as 0). Techniques no report covers keep their planned activity.
 */
export function actualActivity(c: CompiledEconomy, plan: ExecutionPlan, reports: readonly Report[]): ActualActivity {
  const nT = c.techniques.ids.length;
  const nPer = Math.max(1, c.periods.ids.length);
  const byTechnique = transpose(c.outputs);
  const { rowPtr, colIdx, values } = byTechnique;
  const members = enterprises(c);
  const attributed = new Float64Array(nPer * nT);
  const reported = new Uint8Array(nPer * nT);
  const coefficient = (i: number, j: number): number => {
    for (let p = rowPtr[j]; p < rowPtr[j + 1]; p++) if (colIdx[p] === i) return values[p];
    return 0;
  };
  for (const r of collectReports(c, reports)) {
    const t = r.period;
    if (r.technique >= 0) {
      const j = r.technique;
      for (const [i, v] of r.outputs) {
        if (!(coefficient(i, j) > 0)) continue;
        attributed[t * nT + j] += v;
        reported[t * nT + j] = 1;
      }
      continue;
    }
    const own = members.get(r.enterprise) ?? [];
    for (const [i, v] of r.outputs) {
      for (const j of own) if (coefficient(i, j) > 0) reported[t * nT + j] = 1;
      let sum = 0;
      for (const j of own) sum += coefficient(i, j) * plan.activity[t * nT + j];
      const byPlan = sum > 0;
      if (!byPlan) for (const j of own) sum += coefficient(i, j);
      if (!(sum > 0)) continue;
      for (const j of own) {
        const w = coefficient(i, j) * (byPlan ? plan.activity[t * nT + j] : 1);
        attributed[t * nT + j] += (v * w) / sum;
      }
    }
  }
  const activity = new Float64Array(nPer * nT);
  for (let t = 0; t < nPer; t++) {
    for (let j = 0; j < nT; j++) {
      const k = t * nT + j;
      if (reported[k] === 0) {
        activity[k] = plan.activity[k];
        continue;
      }
      let per = 0;
      for (let p = rowPtr[j]; p < rowPtr[j + 1]; p++) if (values[p] > 0) per += values[p];
      activity[k] = per > 0 ? attributed[k] / per : plan.activity[k];
    }
  }
  return { activity, reported };
}
