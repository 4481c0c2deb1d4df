import type { Economy } from '../types.js';
import { NO_REGION } from './binary-format.js';
import { economyParts, writeModelFolder, type ModelFolder } from './economy-to-parquet.js';
import { targetColumns } from './parquet-to-columnar.js';

type Doc = Record<string, unknown>;

/** A record's fields other than `omit`, as JSON; null when it has none. */
function moreOf(record: Doc, omit: readonly string[]): string | null {
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => !omit.includes(k)));
  return Object.keys(rest).length === 0 ? null : JSON.stringify(rest);
}

/**
 * Writes an economy as format 2 of the binary format (docs/binary-format.md): the folder `dir`
 * with model.parquet and the products, techniques and targets as tables of their own.
 */
export function economyToFolder(e: Economy, dir: string): void {
  writeModelFolder(dir, economyFolderParts(e));
}

/** An economy as the parts of a format 2 folder (ModelFolder). */
export function economyFolderParts(e: Economy): ModelFolder {
  const { model, coefficients } = economyParts(e);
  const { products, techniques, ...rest } = model as Doc & { products: Doc[]; techniques: Doc[] };
  delete rest.targets;
  const regions = new Map(e.regions.map((r, i) => [r.id, i]));
  const regionOf = (r: string | undefined): number => (r === undefined ? NO_REGION : (regions.get(r) ?? NO_REGION));
  return {
    model: rest,
    products: {
      id: e.products.map((p) => p.id),
      unit: e.products.map((p) => p.unit),
      region: Int32Array.from(e.products, (p) => regionOf(p.region)),
      more: products.map((p) => moreOf(p, ['id', 'unit', 'region'])),
    },
    techniques: {
      id: e.techniques.map((t) => t.id),
      region: Int32Array.from(e.techniques, (t) => regionOf(t.region)),
      more: techniques.map((t) => moreOf(t, ['id', 'region'])),
    },
    targets: targetColumns(e),
    coefficients,
  };
}
