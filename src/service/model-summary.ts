import type { Economy } from '../model/types.js';

/** How much a model holds: counts of its parts and its periods. */
export function modelSummary(e: Economy): { name: string; periods: readonly string[]; regions: number; products: number; resources: number; techniques: number; targets: number; enterprises: string[] } {
  const enterprises = [...new Set(e.techniques.flatMap((t) => (t.enterprise === undefined ? [] : [t.enterprise])))].sort();
  return { name: e.name, periods: e.periods, regions: e.regions.length, products: e.products.length, resources: e.resources.length, techniques: e.techniques.length, targets: e.targets.length, enterprises };
}

/** A model id from a name: lower case, runs of other characters as one hyphen, at most 60 characters. */
export function slugOf(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'model' : s;
}
