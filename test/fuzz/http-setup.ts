import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { SMALL_YAML } from '../execution/economies.js';
import { exampleText } from './small-models.js';

/** What an enterprise of the setup's model runs, makes and uses (item ids as reports name them). */
export interface EnterpriseWork {
  readonly techniques: readonly string[];
  readonly outputs: readonly string[];
  readonly inputs: readonly string[];
}

const compiled = compileEconomy(parseEconomy(SMALL_YAML, { file: 'small.yaml' }));

function workOf(c: typeof compiled): Readonly<Record<string, EnterpriseWork>> {
  const work: Record<string, { techniques: string[]; outputs: Set<string>; inputs: Set<string> }> = {};
  c.model.techniques.forEach((t, j) => {
    const w = (work[t.enterprise ?? t.id] ??= { techniques: [], outputs: new Set(), inputs: new Set() });
    w.techniques.push(t.id);
    for (const [m, into] of [
      [c.outputs, w.outputs],
      [c.inputs, w.inputs],
    ] as const) {
      for (let i = 0; i < m.rows; i++) for (let q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) if (m.colIdx[q] === j && m.values[q] !== 0) into.add(c.items.ids[i]);
    }
  });
  return Object.fromEntries(Object.entries(work).map(([e, w]) => [e, { techniques: w.techniques, outputs: [...w.outputs], inputs: [...w.inputs] }]));
}

/**
 * What every HTTP fuzz session starts from: the tests' two-region economy uploaded as `small`,
 * Kantorovich's excavator as `excavator`, the base scenario of `small` solved and published, and
 * every enterprise of `small` registered with a token.
 */
export const SETUP = {
  models: ['small', 'excavator'],
  texts: { small: SMALL_YAML, excavator: exampleText('kantorovich/excavator.yaml') } as Readonly<Record<string, string>>,
  periods: ['p1', 'p2'],
  products: ['grain', 'bread', 'haul'],
  items: ['grain@north', 'grain@south', 'bread@north', 'bread@south', 'haul@north', 'grain', 'bread'],
  resources: ['labour', 'line'],
  techniques: ['farm_north', 'farm_south', 'bakery_north', 'bakery_south', 'haulage', 'rail_grain_north_to_south'],
  enterprises: ['North Farm', 'South Farm', 'North Bakery', 'South Bakery', 'Railway'],
  work: workOf(compiled),
} as const;

/** Planned amounts: enterprise → period → item → amount (outputs and inputs added). */
export type PlannedAmounts = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;

/** What each enterprise of the setup's model makes and uses in each period under a plan's activity (`period → technique → level`). */
export function plannedAmounts(activity: Readonly<Record<string, Readonly<Record<string, number>>>>): PlannedAmounts {
  const c = compiled;
  const out: Record<string, Record<string, Record<string, number>>> = {};
  for (const [period, levels] of Object.entries(activity)) {
    c.model.techniques.forEach((t, j) => {
      const a = levels[t.id] ?? 0;
      const mine = ((out[t.enterprise ?? t.id] ??= {})[period] ??= {});
      for (const m of [c.outputs, c.inputs]) {
        for (let i = 0; i < m.rows; i++) for (let q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) if (m.colIdx[q] === j) mine[c.items.ids[i]] = (mine[c.items.ids[i]] ?? 0) + m.values[q] * a;
      }
    });
  }
  return out;
}
