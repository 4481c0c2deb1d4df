import { InputError, type Issue } from '../../src/model/errors.js';
import { OPERATIONS } from '../../src/server/openapi.js';
import { render, UsageError, type CommandOutput } from '../../src/cli/output.js';

/**
 * The rules every fuzzed run must keep, one module for the three suites (model files, tables,
 * HTTP): no internal error, every user error located, no non-finite number in an output, no 5xx,
 * every 4xx in the documented error shape.
 */
export type FindingKind =
  | 'internal-error'
  | 'unlocated-error'
  | 'non-finite'
  | 'render-error'
  | 'importer-output-refused'
  | 'import-debris'
  | 'input-overwritten'
  | 'server-error'
  | 'error-shape'
  | 'unlocated-api-error'
  | 'job-internal-error'
  | 'accepted-invalid-utf8'
  | 'accepted-ill-formed-unicode'
  | 'process-warning'
  | 'unsuccessful-exit-0'
  | 'report-names'
  | 'alert-tolerance'
  | 'unformatted-number'
  | 'accepted-untrimmed-id'
  | 'hang'
  | 'crash'
  | 'response-shape';

export interface Finding {
  readonly kind: FindingKind;
  /** What happened, for a person. */
  readonly message: string;
  /** Findings with the same signature are one class of defect. */
  readonly signature: string;
}

/** A message with its particulars (numbers, quoted text, paths) blanked, for signatures. */
export function generalise(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"|“[^”]*”|'[^'\n]*'/g, '"…"')
    .replace(/\/[^\s:]*\//g, '/…/')
    .replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, '#')
    .replace(/\s+/g, ' ')
    .slice(0, 140);
}

/** The first stack frame inside Plenty's own code (src/), as file:function. */
function ownFrame(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /at (?:(\S+) )?\(?.*?\/(src\/[^:)]+):\d+/.exec(line);
    if (m !== null) return `${m[2]}${m[1] === undefined ? '' : ` ${m[1]}`}`;
  }
  return (stack ?? '').split('\n')[1]?.trim() ?? '';
}

/** Whether an issue says where: a file, a path into a document, or a table row. */
export function isLocated(issue: Issue): boolean {
  const l = issue.location;
  return l.file !== undefined || (l.path !== undefined && l.path.length > 0) || l.row !== undefined;
}

/**
 * What a thrown error breaks: anything but InputError and UsageError is an internal error (the
 * CLI's exit status 2); an InputError whose issue has no location is an unlocated user error.
 */
