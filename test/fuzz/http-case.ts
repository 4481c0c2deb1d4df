import { OPERATIONS } from '../../src/server/openapi.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { deepNesting, HOSTILE_NUMBERS, HOSTILE_STRINGS, nestingDepth } from './hostile.js';
import { encodeText, mutateBytes } from './mutate-bytes.js';
import { mutateTree } from './mutate-tree.js';
import { caseSeed, Rng } from './rng.js';
import { valueFromSchema, type Hint, type Schema } from './schema-value.js';
import { exampleTree, generateModel } from './small-models.js';
import { SETUP, type PlannedAmounts } from './http-setup.js';
import { cloneTree, Obj, Raw, toJsonText, toYamlText, type Node } from './tree.js';

/** One request of the HTTP fuzzer. */
export interface HttpStep {
  readonly method: string;
  /** Path and query, percent-encoded. */
  readonly url: string;
  /** Which token to send: a role of the fuzz setup, or a literal Authorization header. */
  readonly auth: 'planner' | 'enterprise' | 'none' | { readonly header: string };
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: Buffer;
  /** `METHOD /fastify/path`: the route the request was made for. */
  readonly route: string;
  readonly notes: readonly string[];
}

export interface HttpCase {
  readonly seed: number;
  /** Index of the first step in its campaign. */
  readonly index: number;
  readonly steps: readonly HttpStep[];
}

/** A route of the service as fastify registered it. */
export interface Route {
  readonly method: string;
  readonly url: string;
}

/** Percent-encoding that also takes lone surrogates (as the bytes a careless client sends: CESU-8). */
export function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}

const HOSTILE_PATH = ['0', '-1', '1.5', '1e308', '99999999999999999999', 'abc', ' 1', '1 ', '%00', '%F0%9F', '%2F', '..', '%2E%2E', '', 'null', '__proto__', '%ED%A0%80', 'x'.repeat(300)];

function hostileString(rng: Rng): string {
  return rng.pick(HOSTILE_STRINGS);
}

/** The model text of an upload: the setup's model or a small generated one, often mutated, in the format asked for (or the other). */
function modelText(rng: Rng, format: 'yaml' | 'json', notes: string[]): Node {
  const tree = rng.chance(0.5) ? exampleTree('small') : rng.chance(0.5) ? generateModel(rng) : exampleTree('kantorovich/excavator.yaml');
  const t = cloneTree(tree);
  if (rng.chance(0.08) && t instanceof Obj) {
    // A whole section nested deep: the reader's recursion, not the schema, meets it first.
    const depth = nestingDepth(rng);
    t.entries.push(['products', deepNesting(rng, depth)]);
    notes.push(`model text: products nested ${depth} deep`);
  }
  if (rng.chance(0.7)) notes.push(...mutateTree(t, rng, rng.between(1, 2), { yaml: format === 'yaml', maxArray: 40, deep: rng.chance(0.3) }).map((m) => `model text: ${m}`));
  const written = rng.chance(0.9) ? format : format === 'yaml' ? 'json' : 'yaml';
  return written === 'json' ? toJsonText(t) : toYamlText(t, { flowUpTo: 4 });
}

