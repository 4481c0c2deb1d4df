import { HOSTILE_NUMBERS } from './hostile.js';
import type { Rng } from './rng.js';
import { Raw } from './tree.js';

const INTERESTING_BYTES = [0x00, 0xff, 0x80, 0xc3, 0xed, 0x7f, 0x0a, 0x0d, 0x22, 0x27, 0x3a, 0x2d, 0x5b, 0x5d, 0x7b, 0x7d, 0x20, 0x09, 0x23, 0x26, 0x2a, 0x21, 0x7c, 0x3e, 0x40, 0x2c];

/** Tokens that mean something to a YAML, JSON or CSV reader. */
const TOKENS = [
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!!str ',
  '!!float ',
  '!<tag:yaml.org,2002:int> ',
  '? ',
  '--- ',
  '...',
  '%YAML 1.1\n',
  '{',
  '}',
  '[',
  ']',
  ',',
  ': ',
  '- ',
  '"',
  "'",
  '#',
  '|\n',
  '>-\n',
  '\t',
  '\n  ',
  '\\u0000',
  '\\ud800',
  '1e999',
  '-1e999',
  '.nan',
  '.inf',
  '1e308',
  '-0',
  'null',
  '~',
  '@',
  '💥',
  '\u2028',
  '\u00a0',
  '""',
  ';',
  '"a,b"',
  '"',
  '1,000.5',
  '\ufeff',
];

const INVALID_UTF8: readonly (readonly number[])[] = [[0xff], [0xfe], [0xc3], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xe9]];

function insert(b: Buffer, at: number, what: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), what, b.subarray(at)]);
}

function lineStarts(b: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a && i + 1 < b.length) starts.push(i + 1);
  return starts;
}

type ByteMutation = (rng: Rng, b: Buffer, donors: readonly Buffer[]) => [Buffer, string];

