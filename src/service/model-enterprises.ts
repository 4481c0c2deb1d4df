import { compileEconomy } from '../compile/compile-economy.js';
import type { CompiledEconomy } from '../compile/types.js';
import { suggest } from '../model/suggest.js';
import type { Economy, EconomyBase } from '../model/types.js';
import type { ModelListing } from '../store/index.js';
import type { ServiceContext } from './service-context.js';
import { ServiceError } from './service-error.js';
import { publishedPlan, type PublishedPlan } from './published-plan.js';

/** The enterprises of one model: named (a technique's `enterprise` field) and techniques of their own. */
interface ModelEnterprises {
  readonly named: ReadonlySet<string>;
  readonly own: ReadonlySet<string>;
}

function enterprisesOf(e: EconomyBase): ModelEnterprises {
  const named = new Set<string>();
  const own = new Set<string>();
  for (const t of e.techniques) (t.enterprise === undefined ? own : named).add(t.enterprise ?? t.id);
  return { named, own };
}

const has = (m: ModelEnterprises, id: string): boolean => m.named.has(id) || m.own.has(id);

/** Per service: the enterprises of each stored model version, and the last few compiled (stored versions never change). */
interface Kept {
  readonly enterprises: Map<string, ModelEnterprises>;
  readonly compiled: Map<string, CompiledEconomy>;
}

const keptByContext = new WeakMap<ServiceContext, Kept>();

function kept(ctx: ServiceContext): Kept {
  let k = keptByContext.get(ctx);
  if (k === undefined) keptByContext.set(ctx, (k = { enterprises: new Map(), compiled: new Map() }));
  return k;
}

const versionKey = (m: ModelListing): string => `${m.id}\u0000${m.version}`;

async function economyOf(ctx: ServiceContext, m: ModelListing): Promise<Economy> {
  const record = await ctx.store.models.get(m.id, m.version);
  if (record === undefined) throw new Error(`model ${m.id} version ${m.version} vanished from the store`);
  return ctx.economies.get(record);
}

async function enterprisesOfModel(ctx: ServiceContext, m: ModelListing): Promise<ModelEnterprises> {
  const { enterprises } = kept(ctx);
  let e = enterprises.get(versionKey(m));
  if (e === undefined) enterprises.set(versionKey(m), (e = enterprisesOf(await economyOf(ctx, m))));
  return e;
}

async function compiledModel(ctx: ServiceContext, m: ModelListing): Promise<CompiledEconomy> {
  const { compiled } = kept(ctx);
  let c = compiled.get(versionKey(m));
  if (c === undefined) {
    compiled.set(versionKey(m), (c = compileEconomy(await economyOf(ctx, m))));
    if (compiled.size > 4) compiled.delete(compiled.keys().next().value as string);
  }
  return c;
}

/** The latest version of every stored model, newest first. */
async function latestModels(ctx: ServiceContext): Promise<ModelListing[]> {
  return [...(await ctx.store.models.list())].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The enterprises the service knows of: those the published plan's model or the latest version of
 * a stored model names (a technique's `enterprise` field; a technique without one is an
 * enterprise of its own, under the technique's id). Named enterprises first, then the techniques
 * that are enterprises of their own; each once.
 */
export async function modelEnterprises(ctx: ServiceContext): Promise<string[]> {
  const pub = await publishedPlan(ctx);
  const all = [...(pub === undefined ? [] : [enterprisesOf(pub.compiled.model)])];
  for (const m of await latestModels(ctx)) all.push(await enterprisesOfModel(ctx, m));
  const named = new Set(all.flatMap((m) => [...m.named]));
  const own = new Set(all.flatMap((m) => [...m.own]).filter((id) => !named.has(id)));
  return [...named, ...own];
}

/**
 * The enterprises one stored model names (its latest version): named enterprises first, then the
 * techniques that are enterprises of their own; undefined when no model has this id.
 */
export async function enterprisesOfStoredModel(ctx: ServiceContext, modelId: string): Promise<string[] | undefined> {
  const m = (await latestModels(ctx)).find((x) => x.id === modelId);
  if (m === undefined) return undefined;
  const e = await enterprisesOfModel(ctx, m);
  return [...e.named, ...[...e.own].filter((id) => !e.named.has(id))];
}

/**
 * The economy a report of an enterprise is checked against: the published plan's when one is
 * published (`pub`, read once by the caller, so that the report and its alerts go by one plan),
 * else the newest stored model (latest version) that names the enterprise; undefined when none does.
 */
export async function reportEconomy(ctx: ServiceContext, enterprise: string, pub: PublishedPlan | undefined): Promise<CompiledEconomy | undefined> {
  if (pub !== undefined) return pub.compiled;
  for (const m of await latestModels(ctx)) if (has(await enterprisesOfModel(ctx, m), enterprise)) return compiledModel(ctx, m);
  return undefined;
}

/** Up to `k` names near `name` (suggest's rule), nearest first. */
function nearest(name: string, names: readonly string[], k: number): string[] {
  const pool = [...names];
  const out: string[] = [];
  while (out.length < k) {
    const s = suggest(name, pool);
    if (s === undefined) break;
    out.push(s);
    pool.splice(pool.indexOf(s), 1);
  }
  return out;
}

/**
 * The 422 for registering an enterprise no model names, located at `body.id`: the nearest names
 * the models give (else the first few), and how an enterprise is added.
 */
export function notNamedByModels(id: string, known: readonly string[]): ServiceError {
  const near = nearest(id, known, 3);
  const quote = (list: readonly string[]) => list.map((n) => JSON.stringify(n)).join(', ');
  const hint =
    near.length > 0
      ? `did you mean ${quote(near)}?`
      : known.length === 0
        ? 'no model is stored yet'
        : `the models name ${quote(known.slice(0, 8))}${known.length > 8 ? `, … (${known.length} in all)` : ''}`;
  const message = `no technique of the published plan or of a stored model names enterprise ${JSON.stringify(id)} (${hint}). An enterprise is added with its techniques: a model version whose techniques name it in their \`enterprise\` field (PUT /api/models/:id), then POST /api/enterprises`;
  return new ServiceError('refused', 'unknown-enterprise', message, [{ path: ['id'], code: 'unknown-id', message: `no model names this enterprise (${hint})`, value: id }]);
}
