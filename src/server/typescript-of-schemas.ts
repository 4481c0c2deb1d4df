/**
 * TypeScript declarations from JSON Schemas, for the subset that zod's toJSONSchema writes for the
 * service's answers: objects (properties, required, additionalProperties), arrays, strings, numbers,
 * booleans, null, const and enum, anyOf / oneOf / allOf, and `$ref` to `#/components/schemas/<id>`.
 * Every property is readonly; a description becomes a doc comment. Anything else is an error,
 * so a schema the generator does not understand fails loudly instead of becoming `unknown`.
 */

type Schema = Readonly<Record<string, unknown>>;

const REF = '#/components/schemas/';

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property name as TypeScript takes it: bare when it is an identifier, else quoted. */
const key = (k: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));

const comment = (text: unknown, indent: string): string => (typeof text === 'string' && text !== '' ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '');

/** Wraps a member that is itself a union, an intersection or a readonly array for use in `T[]` (`readonly (readonly T[])[]`). */
const grouped = (t: string): string => (/[|&]/.test(t.replace(/\{[^]*\}/g, '')) || t.startsWith('readonly ') ? `(${t})` : t);

function typeOf(s: unknown, indent: string, where: string): string {
  if (s === true || (isSchema(s) && Object.keys(s).filter((k) => k !== 'description').length === 0)) return 'unknown';
  if (!isSchema(s)) throw new Error(`${where}: not a schema`);
  if (typeof s['$ref'] === 'string') {
    if (!s['$ref'].startsWith(REF)) throw new Error(`${where}: a reference outside components.schemas: ${s['$ref']}`);
    return s['$ref'].slice(REF.length);
  }
  if ('const' in s) return JSON.stringify(s['const']);
  if (Array.isArray(s['enum'])) return s['enum'].map((v) => JSON.stringify(v)).join(' | ');
  for (const combo of ['anyOf', 'oneOf'] as const) {
    const list = s[combo];
    if (Array.isArray(list)) return [...new Set(list.map((m, k) => typeOf(m, indent, `${where}.${combo}[${k}]`)))].join(' | ');
  }
  if (Array.isArray(s['allOf'])) return s['allOf'].map((m, k) => grouped(typeOf(m, indent, `${where}.allOf[${k}]`))).join(' & ');
  const type = s['type'];
  if (Array.isArray(type)) return type.map((t: unknown) => typeOf({ ...s, type: t }, indent, where)).join(' | ');
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(s['prefixItems'])) return `readonly [${s['prefixItems'].map((m, k) => typeOf(m, indent, `${where}[${k}]`)).join(', ')}]`;
      return `readonly ${grouped(typeOf(s['items'] ?? true, indent, `${where}[]`))}[]`;
    }
    case 'object':
      return objectType(s, indent, where);
    default:
      throw new Error(`${where}: a schema the generator does not know: ${JSON.stringify(s).slice(0, 200)}`);
  }
}

function objectType(s: Schema, indent: string, where: string): string {
  const props = isSchema(s['properties']) ? s['properties'] : {};
  const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
  const extra = s['additionalProperties'];
  const names = Object.keys(props);
  if (names.length === 0) {
    if (extra === false) return 'Readonly<Record<string, never>>';
    return `Readonly<Record<string, ${typeOf(extra ?? true, indent, `${where}.*`)}>>`;
  }
  const inner = `${indent}  `;
  const lines = names.map((n) => {
    const p = props[n];
    return `${comment(isSchema(p) ? p['description'] : undefined, inner)}${inner}readonly ${key(n)}${required.has(n) ? '' : '?'}: ${typeOf(p, inner, `${where}.${n}`)};\n`;
  });
  if (extra !== undefined && extra !== false) lines.push(`${inner}readonly [key: string]: unknown;\n`);
  return `{\n${lines.join('')}${indent}}`;
}

/** `export type <id> = …;` for every schema, in the order given, each with its description as a doc comment. */
export function typescriptOfSchemas(schemas: Readonly<Record<string, unknown>>): string {
  return Object.entries(schemas)
    .map(([id, s]) => `${comment(isSchema(s) ? s['description'] : undefined, '')}export type ${id} = ${typeOf(s, '', id)};\n`)
    .join('\n');
}
