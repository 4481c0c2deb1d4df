import type { Api } from '../api.js';
import type { ModelDetail } from '../api-types.js';
import { formatAmount } from '../format.js';

/** The units of a model's products (for their items, `product@region`) and resources. */
export interface Units {
  item(id: string): string;
  resource(id: string): string;
  /** An amount of an item with its unit: `1,791.41 tractor`. */
  amount(x: number, item: string): string;
  regionName(id: string): string;
}

export function unitsOf(detail: ModelDetail | null): Units {
  const products = new Map((detail?.economy.products ?? []).map((p) => [p.id, p.unit]));
  const resources = new Map((detail?.economy.resources ?? []).map((r) => [r.id, r.unit]));
  const regions = new Map((detail?.economy.regions ?? []).map((r) => [r.id, r.name ?? r.id]));
  const item = (id: string): string => products.get(id.split('@')[0]) ?? '';
  return {
    item,
    resource: (id) => resources.get(id) ?? '',
    amount: (x, id) => `${formatAmount(x)} ${item(id)}`.trim(),
    regionName: (id) => regions.get(id) ?? id.replace(/_/g, ' '),
  };
}

/** The units of the published plan's model version (its economy lists them). */
export async function loadUnits(api: Api, modelId: string, version: number): Promise<Units> {
  const detail = await api.request<ModelDetail>('GET', `/models/${encodeURIComponent(modelId)}?version=${version}`);
  return unitsOf(detail);
}

/** Units from a map of item id → unit (an enterprise's plan gives them; it may not read the model). */
export function unitsFromMap(items: Readonly<Record<string, string>>, resources: Readonly<Record<string, string>> = {}): Units {
  const item = (id: string): string => items[id] ?? '';
  return { item, resource: (id) => resources[id] ?? '', amount: (x, id) => `${formatAmount(x)} ${item(id)}`.trim(), regionName: (id) => id.replace(/_/g, ' ') };
}
