import type { Rng } from './rng.js';
import { Obj, type Node } from './tree.js';

/** A JSON schema (as z.toJSONSchema writes it) read loosely. */
export type Schema = Readonly<Record<string, unknown>>;

/** A value for a named field, when the fuzzer knows good ones (ids of the service's models, enterprises …). */
export type Hint = (field: string) => Node | undefined;

const asSchema = (v: unknown): Schema | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Schema) : undefined);

function stringFor(s: Schema, rng: Rng): string {
  if (typeof s.pattern === 'string' && s.pattern.includes('\\d')) return String(rng.between(0, 3));
  if (typeof s.pattern === 'string' && s.pattern.includes('a-z0-9')) return rng.pick(['m1', 'fuzz-model', 'small']);
  return rng.pick(['x', 'base', 'p1', 'grain', 'labour']);
}

/** A number within the schema's bounds, small and non-negative where they allow (the hostile ones come from mutations). */
function numberFor(s: Schema, rng: Rng, integer: boolean): number {
  let lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 1e-3) : 0;
  if (lo < 0) lo = 0;
  const hi = Math.min(typeof s.maximum === 'number' ? s.maximum : Infinity, lo + 10);
  const v = lo + rng.float() * (hi - lo);
  return integer ? Math.round(v) : Math.round(v * 1000) / 1000;
}

/**
 * A value that fits a JSON schema (objects with their required and some optional properties,
 * records, lists, enums, unions), taking known good values from `hint` by field name (for a
 * record, `field:key` and `field:value`).
 */
export function valueFromSchema(schema: Schema, rng: Rng, hint: Hint, field = '', depth = 0): Node {
  const hinted = field === '' ? undefined : hint(field);
  if (hinted !== undefined && rng.chance(0.85)) return hinted;
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union !== undefined && union.length > 0) return valueFromSchema(asSchema(rng.pick(union)) ?? {}, rng, hint, field, depth);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return rng.pick(schema.enum as Node[]);
  if ('const' in schema) return schema.const as Node;
  if ('default' in schema && rng.chance(0.2)) return schema.default as Node;
  const type = Array.isArray(schema.type) ? rng.pick(schema.type as string[]) : schema.type;
  if (type === 'object' || schema.properties !== undefined) {
    const props = asSchema(schema.properties) ?? {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const entries: [string, Node][] = [];
    for (const [k, v] of Object.entries(props)) if (required.has(k) || rng.chance(0.5)) entries.push([k, valueFromSchema(asSchema(v) ?? {}, rng, hint, k, depth + 1)]);
    const extra = asSchema(schema.additionalProperties);
    if (extra !== undefined && depth < 4) {
      const n = rng.between(0, 3);
      for (let i = 0; i < n; i++) {
        const key = hint(`${field}:key`);
        const names = asSchema(schema.propertyNames);
        entries.push([typeof key === 'string' ? key : names !== undefined ? stringFor(names, rng) : `k${i}`, valueFromSchema(extra, rng, hint, `${field}:value`, depth + 1)]);
      }
    }
    return new Obj(entries);
  }
  if (type === 'array') {
    const items = asSchema(schema.items) ?? {};
    return depth > 4 ? [] : Array.from({ length: rng.between(0, 3) }, () => valueFromSchema(items, rng, hint, `${field}[]`, depth + 1));
  }
  if (type === 'string') return stringFor(schema, rng);
  if (type === 'integer') return numberFor(schema, rng, true);
  if (type === 'number') return numberFor(schema, rng, false);
  if (type === 'boolean') return rng.chance(0.5);
  if (type === 'null') return null;
  // Anything (an unrepresentable schema): a small value of some kind.
  return rng.pick<Node>([1, 'x', true, null, new Obj([['a', 1]]), [1]]);
}
