import type { DirectUse, Economy, Product, Region, Resource, Target, Technique } from '../types.js';
import type { IoTable, SparseIoTable } from './types.js';

export interface IoTableToEconomyOptions {
  /** Priority tier of the final-demand targets; default 1. */
  readonly priority?: number;
  /** Name of the economy; default the table's name. */
  readonly name?: string;
}

/** Gross output of a table (dense or sparse): its stated x, else rowsum Z + rowsum Y. */
export function tableOutput(t: IoTable | SparseIoTable): Float64Array {
  const n = t.regions.length * t.sectors.length;
  if (t.x !== undefined) return t.x;
  const k = t.regions.length * t.categories.length;
  const x = new Float64Array(n);
  if ('Z' in t) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += t.Z[i * n + j];
      x[i] = s;
    }
  } else {
    const z = t.zByColumn;
    for (let e = 0; e < z.rowPtr[n]; e++) x[z.colIdx[e]] += z.values[e];
  }
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let c = 0; c < k; c++) s += t.Y[i * k + c];
    x[i] = s;
  }
  return x;
}

/** Product ids of a table: `sector` for one region, `region/sector` for several (region-major). */
export function tableProductIds(t: Pick<IoTable, 'regions' | 'sectors'>): string[] {
  const ids: string[] = [];
  for (const r of t.regions) for (const s of t.sectors) ids.push(t.regions.length === 1 ? s : `${r}/${s}`);
  return ids;
}

/**
 * Turns an input–output table into an economy model, keeping every account:
 *
 * - one product per (region, sector), id `sector` (one region) or `region/sector`, with its region
 *   and the table's unit; regions with their population;
 * - one technique per product (same id) producing 1 unit, consuming a_ij = z_ij / x_j of each
 *   product i and using f_sj / x_j of each satellite account, where x is the table's output row,
 *   or rowsum Z + rowsum Y. A product with x_j = 0 is kept, with a technique without inputs (as
 *   pymrio sets A's column to 0); its name says so and the description lists these products;
 * - satellite accounts (primary inputs, stressors) as resources `extension/stressor` without a limit;
 * - each positive final-demand entry as a target (product, region of demand, category, amount);
 * - final demand that is negative (inventory decrease, negative exports) cannot be a target: it is
 *   summed per product into `plan.imports`, supply from outside production, so that every product
 *   still balances (x_i + imports_i = Σ_j z_ij + Σ targets_i). Net final demand per product is
 *   then targets − plan imports; region and category of negative entries are not kept;
 * - F_Y entries (non-zero) as `directUse` by region and category;
 * - gross outputs x as the economy's plan (`plan.output`), so that Z = A diag(x) can be recovered.
 */
export function ioTableToEconomy(t: IoTable, options: IoTableToEconomyOptions = {}): Economy {
  const x = tableOutput(t);
  const shell = economyShell(t, x, options);
  const { ids, resourceIds } = shell;
  const n = ids.length;
  const S = t.sectors.length;
  const C = t.categories.length;
  const K = t.regions.length * C;
  const priority = options.priority ?? 1;

  const techniques: Technique[] = [];
  for (let j = 0; j < n; j++) {
    const consumes: Record<string, number> = {};
    const uses: Record<string, number> = {};
    const xj = x[j];
    if (xj !== 0) {
      for (let i = 0; i < n; i++) {
        const z = t.Z[i * n + j];
        if (z !== 0) consumes[ids[i]] = z / xj;
      }
      t.extensions.forEach((ext, e) => {
        const m = ext.stressors.length;
        for (let s = 0; s < m; s++) {
          const f = ext.F[s * n + j];
          if (f !== 0) uses[resourceIds[e][s]] = f / xj;
        }
      });
    }
    techniques.push({ id: ids[j], produces: { [ids[j]]: 1 }, consumes, uses, region: t.regions[Math.floor(j / S)] });
  }

  const targets: Target[] = [];
  for (let i = 0; i < n; i++) {
    for (let col = 0; col < K; col++) {
      const y = t.Y[i * K + col];
      if (y > 0) targets.push({ product: ids[i], amount: y, priority, region: t.regions[Math.floor(col / C)], category: t.categories[col % C] });
    }
  }
  return { ...shell.economy, techniques, targets };
}