export function thrownFindings(err: unknown, where: string): Finding[] {
  if (err instanceof UsageError) return [];
  if (err instanceof InputError) {
    const bare = err.issues.filter((i) => !isLocated(i));
    if (err.issues.length === 0) return [{ kind: 'unlocated-error', message: `${where}: an InputError with no issues: ${err.message}`, signature: `${where}: no issues` }];
    return bare.slice(0, 1).map((i) => ({ kind: 'unlocated-error', message: `${where}: ${i.code}: ${i.message}`, signature: `${where}: ${i.code}: ${generalise(i.message)}` }));
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const frame = ownFrame(e.stack);
  return [{ kind: 'internal-error', message: `${where}: ${e.name}: ${e.message.slice(0, 300)}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`, signature: `${where}: ${e.name}: ${generalise(e.message)} @ ${frame}` }];
}

const NON_FINITE_TEXT = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Fields that hold names, not numbers (and JSON Schema's enum and const in /api/openapi.json, which
 * name the strings that stand for non-finite numbers): a string "NaN" there is an id someone chose (the fuzzers
 * send such ids too), not a number that went wrong. Lists under these keys are lists of names.
 */
const NAME_FIELDS = new Set(['id', 'ids', 'name', 'names', 'enterprise', 'enterprises', 'reportId', 'period', 'periods', 'fromPeriod', 'technique', 'techniques', 'product', 'products', 'resource', 'resources', 'item', 'items', 'region', 'regions', 'category', 'categories', 'modelId', 'model', 'plan', 'text', 'message', 'description', 'kind', 'label', 'title', 'unit', 'status', 'code', 'format', 'objectiveKind', 'solver', 'level', 'labour', 'demand', 'file', 'source', 'output', 'token', 'from', 'to', 'fromRegion', 'toRegion', 'target', 'enum', 'const']);

/**
 * An unlimited resource's `available` is the string "Infinity" in the plan document (docs/cli.md,
 * docs/api.md): the one place where that spelling means what was given, not a number gone wrong.
 * "NaN" and "-Infinity" there are still findings.
 *
 * Places in a JSON-like value (typed arrays and Maps included) that hold a non-finite number, or
 * a string spelling one where a number belongs (how JSON outputs write them); at most `limit`.
 */
export function nonFinitePlaces(value: unknown, limit = 3): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, field: string): void => {
    if (found.length >= limit) return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) found.push(`${path} = ${v}`);
    } else if (typeof v === 'string') {
      if (NON_FINITE_TEXT.has(v) && !NAME_FIELDS.has(field) && !(v === 'Infinity' && field === 'available')) found.push(`${path} = "${v}"`);
    } else if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return;
      seen.add(v);
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        const a = v as unknown as ArrayLike<number>;
        for (let i = 0; i < a.length && found.length < limit; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) found.push(`${path}[${i}] = ${a[i]}`);
      } else if (v instanceof Map) for (const [k, x] of v) walk(x, `${path}.${String(k)}`, String(k));
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, field));
      else for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, k);
    }
  };
  walk(value, '', '');
  return found;
}

/** The shape of a place for signatures: indices and ids dropped, the first two named steps kept. */
function placeShape(place: string): string {
  return place
    .replace(/ = .*$/, '')
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '')
    .slice(0, 2)
    .join('.');
}

/**
 * A solve status in a command's JSON that is not a success: analyze's solves must have
 * converged and plan's must be optimal, unless the output says it failed (exit 1).
 */
function unsuccessfulStatus(json: unknown, where: string): string | undefined {
  if (!isRecord(json)) return undefined;
  if (where === 'plan') return typeof json.status === 'string' && json.status !== 'optimal' ? `status = ${json.status}` : undefined;
  if (where !== 'analyze') return undefined;
  for (const [k, v] of Object.entries(json)) if (isRecord(v) && typeof v.status === 'string' && v.status !== 'converged') return `${k}.status = ${v.status}`;
  return undefined;
}

/** Non-finite numbers in a command's output (JSON document and table cells), and whether every format renders. */
export function outputFindings(out: CommandOutput, where: string): Finding[] {
  const findings: Finding[] = [];
  const places = nonFinitePlaces(out.json);
  for (const t of out.tables) {
    t.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (places.length < 3 && typeof cell === 'number' && !Number.isFinite(cell)) places.push(`table ${t.name} row ${r} column ${t.columns[c]?.key ?? c} = ${cell}`);
      }),
    );
  }
  if (places.length > 0) {
    const failed = out.failure === undefined ? '' : ' (of a failed solve)';
    findings.push({ kind: 'non-finite', message: `${where}: non-finite number in the output${failed}: ${places.join('; ')}`, signature: `${where}${failed}: ${placeShape(places[0]).replace(/^table (\S+) row.*$/, 'table $1')}` });
  }
  const unsolved = unsuccessfulStatus(out.json, where);
  if (unsolved !== undefined && out.failure === undefined) {
    findings.push({ kind: 'unsuccessful-exit-0', message: `${where}: ${unsolved} without a failure (the CLI would exit 0)`, signature: `${where}: ${unsolved.replace(/ = .*$/, '')} not a success, exit 0` });
  }
  for (const format of ['json', 'csv', 'table'] as const) {
    try {
      render(out, format);
    } catch (err) {
      findings.push({ kind: 'render-error', message: `${where}: rendering ${format} threw ${String(err)}`, signature: `${where}: render ${format}: ${generalise(String(err))}` });
    }
  }
  return findings;
}