const BYTE_MUTATIONS: readonly (readonly [number, ByteMutation])[] = [
  [
    2,
    (rng, b) => {
      if (b.length === 0) return [b, 'empty'];
      const c = Buffer.from(b);
      const i = rng.int(c.length);
      c[i] ^= 1 << rng.int(8);
      return [c, `flipped a bit at byte ${i}`];
    },
  ],
  [
    2,
    (rng, b) => {
      if (b.length === 0) return [b, 'empty'];
      const c = Buffer.from(b);
      const i = rng.int(c.length);
      c[i] = rng.pick(INTERESTING_BYTES);
      return [c, `byte ${i} → 0x${c[i].toString(16)}`];
    },
  ],
  [
    2,
    (rng, b) => {
      const i = rng.int(b.length + 1);
      const n = rng.between(1, 64);
      return [Buffer.concat([b.subarray(0, i), b.subarray(i + n)]), `deleted ${n} bytes at ${i}`];
    },
  ],
  [
    3,
    (rng, b) => {
      const i = rng.int(b.length + 1);
      const t = rng.pick(TOKENS);
      return [insert(b, i, Buffer.from(t, 'utf8')), `inserted ${JSON.stringify(t)} at ${i}`];
    },
  ],
  [
    1,
    (rng, b) => {
      if (b.length < 2) return [b, 'short'];
      const i = rng.int(b.length);
      const n = rng.between(1, Math.min(256, b.length - i));
      return [insert(b, rng.int(b.length + 1), b.subarray(i, i + n)), `repeated ${n} bytes from ${i}`];
    },
  ],
  [1, (rng, b) => (b.length === 0 ? [b, 'empty'] : [b.subarray(0, rng.int(b.length)), 'truncated'])],
  [
    2,
    (rng, b) => {
      const starts = lineStarts(b);
      const k = rng.int(starts.length);
      const end = k + 1 < starts.length ? starts[k + 1] : b.length;
      const line = b.subarray(starts[k], end);
      const fixed = line.length > 0 && line[line.length - 1] === 0x0a ? line : Buffer.concat([line, Buffer.from('\n')]);
      return [insert(b, starts[rng.int(starts.length)], fixed), `repeated line ${k + 1}`];
    },
  ],
  [
    1,
    (rng, b) => {
      const starts = lineStarts(b);
      if (starts.length < 3) return [b, 'few lines'];
      const k = rng.int(starts.length - 1);
      const a = b.subarray(starts[k], starts[k + 1]);
      const next = k + 2 < starts.length ? starts[k + 2] : b.length;
      const c = b.subarray(starts[k + 1], next);
      const cEnd = c.length > 0 && c[c.length - 1] === 0x0a ? c : Buffer.concat([c, Buffer.from('\n')]);
      return [Buffer.concat([b.subarray(0, starts[k]), cEnd, a, b.subarray(next)]), `swapped lines ${k + 1} and ${k + 2}`];
    },
  ],
  [
    3,
    (rng, b) => {
      const text = b.toString('latin1');
      const found = [...text.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi)];
      if (found.length === 0) return [b, 'no number'];
      const m = rng.pick(found);
      const h = rng.pick(HOSTILE_NUMBERS);
      const token = h instanceof Raw ? h.text : typeof h === 'string' ? h : JSON.stringify(h);
      const at = m.index ?? 0;
      return [Buffer.concat([b.subarray(0, at), Buffer.from(token, 'utf8'), b.subarray(at + m[0].length)]), `number ${m[0]} → ${token}`];
    },
  ],
  [
    1,
    (rng, b) => {
      const bad = Buffer.from(rng.pick(INVALID_UTF8));
      const i = rng.int(b.length + 1);
      return [insert(b, i, bad), `invalid UTF-8 ${bad.toString('hex')} at ${i}`];
    },
  ],
  [
    1,
    (rng, b, donors) => {
      if (donors.length === 0) return [b, 'no donor'];
      const d = rng.pick(donors);
      const i = rng.int(d.length);
      const n = rng.between(1, Math.min(512, d.length - i));
      return [insert(b, rng.int(b.length + 1), d.subarray(i, i + n)), `spliced ${n} bytes of another file`];
    },
  ],
];

/** `count` byte-level mutations of `b` (bits, bytes, tokens, lines, numbers, invalid UTF-8, splices from `donors`). */
export function mutateBytes(b: Buffer, rng: Rng, count: number, donors: readonly Buffer[] = []): [Buffer, string[]] {
  const done: string[] = [];
  let cur = b;
  for (let k = 0; k < count; k++) {
    const [next, what] = rng.weighted(BYTE_MUTATIONS)(rng, cur, donors);
    cur = next;
    done.push(what);
  }
  return [cur, done];
}

/** How a text becomes bytes: UTF-8 (the rule) or what a user's editor may write instead. */
export type Encoding = 'utf8' | 'utf8-bom' | 'crlf' | 'cr' | 'latin1' | 'utf16le-bom' | 'invalid-utf8';

export function pickEncoding(rng: Rng): Encoding {
  return rng.weighted<Encoding>([
    [10, 'utf8'],
    [1.5, 'utf8-bom'],
    [1.5, 'crlf'],
    [0.3, 'cr'],
    [1.5, 'latin1'],
    [0.4, 'utf16le-bom'],
    [1, 'invalid-utf8'],
  ]);
}

/** The bytes of `text` in an encoding. */
export function encodeText(text: string, encoding: Encoding, rng: Rng): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'crlf':
      return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\r?\n/g, '\r'), 'utf8');
    case 'latin1':
      // What a Latin-1 editor writes: é as one byte 0xe9 (characters beyond Latin-1 become '?').
      return Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) > 0xff ? '?' : ch)).join(''), 'latin1');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'invalid-utf8': {
      const b = Buffer.from(text, 'utf8');
      const at = rng.int(b.length + 1);
      return insert(b, at, Buffer.from(rng.pick(INVALID_UTF8)));
    }
  }
}