/** An economy made of a table, but for its techniques and targets (ioTableToEconomy's rules), with the ids it uses. */
export interface EconomyShell {
  readonly economy: Omit<Economy, 'techniques' | 'targets'>;
  /** Product ids, region-major (tableProductIds). */
  readonly ids: readonly string[];
  /** Per extension, per stressor: the resource id. */
  readonly resourceIds: readonly (readonly string[])[];
}

/**
 * What ioTableToEconomy makes of a table (dense or sparse) but its techniques and targets: products
 * (a product without output named so), resources, regions, direct use (F_Y), the plan (output x,
 * negative final demand as imports), the description. `x` is tableOutput(t).
 */
export function economyShell(t: Omit<IoTable, 'Z'>, x: Float64Array, options: IoTableToEconomyOptions = {}): EconomyShell {
  const ids = tableProductIds(t);
  const n = ids.length;
  const S = t.sectors.length;
  const C = t.categories.length;
  const K = t.regions.length * C;

  const zeroOutput: string[] = [];
  const products: Product[] = ids.map((id, i) => {
    const region = t.regions[Math.floor(i / S)];
    if (x[i] === 0) {
      zeroOutput.push(id);
      return { id, unit: t.unit, region, name: `${id} (no output in the table)` };
    }
    return { id, unit: t.unit, region };
  });

  const resources: Resource[] = [];
  const resourceIds: string[][] = [];
  for (const ext of t.extensions) {
    const row: string[] = [];
    for (const s of ext.stressors) {
      const id = `${ext.name}/${s.id}`;
      row.push(id);
      resources.push(s.compartment === undefined ? { id, unit: s.unit } : { id, unit: s.unit, name: `${s.id} (${s.compartment})` });
    }
    resourceIds.push(row);
  }

  const stockDraw: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    for (let col = 0; col < K; col++) {
      const y = t.Y[i * K + col];
      if (y < 0) stockDraw[ids[i]] = (stockDraw[ids[i]] ?? 0) - y;
    }
  }

  const directUse: DirectUse[] = [];
  t.extensions.forEach((ext, e) => {
    if (ext.FY === undefined) return;
    for (let s = 0; s < ext.stressors.length; s++) {
      for (let col = 0; col < K; col++) {
        const amount = ext.FY[s * K + col];
        if (amount !== 0) directUse.push({ resource: resourceIds[e][s], amount, region: t.regions[Math.floor(col / C)], category: t.categories[col % C] });
      }
    }
  });

  const regions: Region[] = t.regions.map((id, r) => (t.population === undefined ? { id } : { id, population: t.population[r] }));
  const output: Record<string, number> = {};
  for (let i = 0; i < n; i++) output[ids[i]] = x[i];
  const hasDraw = Object.keys(stockDraw).length > 0;

  let description = `Imported from the input–output table ${JSON.stringify(t.name)}${t.unit === '' ? '' : ` (${t.unit})`}: ${t.regions.length} region(s) × ${S} sector(s).`;
  if (zeroOutput.length > 0) description += ` Products without output (kept, no inputs): ${zeroOutput.join(', ')}.`;
  if (hasDraw) description += ' Negative final demand is carried as plan imports.';

  return {
    ids,
    resourceIds,
    economy: {
      name: options.name ?? t.name,
      description,
      periods: ['1'],
      regions,
      products,
      resources,
      trade: [],
      directUse,
      plan: hasDraw ? { name: 'table', output, imports: stockDraw } : { name: 'table', output },
    },
  };
}
