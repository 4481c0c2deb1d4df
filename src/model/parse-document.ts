import { Composer, LineCounter, Parser, YAMLParseError, isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Node as YamlNode } from 'yaml';
import type { Issue, Location } from './errors.js';
import { jsonSyntaxError } from './json-syntax-error.js';
import { TOO_DEEP_MESSAGE, tooDeepPath, yamlNesting, type YamlNesting } from './nesting-depth.js';
import type { SourceLocator } from './source-locations.js';

export type Format = 'yaml' | 'json';

/** A document read from text: its plain data, a locator for its paths, and any syntax issues. */
export interface ReadDocument {
  readonly data: unknown;
  readonly locator: SourceLocator;
  readonly issues: Issue[];
}

/** The format named by a file's extension: `.json` is JSON, anything else YAML. */
export function formatOf(file: string): Format {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

function keyText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

/** The first YAML document of a token stream, as yaml's parseDocument composes it. */
function composeDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: true }).compose(tokens, true, length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document.
  return doc as Document.Parsed;
}

/**
 * Parses YAML or JSON keeping the position of every node. Syntax errors and duplicate keys become
 * issues (code "syntax" or "duplicate-key") with line and column. JSON is also checked strictly
 * (YAML would accept some text that JSON does not). Mappings and lists nested more than
 * MAX_NESTING_DEPTH levels deep are an issue "too-deep" at the first one too deep, found before
 * anything recursive reads the text.
 */
export function readDocument(text: string, file: string, format: Format): ReadDocument {
  const lineCounter = new LineCounter();
  const issues: Issue[] = [];
  // The token stream (yaml's CST) counts the lines and is built without recursion; the positioned
  // document is composed from it only when the nesting is within the limit.
  let tokens: CST.Token[] | undefined;
  const cst = (): CST.Token[] => {
    tokens ??= Array.from(new Parser(lineCounter.addNewLine).parse(text));
    return tokens;
  };
  const at = (offset: number): Location => {
    cst();
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { file, line, column: col };
  };
  // JSON: checked and read with the fast built-in parser; the positioned document is built only
  // when a location is asked for (an error). YAML: parsed with positions straight away.
  let composed = false;
  let doc: Document.Parsed | undefined;
  let nesting: YamlNesting = { aliases: false };
  const document = (): Document.Parsed | undefined => {
    if (!composed) {
      composed = true;
      nesting = yamlNesting(cst());
      if (nesting.tooDeepAt === undefined) doc = composeDocument(cst(), text.length);
    }
    return doc;
  };
  const tooDeep = (location: Location): Issue => ({ code: 'too-deep', message: TOO_DEEP_MESSAGE, location });
  let data: unknown = null;

  if (format === 'json') {
    const error = jsonSyntaxError(text);
    if (error?.tooDeep === true) issues.push(tooDeep(at(error.offset)));
    else if (error?.duplicateKey !== undefined) issues.push({ code: 'duplicate-key', message: 'duplicate key in a mapping', location: at(error.offset), value: error.duplicateKey });
    else if (error !== undefined) issues.push({ code: 'syntax', message: `JSON syntax error: ${error.message}`, location: at(error.offset) });
    else data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } else {
    const parsed = document();
    if (parsed === undefined) issues.push(tooDeep(at(nesting.tooDeepAt ?? 0)));
    for (const err of parsed?.errors ?? []) {
      const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      if (err.code === 'DUPLICATE_KEY') {
        const raw = (/^("[^"\n]*"|'[^'\n]*'|[^:,}\n]+)/.exec(text.slice(err.pos[0]))?.[0] ?? '').trim();
        const key = /^["'].*["']$/.test(raw) ? raw.slice(1, -1) : raw;
        issues.push({ code: 'duplicate-key', message: 'duplicate key in a mapping', location: at(err.pos[0]), value: key });
      } else {
        issues.push({ code: 'syntax', message: `YAML syntax error: ${first}`, location: at(err.pos[0]) });
      }
    }
    // A key must be text or a number: a mapping, a list, an alias or a tagged value that reads as
    // an object (`? [a, b] : 1`, `{ !!binary x: 1 }`, `!!set`) has no text to be an id, and yaml
    // would turn it into a string with a warning.
    if (parsed !== undefined && issues.length === 0) {
      visit(parsed, {
        Pair(_, pair) {
          const key = pair.key;
          const plain = isScalar(key) && (key.value === null || typeof key.value !== 'object');
          if (key === null || plain) return undefined;
          if (!(isCollection(key) || isAlias(key) || isScalar(key))) return undefined;
          const start = isNodeWithRange(key) ? key.range[0] : 0;
          issues.push({ code: 'invalid-key', message: 'a key must be text or a number, not a mapping, a list, an alias or a tagged value', location: at(start) });
          return visit.BREAK;
        },
      });
    }
    if (parsed !== undefined && issues.length === 0) {
      try {
        data = parsed.toJS({ maxAliasCount: 1000 });
      } catch (e) {
        issues.push({ code: 'syntax', message: `cannot read the document: ${e instanceof Error ? e.message : String(e)}`, location: { file } });
      }
    }
  }

  const locator: SourceLocator = {
    locate(path, key = false) {
      let node: unknown = document()?.contents;
      let offset = isNodeWithRange(node) ? node.range[0] : 0;
      for (let i = 0; i < path.length; i++) {
        const step = path[i];
        let next: unknown;
        let keyOffset: number | undefined;
        if (isSeq(node) && typeof step === 'number') {
          next = node.items[step];
        } else if (isMap(node)) {
          for (const pair of node.items) {
            if (isPair(pair) && keyText(pair.key) === String(step)) {
              next = pair.value;
              if (isNodeWithRange(pair.key)) keyOffset = pair.key.range[0];
              break;
            }
          }
        }
        if (key && i === path.length - 1 && keyOffset !== undefined) {
          offset = keyOffset;
          break;
        }
        if (!isNodeWithRange(next)) {
          if (keyOffset !== undefined) offset = keyOffset;
          break;
        }
        node = next;
        offset = next.range[0];
      }
      return { ...at(offset), path: [...path] };
    },
  };
  // Aliases can nest what the text does not: then the data are measured too.
  const deepPath = format === 'yaml' && nesting.aliases && issues.length === 0 ? tooDeepPath(data) : undefined;
  if (deepPath !== undefined) {
    issues.push(tooDeep(locator.locate(deepPath)));
    data = null;
  }
  return { data, locator, issues };
}

function isNodeWithRange(node: unknown): node is YamlNode & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as { range?: unknown }).range);
}
