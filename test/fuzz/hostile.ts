import { Obj, Raw, type Node } from './tree.js';
import type { Rng } from './rng.js';

/**
 * Hostile values, by the slot they go into. Numbers are tokens so that the text says exactly what
 * was meant (`1e999` reads as Infinity in JSON and YAML alike, `-0` keeps its sign, `.nan` is
 * YAML's NaN). Strings meant for ids never spell a non-finite number, so that the oracle can
 * read "NaN" in an output as a number that went wrong.
 */
export const HOSTILE_NUMBERS: readonly Node[] = [
  new Raw('1e308'),
  new Raw('-1e308'),
  new Raw('1.7976931348623157e308'),
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('1e30'),
  new Raw('1.0000000001e30'),
  new Raw('1e31'),
  new Raw('-1e30'),
  new Raw('1e29'),
  new Raw('1e25'),
  new Raw('1e21'),
  new Raw('-0'),
  new Raw('-0.0'),
  new Raw('5e-324'),
  new Raw('1e-320'),
  new Raw('1e-400'),
  new Raw('1e-30'),
  new Raw('9007199254740993'),
  new Raw('123456789012345678901234567890'),
  -1,
  -1e-9,
  0,
  1,
  0.5,
  2,
  1e6,
  'NaN',
  'Infinity',
  '-Infinity',
  'nan',
  'inf',
  '1e308',
  '1e999',
  '12',
  '1,000',
  '1 000',
  '1.000,5',
  ' 5 ',
  '0x10',
  '',
];

/** Number tokens only YAML reads (JSON: a syntax error). */
export const YAML_NUMBER_TOKENS: readonly Node[] = [new Raw('.nan'), new Raw('.inf'), new Raw('-.inf'), new Raw('.NaN'), new Raw('0x1F'), new Raw('0o17'), new Raw('+12'), new Raw('1_000'), new Raw('1e+308'), new Raw('.5'), new Raw('5.')];

/** Valid numbers at the edges of the magnitude rule and of doubles: the model must take them and stay finite. */
export const EDGE_NUMBERS: readonly number[] = [1e30, 9.99e29, 1e29, 1e25, 1e21, 1e15, 1e-30, 1e-300, 5e-324, 0, 1, 1 - 1e-16, 1 + 1e-15, 0.9999999999, 1e-12, 2 ** 53];

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '  ',
  '\t',
  '\n',
  ' grain',
  'grain ',
  'a b',
  'a@b',
  '@',
  'x@',
  '@x',
  'x@@y',
  'x@y@z',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '💥',
  'e\u0301',
  'é',
  '\u0000',
  'a\u0000b',
  '\u200b',
  '\u202eabc',
  '\ufeff',
  '\ufffd',
  'İ',
  'ß',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'null',
  'true',
  '~',
  '-',
  '#',
  ':',
  '*',
  '&a',
  '%',
  '../x',
  '/etc/passwd',
  'a/b',
  'a\\b',
  '1',
  '0',
  '-1',
  '1.5',
  'x'.repeat(201),
  'y'.repeat(10_000),
];

/** A value of some other type than the slot wants. */
export function wrongType(rng: Rng, slot: Node): Node {
  const options: Node[] = [null, true, false, [], new Obj([]), [1, 2], new Obj([['a', 1]]), 0, 1, 'x', '1', new Raw('1e308')];
  if (typeof slot === 'number' || slot instanceof Raw) options.push('5', [5], new Obj([['value', 5]]));
  if (typeof slot === 'string') options.push(12, 1930, [slot], new Obj([[slot, slot]]));
  if (Array.isArray(slot)) options.push(new Obj(slot.map((v, i) => [String(i), v])), slot[0] ?? null);
  if (slot instanceof Obj) options.push(slot.entries.map(([k, v]) => new Obj([[k, v]])), slot.entries.map(([k]) => k));
  return rng.pick(options);
}

/** A mapping or list nested `depth` deep, as one token (flow style is JSON and YAML alike). */
export function deepNesting(rng: Rng, depth: number): Node {
  if (rng.chance(0.5)) return new Raw(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
  return new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** A nesting depth: mostly one that a stack should take, sometimes one that a naive recursion does not. */
export function nestingDepth(rng: Rng): number {
  return rng.weighted([
    [3, 100],
    [3, 1000],
    [4, 5000],
    [1, 20_000],
  ]);
}

export function hostileNumber(rng: Rng, yaml: boolean): Node {
  if (yaml && rng.chance(0.15)) return rng.pick(YAML_NUMBER_TOKENS);
  return rng.pick(HOSTILE_NUMBERS);
}

export function edgeNumber(rng: Rng): Node {
  const v = rng.pick(EDGE_NUMBERS);
  return Number.isFinite(v) ? v : new Raw(String(v));
}