/** Good values for named fields, from the fuzz setup; now and then a hostile one. */
function hints(rng: Rng, route: string, notes: string[]): Hint {
  const h = (good: readonly Node[], hostile = 0.12): Node => (rng.chance(hostile) ? hostileString(rng) : rng.pick(good));
  const amount = (): Node => (rng.chance(0.08) ? rng.pick(HOSTILE_NUMBERS) : rng.chance(0.05) ? new Raw('1e308') : rng.between(0, 200));
  let format: 'yaml' | 'json' = rng.chance(0.7) ? 'yaml' : 'json';
  return (field) => {
    switch (field) {
      case 'modelId':
        return h([...SETUP.models, SETUP.models[0], 'nope']);
      case 'modelVersion':
        return rng.pick([1, 1, 1, 1, 2, 0, -1, 1e308]);
      case 'id':
        if (route.includes('/enterprises')) return h([...SETUP.enterprises, 'New Works', 'make_grain', rng.pick(SETUP.techniques)], 0.2);
        return h([`m-${rng.int(50)}`, SETUP.models[0], 'Fuzz', 'a--b']);
      case 'name':
        return h(['base', 'Fuzz', 'x'], 0.2);
      case 'format':
        format = rng.chance(0.9) ? format : rng.pick(['yaml', 'json']);
        return rng.chance(0.97) ? format : rng.pick(['xml', 'YAML', '']);
      case 'text':
        return modelText(rng, format, notes);
      case 'period':
      case 'fromPeriod':
        return h([...SETUP.periods, 'p3']);
      case 'enterprise':
        return h(SETUP.enterprises);
      case 'reportId':
        return h([`r${rng.int(30)}`], 0.15);
      case 'technique':
        return h(SETUP.techniques);
      case 'outputs:key':
      case 'inputs:key':
      case 'activity:key':
        return h([...SETUP.items, ...SETUP.products, ...SETUP.resources], 0.15);
      case 'outputs:value':
      case 'inputs:value':
      case 'activity:value':
        return amount();
      case 'product':
        return h([...SETUP.products, ...SETUP.items]);
      case 'resource':
        return h([...SETUP.resources, 'nothing']);
      case 'factor':
        return rng.pick<Node>([0, 0.5, 1, 2, 1e30, new Raw('1e308')]);
      case 'amount':
      case 'available':
      case 'maxExport':
      case 'maxImport':
      case 'exportPrice':
      case 'importPrice':
        return rng.pick<Node>([0, 10, 100, 1e21, 1e25, 1e30, new Raw('1e308'), 5e-324]);
      case 'timeLimit':
        return rng.pick<Node>([1, 2, 0.5, 2000000, 1e-3]);
      case 'solver':
        return rng.weighted<Node>([
          [10, 'auto'],
          [5, 'highs'],
          [1, 'pdhg'],
        ]);
      case 'gap':
        return rng.pick([1e-6, 1e-3, 1e-12]);
      case 'weights:key':
        return rng.pick(['1', '2', '0', '99']);
      case 'plan':
        return new Obj([['activity', new Obj(SETUP.techniques.filter(() => rng.chance(0.7)).map((t) => [t, amount()]))]]);
      default:
        return undefined;
    }
  };
}

/** Query keys a route takes, read from its summary in the OpenAPI list (`?period=&enterprise=`). */
function queryKeys(route: Route): string[] {
  const op = OPERATIONS.find((o) => o.method === route.method.toLowerCase() && o.path === route.url);
  return op === undefined ? [] : [...op.summary.matchAll(/[?&](\w+)=/g)].map((m) => m[1]);
}

function queryValue(rng: Rng, key: string): string {
  if (rng.chance(0.15)) return rng.chance(0.5) ? hostileString(rng) : rng.pick(HOSTILE_PATH);
  switch (key) {
    case 'period':
      return rng.pick([...SETUP.periods, 'p3']);
    case 'enterprise':
      return rng.pick(SETUP.enterprises);
    case 'level':
      return rng.pick(['normal', 'warning', 'critical']);
    case 'product':
      return rng.pick(SETUP.products);
    case 'category':
      return rng.pick(['households', 'none']);
    case 'supply':
      return rng.pick(['0', '100', '1e308', '1e30', '-1', 'NaN', 'Infinity']);
    default:
      return String(rng.between(1, 6));
  }
}

function pathValue(rng: Rng, url: string, param: string): string {
  if (rng.chance(0.12)) return rng.pick(HOSTILE_PATH);
  const before = url.slice(0, url.indexOf(`:${param}`));
  if (before.endsWith('/models/')) return pct(rng.pick([...SETUP.models, 'nope']));
  if (before.endsWith('/enterprises/')) return pct(rng.chance(0.9) ? rng.pick(SETUP.enterprises) : hostileString(rng));
  return String(rng.between(1, 6));
}

/** The body schema of a route, from the OpenAPI document. */
function bodySchema(route: Route): Schema | undefined {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };
  const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
  return doc.paths[path]?.[route.method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
}

const ROUTE_WEIGHTS: Readonly<Record<string, number>> = {
  'POST /api/reports': 6,
  'GET /api/fulfilment': 2,
  'GET /api/alerts': 2,
  'POST /api/models': 3,
  'PUT /api/models/:id': 1.5,
  'POST /api/scenarios': 3,
  'POST /api/scenarios/:id/solve': 2,
  'POST /api/replan': 2,
  'POST /api/models/:id/balance': 2,
  'POST /api/enterprises': 2,
};

