import { inputError } from '../model/errors.js';
import type { Location } from '../model/errors.js';
import type { IoExtension } from '../model/import/types.js';
import { inMagnitude } from '../model/magnitude.js';

/**
 * One line of a characterisation table: `factor` units of `impact` (in `impactUnit`) per unit of
 * `stressor`; `stressorUnit`, when given, must be the extension's unit of the stressor;
 * `compartment`, when given, must be the stressor's compartment. `where` locates the line in its
 * file for errors.
 */
export interface CharacterisationFactor {
  readonly stressor: string;
  readonly compartment?: string;
  readonly impact: string;
  readonly impactUnit: string;
  readonly factor: number;
  readonly stressorUnit?: string;
  readonly where?: Location;
}

/** An extension characterised into impact categories, and what did not match. */
export interface Characterised {
  /** The impacts as an extension of their own (impact categories × n, and × final-demand columns). */
  readonly extension: IoExtension;
  /** Table lines whose stressor the extension does not have (with their place in the table). */
  readonly unmatched: readonly { readonly stressor: string; readonly impact: string; readonly where?: Location }[];
  /** Stressors of the extension that no line characterises. */
  readonly unused: readonly string[];
}

const keyOf = (id: string, compartment?: string): string => (compartment === undefined ? id : `${id}\u0000${compartment}`);

/**
 * Characterisation as pymrio's `characterize` does it: impact_c = Σ_s factor(s, c) · F_s for every
 * item (and F_Y for every final-demand column), for the stressors the table names. Stressors are
 * matched by id (and compartment where the table gives one). A stressor unit that differs from the
 * extension's, one impact with two units, a factor that is not finite, and a stressor characterised
 * twice into one impact are located errors; lines the extension has no stressor for are returned as
 * `unmatched`, stressors with no line as `unused`, so that the caller reports them.
 */
export function characterise(e: IoExtension, factors: readonly CharacterisationFactor[], n: number, name = `${e.name} (characterised)`): Characterised {
  const k = e.stressors.length;
  if (e.F.length !== k * n) throw inputError('wrong-shape', `extension ${e.name}: F has ${e.F.length} entries, expected ${k} × ${n}`, { path: [e.name, 'F'] }, e.F.length);
  const byKey = new Map<string, number>();
  const byId = new Map<string, number[]>();
  e.stressors.forEach((s, q) => {
    byKey.set(keyOf(s.id, s.compartment), q);
    byId.set(s.id, [...(byId.get(s.id) ?? []), q]);
  });
  const impacts: { id: string; unit: string }[] = [];
  const impactAt = new Map<string, number>();
  const used = new Uint8Array(k);
  const seen = new Set<string>();
  const unmatched: { stressor: string; impact: string; where?: Location }[] = [];
  const terms: { impact: number; stressor: number; factor: number }[] = [];
  factors.forEach((f, line) => {
    const where = f.where ?? { path: ['factors', line] };
    if (!inMagnitude(f.factor)) throw inputError('not-finite', `the factor of ${f.stressor} into ${f.impact} is not a finite number within 1e30`, where, f.factor);
    let c = impactAt.get(f.impact);
    if (c === undefined) {
      c = impacts.length;
      impactAt.set(f.impact, c);
      impacts.push({ id: f.impact, unit: f.impactUnit });
    } else if (impacts[c].unit !== f.impactUnit) {
      throw inputError('unit-mismatch', `impact ${f.impact} is in ${impacts[c].unit} on an earlier line and in ${f.impactUnit} here`, where, f.impactUnit);
    }
    const matches = f.compartment === undefined ? (byId.get(f.stressor) ?? []) : [byKey.get(keyOf(f.stressor, f.compartment))].filter((q): q is number => q !== undefined);
    if (matches.length === 0) {
      unmatched.push({ stressor: f.stressor, impact: f.impact, ...(f.where === undefined ? {} : { where: f.where }) });
      return;
    }
    for (const q of matches) {
      const s = e.stressors[q];
      if (f.stressorUnit !== undefined && f.stressorUnit !== s.unit) {
        throw inputError('unit-mismatch', `stressor ${s.id} is in ${s.unit} in extension ${e.name}, the factor is per ${f.stressorUnit}`, where, f.stressorUnit);
      }
      const pair = `${q}\u0000${c}`;
      if (seen.has(pair)) throw inputError('duplicate', `stressor ${s.id} is characterised into ${f.impact} twice`, where, f.stressor);
      seen.add(pair);
      used[q] = 1;
      terms.push({ impact: c, stressor: q, factor: f.factor });
    }
  });
  const m = impacts.length;
  const F = new Float64Array(m * n);
  const cols = e.FY === undefined ? 0 : e.FY.length / Math.max(1, k);
  const FY = e.FY === undefined ? undefined : new Float64Array(m * cols);
  for (const t of terms) {
    const src = t.stressor * n;
    const dst = t.impact * n;
    for (let j = 0; j < n; j++) F[dst + j] += t.factor * e.F[src + j];
    if (FY !== undefined && e.FY !== undefined) for (let j = 0; j < cols; j++) FY[t.impact * cols + j] += t.factor * e.FY[t.stressor * cols + j];
  }
  const beyond = (a: Float64Array, what: string, width: number): void => {
    const i = a.findIndex((v) => !inMagnitude(v));
    if (i >= 0) throw inputError('not-finite', `impact ${impacts[Math.floor(i / width)].id} of ${what} ${i % width} is beyond 1e30`, { path: [name, what, Math.floor(i / width), i % width] }, a[i]);
  };
  beyond(F, 'item', n);
  if (FY !== undefined) beyond(FY, 'final-demand column', cols);
  const unused = e.stressors.filter((_, q) => used[q] === 0).map((s) => (s.compartment === undefined ? s.id : `${s.id} (${s.compartment})`));
  return { extension: { name, stressors: impacts, F, ...(FY === undefined ? {} : { FY }) }, unmatched, unused };
}
