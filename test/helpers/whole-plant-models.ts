import { seededRandom } from './random.js';

/** Widgets made by hand (2 h each) or by a plant that runs at 0 or at least 5 (1 h each, up to 100); `target` widgets wanted. */
export function lotModel(target: number): string {
  return `
products: [{ id: widget, unit: unit }]
resources: [{ id: labour, unit: h }]
techniques:
  - { id: by_hand, produces: { widget: 1 }, uses: { labour: 2 } }
  - { id: plant, produces: { widget: 1 }, uses: { labour: 1 }, capacity: 100, min_lot: 5 }
targets: [{ product: widget, amount: ${target} }]
`;
}

/**
 * A plan that branch and bound cannot finish in seconds: a market split (Cornuéjols and Dawande)
 * as a plan. 36 whole plants, each using random amounts of 4 limited resources and making as many
 * widgets as it uses in all; the resources are half of what all plants would use; the target is
 * their total, so λ = 1 exactly when some set of plants uses every resource to the last unit.
 */
export function hardPlan(seed: number): string {
  const rand = seededRandom(seed);
  const m = 4;
  const n = 36;
  const a = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.floor(100 * rand())));
  const half = Array.from({ length: m }, (_, i) => Math.floor(a.reduce((s, row) => s + row[i], 0) / 2));
  const total = half.reduce((s, v) => s + v, 0);
  const lines = [
    'products: [{ id: widget, unit: unit }]',
    'resources:',
    ...half.map((b, i) => `  - { id: r${i}, unit: t, available: ${b} }`),
    'techniques:',
    ...a.map((row, j) => `  - { id: plant_${j}, produces: { widget: ${row.reduce((s, v) => s + v, 0)} }, uses: { ${row.map((v, i) => `r${i}: ${v}`).join(', ')} }, capacity: 1, whole: true }`),
    `targets: [{ product: widget, amount: ${total} }]`,
  ];
  return lines.join('\n') + '\n';
}
