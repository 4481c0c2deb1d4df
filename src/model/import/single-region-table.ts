import { inputError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { splitNegativeStressors } from './split-negative-stressors.js';
import type { IoExtension, IoTable, SparseIoTable } from './types.js';

/** The final-demand category that holds a region's exports once it is cut out of a multi-regional table. */
export const EXPORTS_CATEGORY = 'exports';
/** The extension that holds a region's imports, by region of origin, once it is cut out. */
export const IMPORTS_EXTENSION = 'imports';

/**
 * One region's own table cut out of a multi-regional one (`--region ID` of a multi-regional
 * import): its products and their flows among themselves (Z_rr), its final-demand categories with
 * what it consumes of its own products (Y_rr), and a category `exports` with what every other
 * region buys of them (row sums of Z_r,other and Y_r,other); the inputs it buys from every other
 * region become the extension `imports`, one stressor per region of origin in the unit of the flows
 * (intermediate imports in F, final-demand imports in F_Y); the other extensions keep the region's
 * columns. Gross output is unchanged: x_r = Z_rr 1 + Y_rr 1 + exports. Negative entries of the
 * imports (inventory decreases of imported goods) are split as other stressors' are
 * (splitNegativeStressors). A region the table has not is an InputError at `option` with the
 * nearest region. The table may hold its flows dense or by column (SparseIoTable: GLORIA's whole
 * database); the region's own table is dense (its sectors²).
 */
export function singleRegionTable(t: IoTable | SparseIoTable, region: string, file: string, option = '--region'): IoTable {
  const r = t.regions.indexOf(region);
  if (r < 0) {
    throw inputError('unknown-region', `the table has no region "${region}"${didYouMean(region, t.regions)}; it has ${t.regions.length}: ${listed(t.regions)}`, { file, path: [option] }, region);
  }
  const S = t.sectors.length;
  const C = t.categories.length;
  const R = t.regions.length;
  const n = R * S;
  const K = R * C;
  const others = t.regions.filter((_, o) => o !== r);
  if (t.categories.includes(EXPORTS_CATEGORY)) {
    throw inputError('duplicate-label', `the table already has a final-demand category "${EXPORTS_CATEGORY}", which --region would add for the region's exports`, { file, path: [option] }, region);
  }
  const Z = new Float64Array(S * S);
  const Y = new Float64Array(S * (C + 1));
  const imports = new Float64Array(others.length * S);
  const importsY = new Float64Array(others.length * (C + 1));
  const flow = (i: number, j: number, v: number): void => {
    const from = Math.floor(i / S);
    const to = Math.floor(j / S);
    if (from === r && to === r) Z[(i % S) * S + (j % S)] = v;
    else if (from === r) Y[(i % S) * (C + 1) + C] += v;
    else if (to === r) imports[(from < r ? from : from - 1) * S + (j % S)] += v;
  };
  // Every sum adds its terms in the same order from a dense table and a sparse one (by column).
  if ('Z' in t) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) flow(i, j, t.Z[i * n + j]);
  } else {
    const z = t.zByColumn;
    for (let j = 0; j < n; j++) for (let e = z.rowPtr[j]; e < z.rowPtr[j + 1]; e++) flow(z.colIdx[e], j, z.values[e]);
  }
  for (let i = 0; i < n; i++) {
    const from = Math.floor(i / S);
    const si = i % S;
    const o = from < r ? from : from - 1;
    for (let col = 0; col < K; col++) {
      const v = t.Y[i * K + col];
      const to = Math.floor(col / C);
      if (from === r && to === r) Y[si * (C + 1) + (col % C)] = v;
      else if (from === r) Y[si * (C + 1) + C] += v;
      else if (to === r) importsY[o * (C + 1) + (col % C)] += v;
    }
  }
  const extensions: IoExtension[] = t.extensions.map((e) => {
    const m = e.stressors.length;
    const F = new Float64Array(m * S);
    for (let s = 0; s < m; s++) for (let j = 0; j < S; j++) F[s * S + j] = e.F[s * n + r * S + j];
    if (e.FY === undefined) return { name: e.name, stressors: e.stressors, F };
    const FY = new Float64Array(m * (C + 1));
    for (let s = 0; s < m; s++) for (let c = 0; c < C; c++) FY[s * (C + 1) + c] = e.FY[s * K + r * C + c];
    return { name: e.name, stressors: e.stressors, F, FY };
  });
  const read = [...(t.notes?.read ?? [])];
  if (others.length > 0) {
    const name = t.extensions.some((e) => e.name === IMPORTS_EXTENSION) ? `${IMPORTS_EXTENSION} (other regions)` : IMPORTS_EXTENSION;
    const split = splitNegativeStressors({ name, stressors: others.map((id) => ({ id, unit: t.unit })), F: imports, FY: importsY });
    extensions.push(split.extension);
    read.push(
      `--region ${region}: its own table cut out of the ${R} regions' (${S} sectors); what the other ${others.length} buy of its products as the final-demand category "${EXPORTS_CATEGORY}", what it buys of theirs as the extension "${name}" by region of origin, in ${t.unit}`,
    );
    if (split.split.length > 0) read.push(`${name}: ${split.split.length} region(s) of origin with negative entries split into "… (negative part)": ${listed(split.split)}`);
  }
  return {
    name: t.name,
    unit: t.unit,
    regions: [region],
    sectors: t.sectors,
    Z,
    categories: [...t.categories, EXPORTS_CATEGORY],
    Y,
    ...(t.x === undefined ? {} : { x: t.x.slice(r * S, (r + 1) * S) }),
    extensions,
    ...(t.population === undefined ? {} : { population: t.population.slice(r, r + 1) }),
    notes: { read, guessed: t.notes?.guessed ?? [], dropped: t.notes?.dropped ?? [] },
  };
}

function listed(list: readonly string[]): string {
  return list.length <= 8 ? list.join(', ') : `${list.slice(0, 4).join(', ')}, …, ${list.slice(-2).join(', ')}`;
}
