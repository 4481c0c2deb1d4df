import type { ObjectiveSpec } from './api-types.js';

export type ObjectiveKind = ObjectiveSpec['kind'];

/** The objectives of docs/optimize.md, each in a sentence for the planner. */
export const OBJECTIVES: readonly { readonly kind: ObjectiveKind; readonly label: string; readonly sentence: string }[] = [
  {
    kind: 'maxmin',
    label: 'maxmin — complete sets (Kantorovich)',
    sentence:
      'Raises the fulfilment level λ of the targets tier by tier: every target of a tier gets at least λ × its amount, tier 1 first; the last tier is uncapped (λ = 86⅔ complete sets in Kantorovich’s example). Only the periods that set λ carry valuations.',
  },
  {
    kind: 'weighted',
    label: 'weighted — sum of fulfilment',
    sentence: 'Maximises Σ weight × fulfilment over every target and period, with no credit beyond a target’s amount; earlier tiers weigh 10 times more by default.',
  },
  {
    kind: 'harmony',
    label: 'harmony — shortfalls cost more than surpluses gain',
    sentence: 'Like weighted, but fulfilment beyond a target still counts a little (slope 0.1, up to twice the target), so every period’s limits carry valuations.',
  },
  {
    kind: 'mincost',
    label: 'mincost — least use of a resource',
    sentence: 'Meets every target in full with the least total use of one resource (labour by default); infeasible when the targets cannot all be met. Fits an input–output table without limits.',
  },
];

export function objectiveSentence(kind: string): string {
  return OBJECTIVES.find((o) => o.kind === kind)?.sentence ?? '';
}

/** An objective in words: `mincost of labour`, `maxmin (cap 1)`. */
export function objectiveText(o: ObjectiveSpec): string {
  const parts: string[] = [];
  if (o.resource !== undefined) parts.push(`of ${o.resource.replace(/_/g, ' ')}`);
  if (o.cap !== undefined && o.cap !== null) parts.push(`(cap ${o.cap})`);
  if (o.periods === 'common') parts.push('(one λ for all periods)');
  return [o.kind, ...parts].join(' ');
}
