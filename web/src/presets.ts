import type { Override } from './api-types.js';

/** A ready-made question: a named scenario and the overrides that pose it. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly question: string;
  readonly overrides: readonly Override[];
  /** Products whose targets the comparison looks at first. */
  readonly watch: readonly string[];
}

/** Questions for the 1930 example; on another model they apply wherever the ids exist. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'more-grain-exports',
    label: 'Export a million more tonnes of grain',
    question: 'Export a million more tonnes of grain (from Ukraine): what happens to tractors and rations?',
    overrides: [{ kind: 'price', product: 'grain@ukraine', maxExport: 4000000 }],
    watch: ['tractor', 'bread'],
  },
  {
    id: 'double-currency',
    label: 'Double the hard currency',
    question: 'Twice the hard currency for imports: which targets gain?',
    overrides: [{ kind: 'resource', resource: 'hard_currency', factor: 2 }],
    watch: ['machine_tool', 'tractor', 'turbine'],
  },
];
