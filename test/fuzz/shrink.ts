import { Obj, Raw, type Node } from './tree.js';

/**
 * Greedy shrinking: tries the variants of the current value in order and keeps the first that
 * still fails, until none does or `maxTries` runs are spent.
 */
export async function shrinkGreedy<C>(start: C, variants: (c: C) => Iterable<C>, fails: (c: C) => Promise<boolean>, maxTries: number): Promise<{ readonly result: C; readonly tries: number }> {
  let current = start;
  let tries = 0;
  for (;;) {
    let improved = false;
    for (const v of variants(current)) {
      if (tries >= maxTries) return { result: current, tries };
      tries++;
      if (await fails(v)) {
        current = v;
        improved = true;
        break;
      }
    }
    if (!improved) return { result: current, tries };
  }
}

type Path = readonly number[];

/** Paths of every container entry (index into entries or items), shallow ones first. */
function paths(root: Node): Path[] {
  const out: Path[] = [];
  let level: [Node, Path][] = [[root, []]];
  while (level.length > 0) {
    const next: [Node, Path][] = [];
    for (const [n, p] of level) {
      const kids = n instanceof Obj ? n.entries.map(([, v]) => v) : Array.isArray(n) ? n : [];
      kids.forEach((k, i) => {
        out.push([...p, i]);
        next.push([k, [...p, i]]);
      });
    }
    level = next;
  }
  return out;
}

/** A copy of `root` with the node at `path` changed by `edit` (undefined: removed). */
function edited(root: Node, path: Path, edit: (n: Node) => Node | undefined): Node {
  const walk = (n: Node, depth: number): Node => {
    const i = path[depth];
    const last = depth === path.length - 1;
    if (n instanceof Obj) {
      const entries: [string, Node][] = [];
      n.entries.forEach(([k, v], j) => {
        if (j !== i) entries.push([k, v]);
        else if (!last) entries.push([k, walk(v, depth + 1)]);
        else {
          const w = edit(v);
          if (w !== undefined) entries.push([k, w]);
        }
      });
      return new Obj(entries);
    }
    if (Array.isArray(n)) {
      const items: Node[] = [];
      n.forEach((v, j) => {
        if (j !== i) items.push(v);
        else if (!last) items.push(walk(v, depth + 1));
        else {
          const w = edit(v);
          if (w !== undefined) items.push(w);
        }
      });
      return items;
    }
    return n;
  };
  return walk(root, 0);
}

function nodeAt(root: Node, path: Path): Node | undefined {
  let n: Node | undefined = root;
  for (const i of path) n = n instanceof Obj ? n.entries[i]?.[1] : Array.isArray(n) ? n[i] : undefined;
  return n;
}

/** A smaller version of a scalar: half a long string, half a deep nesting; undefined when none. */
function smallerScalar(n: Node): Node | undefined {
  if (typeof n === 'string' && n.length > 8) return n.slice(0, Math.ceil(n.length / 2));
  if (n instanceof Raw && n.text.length > 40) {
    const list = /^(\[+)1(\]+)$/.exec(n.text);
    if (list !== null) {
      const d = Math.floor(list[1].length / 2);
      return new Raw(`${'['.repeat(d)}1${']'.repeat(d)}`);
    }
    const map = /^((?:\{"a":)+)1(\}+)$/.exec(n.text);
    if (map !== null) {
      const d = Math.floor(map[2].length / 2);
      return new Raw(`${'{"a":'.repeat(d)}1${'}'.repeat(d)}`);
    }
  }
  return undefined;
}

/** Smaller trees: each entry and item removed (shallow first), then long strings and deep nestings halved. */
export function* treeVariants(root: Node): Generator<Node> {
  const all = paths(root);
  for (const p of all) yield edited(root, p, () => undefined);
  for (const p of all) {
    const n = nodeAt(root, p);
    const s = n === undefined ? undefined : smallerScalar(n);
    if (s !== undefined) yield edited(root, p, () => s);
  }
}

/** Smaller texts: runs of lines removed, longest runs first. */
export function* byteVariants(b: Buffer): Generator<Buffer> {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) {
      lines.push(b.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < b.length) lines.push(b.subarray(start));
  for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1; chunk = chunk === 1 ? 0 : Math.max(1, Math.floor(chunk / 2))) {
    for (let at = 0; at + chunk <= lines.length; at += chunk) yield Buffer.concat([...lines.slice(0, at), ...lines.slice(at + chunk)]);
  }
}