/** An HTTP answer as app.inject gives it. */
export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a 4xx body is not `{ error: { code, message, issues: [{ path, message, … }] } }`, or undefined. */
export function errorShapeProblem(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return 'no `error` object';
  const e = body.error;
  if (typeof e.code !== 'string' || e.code === '') return '`error.code` is not a non-empty string';
  if (typeof e.message !== 'string' || e.message === '') return '`error.message` is not a non-empty string';
  if (!Array.isArray(e.issues)) return '`error.issues` is not a list';
  for (const [k, i] of e.issues.entries()) {
    if (!isRecord(i)) return `issues[${k}] is not an object`;
    if (!Array.isArray(i.path) || !i.path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p)))) return `issues[${k}].path is not a list of keys and indices`;
    if (typeof i.message !== 'string' || i.message === '') return `issues[${k}].message is not a non-empty string`;
    if (i.file !== undefined && typeof i.file !== 'string') return `issues[${k}].file is not a string`;
    for (const f of ['line', 'column'] as const) if (i[f] !== undefined && !(typeof i[f] === 'number' && Number.isInteger(i[f]))) return `issues[${k}].${f} is not a whole number`;
  }
  return undefined;
}

/** Refused input (422, or a 400 for a request that does not fit its schema) must say where, issue by issue. */
function unlocatedProblem(status: number, body: Record<string, unknown>): string | undefined {
  const e = body.error as Record<string, unknown>;
  if (!(status === 422 || (status === 400 && e.code === 'invalid-request'))) return undefined;
  const issues = e.issues as Record<string, unknown>[];
  if (issues.length === 0) return 'no issues';
  const bare = issues.findIndex((i) => !((i.path as unknown[]).length > 0 || typeof i.file === 'string'));
  return bare < 0 ? undefined : `issues[${bare}] has neither a path nor a file: ${String(issues[bare].message)}`;
}

/** What an HTTP answer breaks. `route` is `METHOD /path/:param` (the class of the request). */
export function httpFindings(a: HttpAnswer, route: string): Finding[] {
  const type = String(a.headers['content-type'] ?? '');
  if (a.statusCode >= 500) {
    return [{ kind: 'server-error', message: `${route}: ${a.statusCode} ${a.body.slice(0, 300)}`, signature: `${route}: ${a.statusCode}` }];
  }
  let body: unknown;
  const json = type.includes('application/json');
  if (json) {
    try {
      body = JSON.parse(a.body) as unknown;
    } catch {
      return [{ kind: 'error-shape', message: `${route}: ${a.statusCode} says JSON but is not: ${a.body.slice(0, 200)}`, signature: `${route}: ${a.statusCode} not JSON` }];
    }
  }
  if (a.statusCode >= 400) {
    const problem = json ? errorShapeProblem(body) : `content type ${type || 'none'}`;
    if (problem !== undefined) {
      // Fastify's own answers (its router's, say) are one class whatever the route.
      const fastify = isRecord(body) && typeof body.code === 'string' && body.code.startsWith('FST_') ? body.code : undefined;
      return [{ kind: 'error-shape', message: `${route}: ${a.statusCode}: ${problem}: ${a.body.slice(0, 200)}`, signature: `${fastify === undefined ? route : `any route (${fastify})`}: ${a.statusCode}: ${generalise(problem)}` }];
    }
    const bare = unlocatedProblem(a.statusCode, body as Record<string, unknown>);
    if (bare !== undefined) return [{ kind: 'unlocated-api-error', message: `${route}: ${a.statusCode}: ${bare}: ${a.body.slice(0, 300)}`, signature: `${route}: ${a.statusCode}: ${generalise(bare)}` }];
    return [];
  }
  if (a.statusCode >= 200 && a.statusCode < 300 && json) {
    const places = nonFinitePlaces(body);
    if (places.length > 0) return [{ kind: 'non-finite', message: `${route}: ${a.statusCode} with non-finite numbers: ${places.join('; ')}`, signature: `${route}: ${placeShape(places[0])}` }];
    return responseShapeFindings(body, a.statusCode, route);
  }
  return [];
}

