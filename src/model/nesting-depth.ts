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
    const frame = frames[at];
    if (frame.depth > max) return pathOf(frames, at);
    const value = frame.value as Record<string, unknown> | unknown[];
    const push = (child: unknown, key: string | number): void => {
      if (typeof child !== 'object' || child === null) return;
      frames.push({ value: child, depth: frame.depth + 1, parent: at, key });
      pending.push(frames.length - 1);
    };
    if (Array.isArray(value)) value.forEach(push);
    else for (const key of Object.keys(value)) push(value[key], key);
  }
  return undefined;
}

function pathOf(frames: readonly Frame[], at: number): Path {
  const path: Path = [];
  for (let k = at; frames[k].parent >= 0; k = frames[k].parent) path.push(frames[k].key);
  return path.reverse();
}

/**
 * The source offset of the first collection in a YAML token stream (yaml's CST) nested deeper than
 * `max` levels, or undefined. A pair written inside a flow list (`[a: 1]`) is a mapping of its own
 * and counts as a level. Walks with its own stack, before the tokens are composed (which recurses).
 */
export function yamlTooDeepOffset(tokens: Iterable<CST.Token>, max = MAX_NESTING_DEPTH): number | undefined {
  const pending: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) pending.push({ token, depth: 0 });
  while (pending.length > 0) {
    const { token, depth } = pending.pop() ?? { token: undefined, depth: 0 };
    if (token === undefined) continue;
    if (token.type === 'document') {
      if (token.value !== undefined) pending.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const level = depth + 1;
    if (level > max) return token.offset;
    const pairsInList = token.type === 'flow-collection' && token.start.source === '[';
    for (const item of token.items) {
      const inner = pairsInList && (item.sep !== undefined || item.key !== undefined) ? level + 1 : level;
      if (inner > max) return token.offset;
      if (item.key !== undefined && item.key !== null) pending.push({ token: item.key, depth: inner });
      if (item.value !== undefined) pending.push({ token: item.value, depth: inner });
    }
  }
  return undefined;
}
