import { valueAt } from './value-at.js';

type Path = readonly (string | number)[];

const PLAN_FIELDS: Readonly<Record<string, string>> = {
  activity: 'the planned activity of technique',
  output: 'the planned output of',
  imports: 'the planned imports of',
  exports: 'the planned exports of',
  from_stock: 'what the plan draws from the stock of',
  to_stock: 'what the plan adds to the stock of',
  built: 'the availability built for resource',
};

const TECHNIQUE_FIELDS: Readonly<Record<string, string>> = {
  produces: 'output of',
  consumes: 'input of',
  uses: 'use of',
  build: 'capacity built of',
};

/** The id-like text of the entry at `path` (its id, product or resource), quoted, or ''. */
function nameAt(data: unknown, path: Path, field: 'id' | 'product' | 'resource'): string {
  const v = valueAt(data, [...path, field]);
  return typeof v === 'string' || typeof v === 'number' ? `"${String(v)}"` : '';
}

function planSubject(path: Path): string | undefined {
  const [field, key] = path;
  const head = typeof field === 'string' ? PLAN_FIELDS[field] : undefined;
  return head !== undefined && key !== undefined ? `${head} "${String(key)}"` : undefined;
}

/**
 * Names the number at `path` of a model (or plan) file for a message, with the ids of what it
 * belongs to: `the input of "coal" per unit of technique "steel_mill"`, `the amount of the target
 * for "bread"`, `the availability of resource "labour" in period "1931"`. Falls back to "the
 * number".
 */
export function numberSubject(data: unknown, path: Path): string {
  const [section, index, field, key] = path;
  // A plan file's paths start at the plan's fields, which no model file has at its top.
  if (typeof section === 'string' && section in PLAN_FIELDS) return planSubject(path) ?? 'the number';
  if (section === 'plan') return planSubject(path.slice(1)) ?? 'the number';
  if (typeof index !== 'number' || typeof field !== 'string') return 'the number';
  const at = [section, index];
  switch (section) {
    case 'techniques': {
      const t = nameAt(data, at, 'id');
      const kind = TECHNIQUE_FIELDS[field];
      if (kind !== undefined && key !== undefined) return `the ${kind} "${String(key)}" per unit of technique ${t}`;
      return field === 'capacity' ? `the capacity of technique ${t}` : 'the number';
    }
    case 'products':
      return field === 'initial_stock' ? `the initial stock of product ${nameAt(data, at, 'id')}` : 'the number';
    case 'resources':
      if (field !== 'available') return 'the number';
      return `the availability of resource ${nameAt(data, at, 'id')}${key !== undefined ? ` in period "${String(key)}"` : ''}`;
    case 'regions':
      return field === 'population' ? `the population of region ${nameAt(data, at, 'id')}` : 'the number';
    case 'targets':
      return field === 'amount' ? `the amount of the target for ${nameAt(data, at, 'product')}` : 'the number';
    case 'trade':
      return `the ${field.replace(/_/g, ' ')} of ${nameAt(data, at, 'product')}`;
    case 'direct_use':
      return field === 'amount' ? `the direct use of resource ${nameAt(data, at, 'resource')}` : 'the number';
    default:
      return 'the number';
  }
}
