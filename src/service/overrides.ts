import { z } from 'zod';
import { InputError, type Issue } from '../model/errors.js';
import { inMagnitude, MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT, magnitudeMessage } from '../model/magnitude.js';
import type { Economy, Resource, Target, TradeTerms } from '../model/types.js';

/** A number ≥ 0 within the magnitude rule (docs/model.md, "Numbers"): a larger one is a 400. */
const amount = z.number().finite().nonnegative().max(MAX_MAGNITUDE, `must be at most ${MAX_MAGNITUDE_TEXT}`);

/** A scenario's changes to its model: targets, resource limits and world prices. */
export const overrideSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('target'), product: z.string().min(1), region: z.string().min(1).optional(), period: z.string().min(1).optional(), factor: amount.optional(), amount: amount.optional() }),
  z.strictObject({ kind: z.literal('resource'), resource: z.string().min(1), period: z.string().min(1).optional(), factor: amount.optional(), available: amount.optional() }),
  z.strictObject({
    kind: z.literal('price'),
    product: z.string().min(1),
    exportPrice: amount.optional(),
    importPrice: amount.optional(),
    maxExport: amount.optional(),
    maxImport: amount.optional(),
  }),
]);

export type Override = z.output<typeof overrideSchema>;

/**
 * The economy of a scenario: the model with each override applied in order. A target override
 * scales (`factor`) or replaces (`amount`) every target of the product that matches its region
 * and period; a resource override scales or replaces the availability (in one period, or all);
 * a price override sets export and import prices and caps of a product, or of one item
 * (`grain@ukraine`, as the model's own trade terms may name it). An override naming nothing in the model is
 * bad input (InputError located at `overrides[k]`), and so is a factor that takes a target or an
 * availability beyond 1e30 (located at its `factor`, with the value it would give).
 */
export function applyOverrides(e: Economy, overrides: readonly Override[]): Economy {
  const issues: Issue[] = [];
  const bad = (k: number, field: string, message: string, value: unknown): void => {
    issues.push({ code: 'unknown-id', message, location: { file: 'scenario', path: ['overrides', k, field] }, value });
  };
  /** `v` × `factor` of override k, or an issue at its factor if that leaves the magnitude rule. */
  const scaled = (k: number, v: number, factor: number, what: string): number => {
    const x = v * factor;
    if (!inMagnitude(x)) issues.push({ code: 'out-of-range', message: `${what} × factor = ${v} × ${factor} = ${x}, which ${magnitudeMessage(x)}`, location: { file: 'scenario', path: ['overrides', k, 'factor'] }, value: x });
    return x;
  };
  let targets: Target[] = [...e.targets];
  let resources: Resource[] = [...e.resources];
  let trade: TradeTerms[] = [...e.trade];
  const products = new Set(e.products.map((p) => p.id));
  const regions = new Set(e.regions.map((r) => r.id));
  const isProductRef = (ref: string): boolean => {
    const at = ref.indexOf('@');
    return at < 0 ? products.has(ref) : products.has(ref.slice(0, at)) && regions.has(ref.slice(at + 1));
  };
  overrides.forEach((o, k) => {
    if (o.kind === 'target') {
      if ((o.factor === undefined) === (o.amount === undefined)) return issues.push({ code: 'invalid', message: 'give exactly one of factor and amount', location: { file: 'scenario', path: ['overrides', k] }, value: o });
      if (o.period !== undefined && !e.periods.includes(o.period)) return bad(k, 'period', `no period ${o.period} in the model (periods: ${e.periods.join(', ')})`, o.period);
      let matched = 0;
      targets = targets.map((t) => {
        if (t.product !== o.product || (o.region !== undefined && t.region !== o.region) || (o.period !== undefined && t.period !== o.period)) return t;
        matched++;
        return { ...t, amount: o.amount ?? scaled(k, t.amount, o.factor ?? 1, `the target of ${t.product}`) };
      });
      if (matched === 0) bad(k, 'product', `no target of ${o.product}${o.region === undefined ? '' : ` in ${o.region}`}${o.period === undefined ? '' : ` in ${o.period}`} in the model`, o.product);
    } else if (o.kind === 'resource') {
      if ((o.factor === undefined) === (o.available === undefined)) return issues.push({ code: 'invalid', message: 'give exactly one of factor and available', location: { file: 'scenario', path: ['overrides', k] }, value: o });
      if (o.period !== undefined && !e.periods.includes(o.period)) return bad(k, 'period', `no period ${o.period} in the model (periods: ${e.periods.join(', ')})`, o.period);
      const r = resources.findIndex((x) => x.id === o.resource);
      if (r < 0) return bad(k, 'resource', `no resource ${o.resource} in the model`, o.resource);
      const old = resources[r];
      const change = (v: number | undefined): number | undefined => (o.available !== undefined ? o.available : v === undefined ? undefined : scaled(k, v, o.factor ?? 1, `the availability of ${o.resource}`));
      const per = (p: string): number | undefined => (old.available === undefined ? undefined : typeof old.available === 'number' ? old.available : old.available[p]);
      let available: Resource['available'];
      if (o.period === undefined && (old.available === undefined || typeof old.available === 'number')) available = change(old.available as number | undefined);
      else {
        const map: Record<string, number> = {};
        for (const p of e.periods) {
          const v = p === o.period || o.period === undefined ? change(per(p)) : per(p);
          if (v !== undefined) map[p] = v;
        }
        available = Object.keys(map).length === 0 ? undefined : map;
      }
      const next: { -readonly [K in keyof Resource]: Resource[K] } = { ...old };
      delete next.available;
      if (available !== undefined) next.available = available;
      resources = resources.map((x, i) => (i === r ? next : x));
    } else {
      if (!isProductRef(o.product)) return bad(k, 'product', `no product ${o.product} in the model`, o.product);
      const i = trade.findIndex((t) => t.product === o.product);
      const base: TradeTerms = i < 0 ? { product: o.product } : trade[i];
      const next: TradeTerms = {
        ...base,
        ...(o.exportPrice === undefined ? {} : { exportPrice: o.exportPrice }),
        ...(o.importPrice === undefined ? {} : { importPrice: o.importPrice }),
        ...(o.maxExport === undefined ? {} : { maxExport: o.maxExport }),
        ...(o.maxImport === undefined ? {} : { maxImport: o.maxImport }),
      };
      trade = i < 0 ? [...trade, next] : trade.map((t, j) => (j === i ? next : t));
    }
    return undefined;
  });
  if (issues.length > 0) throw new InputError(issues);
  return { ...e, targets, resources, trade };
}
