import type { EconomyView, Override } from './api-types.js';

/** A ready-made question: a named scenario and the overrides that pose it. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly overrides: readonly Override[];
}

interface TradeEntry {
  readonly product: string;
  readonly exportPrice?: number;
  readonly maxExport?: number;
  readonly importPrice?: number;
  readonly maxImport?: number;
}

/** The model's trade entries, when the service sends them. */
function tradeOf(economy: EconomyView): TradeEntry[] {
  const t = (economy as unknown as { trade?: unknown }).trade;
  return Array.isArray(t) ? (t as TradeEntry[]).filter((x) => typeof x.product === 'string') : [];
}

const limited = (r: EconomyView['resources'][number]): boolean => r.available !== undefined;

/**
 * Questions that the open model can answer, built from what it has: more of its scarcest-looking
 * resources, a larger export cap of a traded item, more of a target. Never an id the model lacks.
 */
export function presetsFor(economy: EconomyView): Preset[] {
  const out: Preset[] = [];
  const currency = (economy as unknown as { currency?: string }).currency;
  const resources = economy.resources.filter(limited);
  const currencyResource = resources.find((r) => r.id === currency);
  if (currencyResource !== undefined) out.push({ id: 'double-currency', label: `Twice the ${currencyResource.id.replace(/_/g, ' ')}`, overrides: [{ kind: 'resource', resource: currencyResource.id, factor: 2 }] });
  for (const r of resources.filter((x) => x.id !== currency).slice(0, 2)) out.push({ id: `more-${r.id}`, label: `20% more ${r.id.replace(/_/g, ' ')}`, overrides: [{ kind: 'resource', resource: r.id, factor: 1.2 }] });
  const exported = tradeOf(economy).find((t) => t.maxExport !== undefined);
  if (exported?.maxExport !== undefined) out.push({ id: 'more-exports', label: `Export a third more ${exported.product.replace('@', ' from ').replace(/_/g, ' ')}`, overrides: [{ kind: 'price', product: exported.product, maxExport: exported.maxExport * (4 / 3) }] });
  const target = (economy as unknown as { targets?: readonly { product: string }[] }).targets?.[0];
  if (target !== undefined) out.push({ id: 'more-target', label: `10% more ${target.product.replace(/_/g, ' ')} asked`, overrides: [{ kind: 'target', product: target.product, factor: 1.1 }] });
  return out;
}

/** The model's tradeable items (trade entries), for price and trade-cap overrides. */
export function tradedItems(economy: EconomyView): string[] {
  return [...new Set(tradeOf(economy).map((t) => t.product))];
}
