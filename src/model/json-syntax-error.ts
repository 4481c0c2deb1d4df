import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE } from './nesting-depth.js';

/** Why a text is not strict JSON: a syntax error, a key repeated within one object, or nesting too deep. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
  /** Set for a duplicate key: the key. */
  readonly duplicateKey?: string;
  /** Set when objects and arrays are nested deeper than the limit; `offset` is the opening bracket. */
  readonly tooDeep?: true;
}

/**
 * Where and why a text is not strict JSON (RFC 8259), or undefined if it is. A key repeated
 * within one object counts as an error (JSON.parse would silently keep the last), and so do objects
 * and arrays nested more than `maxDepth` levels deep (MAX_NESTING_DEPTH by default): the scan stops
 * there, so a text of any depth is safe to check.
 */
export function jsonSyntaxError(text: string, maxDepth = MAX_NESTING_DEPTH): JsonSyntaxError | undefined {
  let i = 0;
  let depth = 0;
  const n = text.length;
  class Fail {
    constructor(
      readonly offset: number,
      readonly message: string,
      readonly duplicateKey?: string,
      readonly tooDeep = false,
    ) {}
  }
  const enter = (): void => {
    depth++;
    if (depth > maxDepth) throw new Fail(i, TOO_DEEP_MESSAGE, undefined, true);
  };
  const fail = (message: string): never => {
    throw new Fail(i, i >= n ? 'unexpected end of text' : `${message}, found ${JSON.stringify(text[i])}`);
  };
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): void => {
    i++;
    while (i < n && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character in a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 5;
        } else if (i < n && '"\\/bfnrt'.includes(text[i])) i++;
        else fail('bad escape in a string');
      } else i++;
    }
    if (i >= n) fail('unterminated string');
    i++;
  };
  const numberPattern = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
  const number = (): void => {
    numberPattern.lastIndex = i;
    const m = numberPattern.exec(text);
    if (m === null) fail('expected a value');
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      enter();
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return;
      }
      const keys = new Set<string>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key in double quotes');
        const start = i;
        string();
        const raw = text.slice(start + 1, i - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
        if (keys.has(key)) throw new Fail(start, 'duplicate key in an object', key);
        keys.add(key);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          depth--;
          return;
        } else fail('expected "," or "}"');
      }
    } else if (c === '[') {
      enter();
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          depth--;
          return;
        } else fail('expected "," or "]"');
      }
    } else if (c === '"') string();
    else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else number();
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < n) fail('expected the end of the text');
    return undefined;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    if (e.tooDeep) return { offset: e.offset, message: e.message, tooDeep: true };
    return e.duplicateKey === undefined ? { offset: e.offset, message: e.message } : { offset: e.offset, message: e.message, duplicateKey: e.duplicateKey };
  }
}
