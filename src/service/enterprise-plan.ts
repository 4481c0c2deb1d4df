import type { CompiledEconomy, IdIndex } from '../compile/types.js';
import { enterpriseOfTechniques } from '../execution/enterprises.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { transpose } from '../sparse/transpose.js';

/** One technique of an enterprise in one period of a plan. */
export interface EnterpriseTask {
  readonly technique: string;
  readonly period: string;
  readonly activity: number;
  /** By item id, exactly as a report names it (`tractor@north_caucasus`). */
  readonly outputs: Record<string, number>;
  readonly inputs: Record<string, number>;
  readonly resources: Record<string, number>;
}

/** The economy's coefficient matrices by technique (rows: techniques), kept per compiled economy. */
interface ByTechnique {
  readonly outputs: CsrMatrix;
  readonly inputs: CsrMatrix;
  readonly resources: CsrMatrix;
}

const byTechniqueOf = new WeakMap<CompiledEconomy, ByTechnique>();

function byTechnique(c: CompiledEconomy): ByTechnique {
  let b = byTechniqueOf.get(c);
  if (b === undefined) {
    b = { outputs: transpose(c.outputs), inputs: transpose(c.inputs), resources: transpose(c.resourceUse) };
    byTechniqueOf.set(c, b);
  }
  return b;
}

/** Technique j's positive coefficients × activity a, by id. */
function scaled(m: CsrMatrix, ids: IdIndex, j: number, a: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let p = m.rowPtr[j]; p < m.rowPtr[j + 1]; p++) if (m.values[p] > 0) out[ids.ids[m.colIdx[p]]] = m.values[p] * a;
  return out;
}

/**
 * An enterprise's share of a plan: for each of its techniques (by the model's `enterprise` field;
 * a technique without one is an enterprise of its own) and each period, the planned activity and
 * the outputs, inputs and resource use it implies. Items are named by their item id, exactly as a
 * report must name them (never a bare product made in several regions).
 */
export function enterprisePlan(c: CompiledEconomy, activity: Readonly<Record<string, Readonly<Record<string, number>>>>, enterprise: string): EnterpriseTask[] {
  const b = byTechnique(c);
  const own = enterpriseOfTechniques(c).flatMap((e, j) => (e === enterprise ? [j] : []));
  const tasks: EnterpriseTask[] = [];
  for (const period of c.periods.ids) {
    for (const j of own) {
      const technique = c.techniques.ids[j];
      const a = activity[period]?.[technique] ?? 0;
      tasks.push({ technique, period, activity: a, outputs: scaled(b.outputs, c.items, j, a), inputs: scaled(b.inputs, c.items, j, a), resources: scaled(b.resources, c.resources, j, a) });
    }
  }
  return tasks;
}

/** The units of the items and resources an enterprise's tasks name (a product's unit for each of its items). */
export function enterpriseUnits(c: CompiledEconomy, tasks: readonly EnterpriseTask[]): { items: Record<string, string>; resources: Record<string, string> } {
  const items: Record<string, string> = {};
  const resources: Record<string, string> = {};
  for (const t of tasks) {
    for (const id of [...Object.keys(t.outputs), ...Object.keys(t.inputs)]) {
      const i = c.items.index.get(id);
      if (i !== undefined) items[id] = c.model.products[c.itemProduct[i]].unit;
    }
    for (const id of Object.keys(t.resources)) {
      const r = c.resources.index.get(id);
      if (r !== undefined) resources[id] = c.model.resources[r].unit;
    }
  }
  return { items, resources };
}