/** A report an enterprise of the setup could send: its own technique, items it makes and uses, amounts near the plan's (or hostile). */
function coherentReport(rng: Rng, planned: PlannedAmounts): Obj {
  // Skewed to one enterprise and period, so that reports add up (running totals are where overflow hides).
  const enterprise = rng.chance(0.4) ? SETUP.enterprises[0] : rng.pick(SETUP.enterprises);
  const w = SETUP.work[enterprise];
  const period = rng.chance(0.7) ? SETUP.periods[0] : rng.pick(SETUP.periods);
  // Near the plan (within and just beyond the alert tolerances), far from it, or hostile.
  const amount = (item: string): Node => {
    const plan = planned[enterprise]?.[period]?.[item];
    if (plan !== undefined && rng.chance(0.5)) return plan * rng.pick([1, 1 - 1e-5, 1 + 1e-5, 0.996, 1.004, 0.994, 0.95, 0.84, 1.16, 0.5, 0]);
    return rng.chance(0.15) ? rng.pick<Node>([new Raw('1e308'), new Raw('1.7976931348623157e308'), new Raw('1e308'), 1e30, 1e25, 0, new Raw('5e-324')]) : rng.between(0, 150);
  };
  const entries: [string, Node][] = [
    ['reportId', `r${rng.int(200)}`],
    ['enterprise', enterprise],
    ['period', period],
  ];
  if (w !== undefined && rng.chance(0.4)) entries.push(['technique', rng.pick(w.techniques)]);
  entries.push(['outputs', new Obj((w?.outputs ?? []).filter(() => rng.chance(0.8)).map((i) => [i, amount(i)]))]);
  entries.push(['inputs', new Obj((w?.inputs ?? []).filter(() => rng.chance(0.6)).map((i) => [i, amount(i)]))]);
  return new Obj(entries);
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/json, text/plain', 'APPLICATION/JSON', ''];

/**
 * Request number `index` of an HTTP campaign with `seed` over `routes` (`planned`: what the setup's
 * enterprises make and use under its published plan): the first requests of a
 * campaign take every route once (in order), the rest pick a route by weight. Bodies are built
 * from the route's schema in the OpenAPI document with the setup's ids, then mutated.
 */
export function httpStep(seed: number, index: number, routes: readonly Route[], planned: PlannedAmounts): HttpStep {
  const rng = new Rng(caseSeed(seed, 'http', index));
  const route = index < routes.length ? routes[index] : rng.weighted(routes.map((r) => [ROUTE_WEIGHTS[`${r.method} ${r.url}`] ?? 1, r] as const));
  const key = `${route.method} ${route.url}`;
  const notes: string[] = [];
  let url = route.url.replace(/:([A-Za-z]+)/g, (_m, p: string) => pathValue(rng, route.url, p));
  const keys = queryKeys(route);
  const query: string[] = [];
  for (const k of keys) if (rng.chance(0.35)) query.push(`${k}=${pct(queryValue(rng, k))}`);
  if (rng.chance(0.04)) query.push(`${pct(rng.pick(['x', ...keys, '__proto__']))}=${pct(hostileString(rng))}`);
  if (keys.length > 0 && rng.chance(0.04)) query.push(`${rng.pick(keys)}=a`, `${rng.pick(keys)}=b`);
  if (query.length > 0) url += `?${query.join('&')}`;
  const headers: Record<string, string> = {};
  let payload: Buffer | undefined;
  const schema = bodySchema(route);
  if (schema !== undefined || rng.chance(0.05)) {
    const body = key === 'POST /api/reports' && rng.chance(0.6) ? coherentReport(rng, planned) : schema !== undefined ? valueFromSchema(schema, rng, hints(rng, key, notes)) : new Obj([['x', 1]]);
    if (rng.chance(0.35)) notes.push(...mutateTree(body, rng, rng.weighted([[6, 1], [3, 2], [1, 3]]), { yaml: false, maxArray: 200, deep: rng.chance(0.25) }));
    payload = encodeText(toJsonText(body), 'utf8', rng);
    if (rng.chance(0.08)) {
      const [b, done] = mutateBytes(payload, rng, rng.between(1, 3));
      payload = b;
      notes.push(...done.map((d) => `body bytes: ${d}`));
    }
    if (rng.chance(0.02)) {
      payload = Buffer.alloc(0);
      notes.push('empty body');
    }
    headers['content-type'] = rng.chance(0.93) ? 'application/json' : rng.pick(CONTENT_TYPES);
    if (headers['content-type'] === '') delete headers['content-type'];
  }
  const auth = rng.weighted<HttpStep['auth']>([
    [80, 'planner'],
    [10, 'enterprise'],
    [4, 'none'],
    [3, { header: `Bearer ${rng.pick(['nope', 'x'.repeat(5000), '\u00e9', ''])}` }],
    [3, { header: rng.pick(['Bearer', 'Basic YTpi', 'bearer  ', 'Token x']) }],
  ]);
  return { method: route.method, url, auth, headers, ...(payload === undefined ? {} : { payload }), route: key, notes };
}
