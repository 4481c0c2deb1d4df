/**
 * A document tree that can say what JSON.stringify cannot: a token written verbatim (`1e999`,
 * `-0`, `.nan`), and a mapping with the same key twice. The fuzzers build and mutate these trees
 * and write them as JSON or YAML text.
 */

/** A token written as it is, in JSON and in YAML. */
export class Raw {
  constructor(readonly text: string) {}
}

/** A mapping as a list of entries (a key may repeat). */
export class Obj {
  constructor(readonly entries: [string, Node][]) {}

  get(key: string): Node | undefined {
    for (const [k, v] of this.entries) if (k === key) return v;
    return undefined;
  }
}

export type Node = null | boolean | number | string | Raw | Obj | Node[];

/** A tree from plain data (as JSON.parse or a YAML parser gives it). */
export function fromPlain(value: unknown): Node {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return new Raw('-0');
    return Number.isFinite(value) ? value : new Raw(Number.isNaN(value) ? 'NaN' : value > 0 ? '1e999' : '-1e999');
  }
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === 'object') return new Obj(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
  return String(value);
}

/** Plain data from a tree: repeated keys keep the last value, tokens are parsed as JSON if they can be (else kept as text). */
export function toPlain(node: Node): unknown {
  if (node instanceof Raw) {
    try {
      return JSON.parse(node.text) as unknown;
    } catch {
      return node.text;
    }
  }
  if (node instanceof Obj) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of node.entries) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (Array.isArray(node)) return node.map(toPlain);
  return node;
}

/** A deep copy. */
export function cloneTree(node: Node): Node {
  if (node instanceof Obj) return new Obj(node.entries.map(([k, v]) => [k, cloneTree(v)]));
  if (Array.isArray(node)) return node.map(cloneTree);
  return node;
}

function jsonScalar(node: Node): string {
  if (node instanceof Raw) return node.text;
  return JSON.stringify(node);
}

/** JSON text (compact, or indented by two spaces). */
export function toJsonText(node: Node, pretty = false): string {
  const parts: string[] = [];
  const nl = (depth: number): string => (pretty ? `\n${'  '.repeat(depth)}` : '');
  const walk = (n: Node, depth: number): void => {
    if (n instanceof Obj) {
      if (n.entries.length === 0) return void parts.push('{}');
      parts.push('{');
      n.entries.forEach(([k, v], i) => {
        parts.push(`${i > 0 ? ',' : ''}${nl(depth + 1)}${JSON.stringify(k)}:${pretty ? ' ' : ''}`);
        walk(v, depth + 1);
      });
      parts.push(`${nl(depth)}}`);
    } else if (Array.isArray(n)) {
      if (n.length === 0) return void parts.push('[]');
      parts.push('[');
      n.forEach((v, i) => {
        parts.push(`${i > 0 ? ',' : ''}${nl(depth + 1)}`);
        walk(v, depth + 1);
      });
      parts.push(`${nl(depth)}]`);
    } else parts.push(jsonScalar(n));
  };
  walk(node, 0);
  return parts.join('');
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./-]*[A-Za-z0-9_]$|^[A-Za-z_]$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function yamlString(s: string): string {
  return PLAIN.test(s) && !YAML_WORDS.test(s) && !s.includes(': ') && !s.includes(' #') ? s : JSON.stringify(s);
}

function yamlScalar(node: Node): string {
  if (node instanceof Raw) return node.text;
  if (typeof node === 'string') return yamlString(node);
  return JSON.stringify(node);
}

function isEmptyOrScalar(n: Node): boolean {
  return !(n instanceof Obj || Array.isArray(n)) || (n instanceof Obj ? n.entries.length === 0 : n.length === 0);
}

/** The depth of a tree (a scalar: 0). */
function depthOf(n: Node, limit: number): number {
  if (limit <= 0) return 0;
  if (n instanceof Obj) return 1 + Math.max(0, ...n.entries.map(([, v]) => depthOf(v, limit - 1)));
  if (Array.isArray(n)) return 1 + Math.max(0, ...n.map((v) => depthOf(v, limit - 1)));
  return 0;
}

/**
 * YAML text in block style; mappings and lists nested `flowFrom` deep or deeper, and all those with
 * at most `flowUpTo` scalar entries, are written in flow style (`{ a: 1 }`).
 */
export function toYamlText(node: Node, options: { flowFrom?: number; flowUpTo?: number } = {}): string {
  const flowFrom = options.flowFrom ?? 6;
  const flowUpTo = options.flowUpTo ?? 0;
  const flow = (n: Node): string => {
    if (n instanceof Obj) return n.entries.length === 0 ? '{}' : `{ ${n.entries.map(([k, v]) => `${yamlString(k)}: ${flow(v)}`).join(', ')} }`;
    if (Array.isArray(n)) return `[${n.map(flow).join(', ')}]`;
    return yamlScalar(n);
  };
  const small = (n: Node): boolean => {
    if (n instanceof Obj) return n.entries.length <= flowUpTo && n.entries.every(([, v]) => depthOf(v, 2) === 0);
    if (Array.isArray(n)) return n.length <= flowUpTo && n.every((v) => depthOf(v, 2) === 0);
    return true;
  };
  const lines: string[] = [];
  const block = (n: Node, indent: number, depth: number, lead: string): void => {
    // `lead` is what comes before the first line ("- " of a list item), already indented.
    if (isEmptyOrScalar(n) || depth >= flowFrom || small(n) || depthOf(n, flowFrom + 2) + depth > flowFrom + 1) {
      lines.push(`${lead}${flow(n)}`);
      return;
    }
    const pad = ' '.repeat(indent);
    if (n instanceof Obj) {
      n.entries.forEach(([k, v], i) => {
        const head = i === 0 ? lead : pad;
        if (isEmptyOrScalar(v) || small(v)) lines.push(`${head}${yamlString(k)}: ${flow(v)}`);
        else {
          lines.push(`${head}${yamlString(k)}:`);
          block(v, indent + 2, depth + 1, ' '.repeat(indent + 2));
        }
      });
    } else if (Array.isArray(n)) {
      n.forEach((v, i) => {
        const head = i === 0 ? lead : pad;
        block(v, indent + 2, depth + 1, `${head}- `);
      });
    }
  };
  block(node, 0, 0, '');
  return `${lines.join('\n')}\n`;
}
