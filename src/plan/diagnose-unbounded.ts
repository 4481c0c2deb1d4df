import type { CompiledEconomy } from '../compile/types.js';
import type { PlanIndex, UnboundedDiagnosis } from './plan-types.js';

/** Targets and resources named in the message (the lists in the diagnosis are whole). */
const NAMED = 4;

/** Resource ids that name a primary input: the mincost resource suggested first. */
const PRIMARY = /labou?r|value.?added|wage|employ|work/i;

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED).join(', ');
  return ids.length > NAMED ? `${shown} and ${ids.length - NAMED} more` : shown;
}

/**
 * Why a maxmin plan is unbounded: the level of an uncapped tier (the last tier, or every tier with
 * `cap: Infinity`) can grow without limit because its target items can be made in any amount.
 * An item can be made in any amount when some technique making it has no capacity, uses no resource
 * with a finite availability in any period, and needs only inputs that can themselves be made in
 * any amount (the largest such set, so that loops of items count). The diagnosis names the tier's
 * targets whose items are free in this sense, the techniques and the unlimited resources that make
 * them, and the objectives that are bounded on such a model: mincost of a resource the free
 * techniques use (every target met in full at the least use of it), and maxmin capped at 1.
 */
export function diagnoseUnbounded(c: CompiledEconomy, ix: PlanIndex, priority: number | null): UnboundedDiagnosis {
  const nI = c.items.ids.length;
  const nJ = c.techniques.ids.length;
  const nR = c.resources.ids.length;
  const nT = c.periods.ids.length;
  const unlimited = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    let all = true;
    for (let t = 0; t < nT; t++) if (Number.isFinite(c.available[r * nT + t])) all = false;
    unlimited[r] = all ? 1 : 0;
  }
  // Per technique: its inputs and resources (columns of the items × techniques matrices).
  const inputsOf: number[][] = Array.from({ length: nJ }, () => []);
  for (let i = 0; i < nI; i++) for (let k = c.inputs.rowPtr[i]; k < c.inputs.rowPtr[i + 1]; k++) if (c.inputs.values[k] > 0) inputsOf[c.inputs.colIdx[k]].push(i);
  const usesLimited = new Uint8Array(nJ);
  const resourcesOf: number[][] = Array.from({ length: nJ }, () => []);
  for (let r = 0; r < nR; r++) {
    for (let k = c.resourceUse.rowPtr[r]; k < c.resourceUse.rowPtr[r + 1]; k++) {
      if (!(c.resourceUse.values[k] > 0)) continue;
      const j = c.resourceUse.colIdx[k];
      resourcesOf[j].push(r);
      if (unlimited[r] === 0) usesLimited[j] = 1;
    }
  }
  const makers: number[][] = Array.from({ length: nI }, () => []);
  for (let i = 0; i < nI; i++) for (let k = c.outputs.rowPtr[i]; k < c.outputs.rowPtr[i + 1]; k++) if (c.outputs.values[k] > 0) makers[i].push(c.outputs.colIdx[k]);

  // Largest fixed point: start with every candidate technique free, drop those with an input no free technique makes.
  const free = new Uint8Array(nJ);
  for (let j = 0; j < nJ; j++) free[j] = usesLimited[j] === 0 && !Number.isFinite(c.capacity[j]) ? 1 : 0;
  const itemFree = new Uint8Array(nI);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < nI; i++) itemFree[i] = makers[i].some((j) => free[j] === 1) ? 1 : 0;
    for (let j = 0; j < nJ; j++) {
      if (free[j] === 1 && inputsOf[j].some((i) => itemFree[i] === 0)) {
        free[j] = 0;
        changed = true;
      }
    }
  }

  const tier = priority === null ? -1 : ix.tiers.indexOf(priority);
  const targets: UnboundedDiagnosis['targets'][number][] = [];
  const reached = new Set<number>();
  const used = new Set<number>();
  const visit = (i: number): void => {
    for (const j of makers[i]) {
      if (free[j] === 0 || reached.has(j)) continue;
      reached.add(j);
      for (const r of resourcesOf[j]) used.add(r);
      for (const x of inputsOf[j]) visit(x);
    }
  };
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    if ((tier >= 0 && ix.deliveryTier[g] !== tier) || !(ix.deliveryAmount[g] > 0)) continue;
    const item = c.targets.item[ix.deliveryTarget[g]];
    if (itemFree[item] === 0) continue;
    targets.push({ target: ix.deliveryTarget[g], product: c.items.ids[item], period: c.periods.ids[ix.deliveryPeriod[g]] ?? String(ix.deliveryPeriod[g] + 1), amount: ix.deliveryAmount[g] });
    visit(item);
  }
  const techniques = [...reached].sort((a, b) => a - b).map((j) => c.techniques.ids[j]);
  const resources = [...used].sort((a, b) => a - b).map((r) => c.resources.ids[r]);
  const suggestions: UnboundedDiagnosis['suggestions'][number][] = [];
  // A primary input people minimise (labour, value added) before one they would not (emissions).
  const resource = resources.find((id) => id === 'labour') ?? resources.find((id) => PRIMARY.test(id)) ?? resources[0];
  if (resource !== undefined) suggestions.push({ objective: { kind: 'mincost', resource }, reason: `meets every target in full with the least total use of ${resource}` });
  suggestions.push({ objective: { kind: 'maxmin', cap: 1 }, reason: 'fulfils every tier up to its targets and no further' });
  const tierText = priority === null ? 'the plan' : `the level of tier ${priority}`;
  const items = [...new Set(targets.map((t) => t.product))];
  const one = techniques.length === 1;
  const uses = resources.length === 0 ? `${one ? 'uses' : 'use'} no resource` : `${one ? 'uses' : 'use'} only ${names(resources)}, which ${resources.length === 1 ? 'has' : 'have'} no availability in the model`;
  const fix = resources.length === 0 ? `give ${one ? 'it' : 'them'} a capacity` : `give ${resources.length === 1 ? 'it an availability' : 'them availabilities'}`;
  const choose = resource === undefined ? 'cap the tiers at 1' : `choose mincost of ${resource} (every target met in full at the least ${resource})`;
  const message =
    items.length === 0
      ? `${tierText} grows without limit, but no target item is free of every limit on its own (trade or stocks may supply it without bound): cap the tiers at 1, or limit the trade`
      : `${tierText} grows without limit: ${names(items)} can be made in any amount (${one ? 'the technique' : 'the techniques'} ${names(techniques)} ${uses}, and no capacity bounds ${one ? 'it' : 'them'}); ${fix}, or ${choose}`;
  return { kind: 'unbounded', priority, targets, techniques, resources, suggestions, message };
}