/** A success answer that does not match its route's response schema (src/server/responses/, the OpenAPI document's). */
function responseShapeFindings(body: unknown, status: number, route: string): Finding[] {
  const m = /^([A-Z]+) (\S+)/.exec(route);
  const op = m === null ? undefined : OPERATIONS.find((o) => o.method === m[1].toLowerCase() && o.path === m[2]);
  if (op === undefined) return [];
  const parsed = op.response.safeParse(body);
  if (parsed.success) return [];
  const issue = parsed.error.issues[0];
  const at = issue.path.map((p) => (typeof p === 'number' ? '[k]' : `.${String(p)}`)).join('');
  return [{ kind: 'response-shape', message: `${route}: ${status} does not match its response schema at ${issue.path.join('.')}: ${issue.message}`, signature: `${route}: ${at}: ${generalise(issue.message)}` }];
}

/** Messages of JavaScript's own errors: a job that failed with one of these failed on a bug, not on its input. */
const BUILTIN_ERROR = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|Maximum call stack|Invalid array length|Array buffer allocation|out of memory|of undefined|of null|Unexpected token|Invalid typed array length/;

/** A failed job whose error reads like a bug (the job API carries only the message). */
export function jobFindings(job: { status?: unknown; error?: unknown; kind?: unknown }, route: string): Finding[] {
  if (job.status !== 'failed' || typeof job.error !== 'string' || !BUILTIN_ERROR.test(job.error)) return [];
  return [{ kind: 'job-internal-error', message: `${route}: job ${String(job.kind)} failed: ${job.error.slice(0, 300)}`, signature: `${route}: job failed: ${generalise(job.error)}` }];
}

/** The byte offset of the first invalid UTF-8 sequence, or -1 (also for text that starts with a UTF-16 byte-order mark: it may be decoded as UTF-16). */
export function invalidUtf8Offset(b: Uint8Array): number {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return -1;
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** A run that read a file that is not UTF-8 (with no encoding declared) and went on as if it were. */
export function encodingFindings(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], where: string): Finding[] {
  for (const f of files) {
    const at = invalidUtf8Offset(f.bytes);
    // One class whatever the command: they all read files the same way.
    if (at >= 0) return [{ kind: 'accepted-invalid-utf8', message: `${where}: ${f.name} is not UTF-8 (byte ${at}) and was read without an error`, signature: `${f.name.replace(/^.*\//, '').replace(/\..*$/, '')} file: accepted invalid UTF-8` }];
  }
  return [];
}

/** Whether a string holds a lone surrogate (text that UTF-8 cannot store, so it reads back changed). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** A place in a value (keys included) where a string holds a lone surrogate, or undefined. */
export function loneSurrogatePlace(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path || '(the value)' : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = loneSurrogatePlace(v, `${path}[${i}]`);
      if (p !== undefined) return p;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (hasLoneSurrogate(k)) return `${path}.${JSON.stringify(k)} (key)`;
      const p = loneSurrogatePlace(v, `${path}.${k}`);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}

/**
 * Collects the warnings Node.js emits (a timer that overflows, say) while cases run; `drain` waits
 * a turn of the event loop (warnings are emitted on the next tick) and hands them over as findings.
 */
export function watchWarnings(): { drain(where: string): Promise<Finding[]>; stop(): void } {
  const seen: Error[] = [];
  const listener = (w: Error): void => {
    seen.push(w);
  };
  process.on('warning', listener);
  return {
    async drain(where) {
      await new Promise((r) => setImmediate(r));
      return seen.splice(0).map((w) => ({ kind: 'process-warning', message: `${where}: ${w.name}: ${w.message}`, signature: `${where}: ${w.name}: ${generalise(w.message)}` }));
    },
    stop() {
      process.off('warning', listener);
    },
  };
}
