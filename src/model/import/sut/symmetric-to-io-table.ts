import { InputError, type Issue, type Location } from '../../errors.js';
import { inMagnitude } from '../../magnitude.js';
import type { NegativeEntry, SutRowBlock, SymmetricTable } from '../../sut/index.js';
import { checkModelId } from '../model-id.js';
import type { IoExtension, IoTable } from '../types.js';

export interface SymmetricToIoTableOptions {
  readonly name: string;
  readonly unit: string;
  /** Regions; the table's labels are region-major, `sectors` in each. */
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  /** Final-use categories of one region (the table's columns are region-major). */
  readonly categories: readonly string[];
  /** Per row block (by name): its rows' use by final demand, rows × (regions × categories), F_Y. */
  readonly finalUseRows?: Readonly<Record<string, Float64Array>>;
  /** Where an error about a negative entry points: a cell of the input it comes from. */
  readonly place: (negative: NegativeEntry) => Location;
  /** Where an error about a label points. */
  readonly labelPlace: Location;
  /** Leave x out, so that output is the row sums of Z and Y (the use side), as pymrio computes it; default: x is the supply side (q or g). */
  readonly outputFromUse?: boolean;
  readonly read: readonly string[];
  readonly guessed: readonly string[];
  readonly dropped: readonly string[];
}

/**
 * An imported table from a symmetric table made of supply and use tables. Negative flows (left by
 * models A and C) cannot be a model's coefficients: they are an InputError listing each one at
 * its place in the input, with the ways out (Almon's procedure for model A, models B or D). A
 * value-added or extension row with negative entries (taxes less subsidies) becomes two rows,
 * `row` with the positive entries and `row (negative part)` with the negatives as amounts, so that
 * the model's resource use stays non-negative and row − negative part is the row as published.
 */
export function symmetricToIoTable(s: SymmetricTable, o: SymmetricToIoTableOptions): IoTable {
  const negativeFlows = s.negatives.filter((e) => e.block === 'flows');
  const remaining = s.resolution === undefined ? negativeFlows : [];
  if (remaining.length > 0) throw negativesError(s, remaining, o);
  const notes = [...s.notes];
  if (s.negatives.length > 0 && s.resolution !== undefined) notes.push(...negativeLines(s.negatives, 10));
  return { ...tableAround({ ...s, notes }, o), Z: s.Z };
}

/** What a symmetric table without its flows has to say; the flows are Z (dense) or by column (sparse). */
export interface SymmetricAround {
  readonly labels: readonly string[];
  readonly Y: Float64Array;
  readonly x: Float64Array;
  readonly rowBlocks: readonly SutRowBlock[];
  readonly notes: readonly string[];
}

/**
 * An imported table's all but its flows, from a symmetric table (dense or sparse): labels checked
 * as model ids, row blocks as extensions (a row with negatives split, see symmetricToIoTable), the
 * notes. The flows are the caller's.
 */
export function tableAround(s: SymmetricAround, o: SymmetricToIoTableOptions): Omit<IoTable, 'Z'> {
  const n = s.labels.length;
  if (o.regions.length * o.sectors.length !== n) throw new RangeError(`symmetricToIoTable: ${o.regions.length} regions × ${o.sectors.length} sectors ≠ ${n} labels`);
  for (const r of o.regions) checkModelId(r, 'a region label', o.labelPlace);
  for (const sec of o.sectors) checkModelId(sec, 'a sector label', o.labelPlace);
  const split: string[] = [];
  const K = o.regions.length * o.categories.length;
  const extensions: IoExtension[] = s.rowBlocks.map((b) => extensionOf(b, n, K, (r) => b.units?.[r] ?? o.unit, o.finalUseRows?.[b.name], o.labelPlace, split));
  for (const e of extensions) for (const v of e.F) if (!inMagnitude(v)) throw new InputError([{ code: 'too-large', message: `a transformed entry of ${e.name} is beyond 1e30`, location: o.labelPlace, value: v }]);
  return {
    name: o.name,
    unit: o.unit,
    regions: o.regions,
    sectors: o.sectors,
    categories: o.categories,
    Y: s.Y,
    ...(o.outputFromUse === true ? {} : { x: s.x }),
    extensions,
    notes: {
      read: [...o.read, ...s.notes],
      guessed: [...o.guessed],
      dropped: [...o.dropped, ...split.map((r) => `nothing of row ${JSON.stringify(r)}, but its sign: it has negative entries, so it is split into ${JSON.stringify(r)} (its positive entries) and ${JSON.stringify(`${r} (negative part)`)} (its negative entries as amounts)`)],
    },
  };
}

function extensionOf(b: SutRowBlock, n: number, K: number, unitOf: (r: number) => string, FY: Float64Array | undefined, where: Location, split: string[]): IoExtension {
  const stressors: { id: string; unit: string; compartment?: string }[] = [];
  const out: number[][] = [];
  const outY: number[][] = [];
  b.rows.forEach((row, r) => {
    checkModelId(row, `a row label of ${b.name}`, where);
    const v = b.values.subarray(r * n, (r + 1) * n);
    const y = FY?.subarray(r * K, (r + 1) * K) ?? new Float64Array(0);
    const compartment = b.compartments?.[r];
    const negative = v.some((x) => x < 0) || y.some((x) => x < 0);
    stressors.push({ id: row, unit: unitOf(r), ...(compartment === undefined ? {} : { compartment }) });
    out.push(Array.from(v, (x) => Math.max(0, x)));
    outY.push(Array.from(y, (x) => Math.max(0, x)));
    if (negative) {
      split.push(row);
      stressors.push({ id: `${row} (negative part)`, unit: unitOf(r), ...(compartment === undefined ? {} : { compartment }) });
      out.push(Array.from(v, (x) => Math.max(0, -x)));
      outY.push(Array.from(y, (x) => Math.max(0, -x)));
    }
  });
  const F = new Float64Array(stressors.length * n);
  out.forEach((row, k) => F.set(row, k * n));
  if (FY === undefined) return { name: b.name, stressors, F };
  const fy = new Float64Array(stressors.length * K);
  outY.forEach((row, k) => fy.set(row, k * K));
  return { name: b.name, stressors, F, FY: fy };
}

function negativesError(s: SymmetricTable, negatives: readonly NegativeEntry[], o: SymmetricToIoTableOptions): InputError {
  const way = s.model === 'A' ? 'resolve them with --negatives almon (Almon’s procedure), or use --model B (industry technology)' : 'use --model D (fixed product sales structure)';
  const modelName = s.model === 'A' ? 'model A (product technology)' : 'model C (fixed industry sales structure)';
  const issues: Issue[] = negatives.map((e) => ({
    code: 'negative-flow',
    message: `${modelName} makes a negative flow from ${JSON.stringify(e.row)} to ${JSON.stringify(e.column)}${e.industry === '' ? '' : ` (the primary product of industry ${JSON.stringify(e.industry)})`}: ${e.value}; a model has no negative inputs: ${way}`,
    location: o.place(e),
    value: e.value,
  }));
  return new InputError(issues);
}

/** Up to `k` negatives as sentences, largest first. */
export function negativeLines(negatives: readonly NegativeEntry[], k: number): string[] {
  const sorted = [...negatives].sort((a, b) => a.value - b.value);
  const lines = sorted.slice(0, k).map((e) => `negative before resolution: ${e.block} ${JSON.stringify(e.row)} → ${JSON.stringify(e.column)}${e.industry === '' ? '' : ` (industry ${JSON.stringify(e.industry)})`}: ${e.value}`);
  if (sorted.length > k) lines.push(`… and ${sorted.length - k} more negatives`);
  return lines;
}
