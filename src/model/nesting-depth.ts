import type { CST } from 'yaml';

/**
 * How deep mappings and lists may be nested in a document Plenty reads (model, plan, demand and
 * mapping files, the model text and JSON bodies of the HTTP API): the top-level mapping is level 1.
 * A model file needs at most 4 levels (`techniques` → a technique → `consumes` → amounts); the limit
 * leaves ample room and keeps every reader, checker and error message far from the call stack's
 * end. Documented in docs/model.md ("Nesting").
 */
export const MAX_NESTING_DEPTH = 64;

/** The sentence an error gives for a document nested beyond MAX_NESTING_DEPTH. */
export const TOO_DEEP_MESSAGE = `nested more than ${MAX_NESTING_DEPTH} levels deep (mappings and lists within each other; a model needs at most 4)`;

type Path = (string | number)[];

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: number;
  readonly key: string | number;
}

/**
 * The JSON path of the first mapping or list in `data` that lies deeper than `max` levels, or
 * undefined when there is none. Walks with its own stack, so any depth is safe.
 */
export function tooDeepPath(data: unknown, max = MAX_NESTING_DEPTH): Path | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const frames: Frame[] = [{ value: data, depth: 1, parent: -1, key: '' }];
  const pending: number[] = [0];
  while (pending.length > 0) {
    const at = pending.pop() ?? 0;
    const { value, depth } = frames[at];
    if (depth > max) return pathOf(frames, at);
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) {
        const child: unknown = value[k];
        if (typeof child !== 'object' || child === null) continue;
        pending.push(frames.length);
        frames.push({ value: child, depth: depth + 1, parent: at, key: k });
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        if (typeof child !== 'object' || child === null) continue;
        pending.push(frames.length);
        frames.push({ value: child, depth: depth + 1, parent: at, key });
      }
    }
  }
  return undefined;
}

function pathOf(frames: readonly Frame[], at: number): Path {
  const path: Path = [];
  for (let k = at; frames[k].parent >= 0; k = frames[k].parent) path.push(frames[k].key);
  return path.reverse();
}

/** How deep a YAML token stream nests, as far as yamlNesting looked. */
export interface YamlNesting {
  /** The source offset of the first collection nested deeper than the limit, if any. */
  readonly tooDeepAt?: number;
  /** Whether the stream holds aliases (`*name`), which can nest the data deeper than the text. */
  readonly aliases: boolean;
}

/**
 * Where a YAML token stream (yaml's CST) first nests collections deeper than `max` levels, and
 * whether it holds aliases. A pair written inside a flow list (`[a: 1]`) is a mapping of its own and
 * counts as a level. Walks with its own stack, before the tokens are composed (which recurses).
 */
export function yamlNesting(tokens: Iterable<CST.Token>, max = MAX_NESTING_DEPTH): YamlNesting {
  const pending: { token: CST.Token; depth: number }[] = [];
  let aliases = false;
  for (const token of tokens) pending.push({ token, depth: 0 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === 'document') {
      if (token.value !== undefined) pending.push({ token: token.value, depth });
      continue;
    }
    if (token.type === 'alias') aliases = true;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const level = depth + 1;
    if (level > max) return { tooDeepAt: token.offset, aliases };
    const pairsInList = token.type === 'flow-collection' && token.start.source === '[';
    for (const item of token.items) {
      const inner = pairsInList && (item.sep !== undefined || item.key !== undefined) ? level + 1 : level;
      if (inner > max) return { tooDeepAt: token.offset, aliases };
      if (item.key !== undefined && item.key !== null) pending.push({ token: item.key, depth: inner });
      if (item.value !== undefined) pending.push({ token: item.value, depth: inner });
    }
  }
  return { aliases };
}
