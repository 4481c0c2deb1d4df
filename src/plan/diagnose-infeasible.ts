import type { CompiledEconomy } from '../compile/types.js';
import { nnz } from '../sparse/csr.js';
import { chooseSolver } from '../lp/choose-solver.js';
import { findBottlenecks } from './find-bottlenecks.js';
import { formulatePlan } from './formulate.js';
import type { FormulatedPlan, InfeasibilityDiagnosis, SolvePlanOptions } from './plan-types.js';
import { readPlanSolution } from './read-plan-solution.js';

/**
 * Why no plan meets the targets. First, resources whose direct use by final demand alone exceeds
 * their availability (nothing a plan does can fix these). Then the elastic plan: every target may
 * fall short, and the LP minimises Σ shortfall/amount (the weighted objective with equal weights,
 * credit capped at the amount). Its shortfalls are the smallest relative reductions of the targets
 * that make the plan feasible; the limits that bind in it are what conflicts with the targets.
 */
export async function diagnoseInfeasible(c: CompiledEconomy, f: FormulatedPlan, options: SolvePlanOptions): Promise<InfeasibilityDiagnosis> {
  const ix = f.index;
  const nR = ix.resources;
  const overcommitted: InfeasibilityDiagnosis['overcommitted'][number][] = [];
  for (let t = 0; t < ix.periods; t++) {
    for (let r = 0; r < nR; r++) {
      const row = ix.resourceRow[t * nR + r];
      if (row >= 0 && f.lp.rowUpper[row] < 0) {
        overcommitted.push({ resource: c.resources.ids[r], period: c.periods.ids[t] ?? String(t + 1), available: ix.baseAvailable[t * nR + r], directUse: ix.directUse[r] });
      }
    }
  }
  const weights: Record<number, number> = {};
  for (const p of ix.tiers) weights[p] = 1;
  const elastic = formulatePlan(c, { kind: 'weighted', weights });
  const solver = await chooseSolver(options.solver ?? 'auto', nnz(elastic.lp.A));
  const s = await solver.solve(elastic.lp, { ...(options.gap === undefined ? {} : { gap: options.gap }), ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }) });
  if (s.status !== 'optimal') {
    const message =
      overcommitted.length > 0
        ? `direct use exceeds availability of ${overcommitted.map((o) => `${o.resource} in ${o.period}`).join(', ')}: no plan can meet it`
        : `the elastic plan could not be solved either (${s.status})`;
    return { kind: 'infeasible', status: s.status, shortfalls: [], binding: [], overcommitted, message };
  }
  const q = readPlanSolution(c, elastic, s);
  const shortfalls: InfeasibilityDiagnosis['shortfalls'][number][] = [];
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    const amount = ix.deliveryAmount[g];
    const short = amount - q.delivered[g];
    if (short > 1e-9 * Math.max(1, amount)) {
      const k = ix.deliveryTarget[g];
      shortfalls.push({ target: k, product: c.items.ids[c.targets.item[k]], period: c.periods.ids[ix.deliveryPeriod[g]] ?? '1', amount, shortfall: short, fraction: short / amount });
    }
  }
  shortfalls.sort((a, b) => b.fraction - a.fraction || a.target - b.target);
  const binding = findBottlenecks(c, elastic, s, { resourcePrice: q.resourcePrice, available: q.available, reducedCost: q.reducedCost, objectiveValue: s.objective });
  const named = binding.slice(0, 5).map((b) => `${b.kind === 'capacity' ? 'capacity of ' : ''}${b.id} (${b.period})`);
  const message =
    shortfalls.length === 0
      ? 'the elastic plan meets every target: the infeasibility lies elsewhere (check stocks and trade caps)'
      : `${shortfalls.length} target${shortfalls.length === 1 ? '' : 's'} cannot be met in full; the smallest reductions are listed` + (named.length > 0 ? `; they conflict with ${named.join(', ')}` : '');
  return { kind: 'infeasible', status: s.status, shortfalls, binding, overcommitted, message };
}
