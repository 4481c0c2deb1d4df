import type { CompiledEconomy } from '../compile/index.js';
import { characterise, type CharacterisationFactor, type CoefficientMultipliersResult, type RegionalFootprints } from '../leontief/index.js';
import type { Location } from '../model/errors.js';

/** Characterised impacts of a model: per impact category its coefficients, multipliers and footprints. */
export interface CharacterisedImpacts {
  readonly impacts: readonly { readonly id: string; readonly unit: string }[];
  /** Per impact: the impact per unit of gross output of each item (characterised direct coefficients). */
  readonly direct: readonly Float64Array[];
  /** Per impact: the impact per unit of final demand for each item (characterised multipliers). */
  readonly multipliers: readonly Float64Array[];
  /** Per impact: the impact behind each region's final demand (characterised footprints), or absent. */
  readonly footprints?: { readonly regions: readonly string[]; readonly rows: readonly Float64Array[] };
  /** Factor lines no resource of the model matches. */
  readonly unmatched: readonly { readonly stressor: string; readonly impact: string; readonly where?: Location }[];
  /** Resources no factor line characterises. */
  readonly unused: readonly string[];
}

/** A resource as a stressor: its id's last part (`emissions/CO2` → `CO2`) and its compartment, from a name such as `CO2 (air)`. */
function stressorOf(id: string, name: string | undefined): { tail: string; compartment?: string } {
  const tail = id.slice(id.lastIndexOf('/') + 1);
  const m = name === undefined ? null : /^(.*) \(([^()]+)\)$/.exec(name);
  return m !== null && m[1] === tail ? { tail, compartment: m[2] } : { tail };
}

/**
 * The factors applied to the model's resources, as pymrio's `characterize` applies them to an
 * extension: impact_c = Σ_s factor(s, c) · row_s for the direct coefficients, the multipliers and
 * the footprints by region (all three linear in the stressors, so characterising the results is
 * characterising the extension). A line's stressor matches a resource by its id or by the id's
 * last part after `/` (imported tables' `extension/stressor`), and by compartment where the line
 * gives one (an imported stressor's name ends in `(compartment)`). Lines that match no resource are
 * `unmatched`, resources that no line names are `unused`; unit mismatches, an impact in two units
 * and a stressor characterised twice into one impact are located errors (see `characterise`).
 */
export function characterisedImpacts(c: CompiledEconomy, m: CoefficientMultipliersResult, footprints: RegionalFootprints | undefined, factors: readonly CharacterisationFactor[]): CharacterisedImpacts {
  const n = c.items.ids.length;
  const resources = m.names.map((id) => {
    const r = c.resources.index.get(id) ?? -1;
    const res = c.model.resources[r];
    return { id, unit: res?.unit ?? '', ...stressorOf(id, res?.name) };
  });
  // Each line rewritten to the resources it matches (by their full ids), or kept as it is (then unmatched).
  const mapped: CharacterisationFactor[] = factors.flatMap((f) => {
    const hits = resources.filter((r) => (r.id === f.stressor || r.tail === f.stressor) && (f.compartment === undefined || r.compartment === undefined || r.compartment === f.compartment));
    if (hits.length === 0) return [f];
    return hits.map(({ id }) => ({ stressor: id, impact: f.impact, impactUnit: f.impactUnit, factor: f.factor, ...(f.stressorUnit !== undefined ? { stressorUnit: f.stressorUnit } : {}), ...(f.where !== undefined ? { where: f.where } : {}) }));
  });
  const stressors = resources.map((r) => ({ id: r.id, unit: r.unit }));
  const flat = (rows: readonly ArrayLike<number>[], width: number): Float64Array => {
    const out = new Float64Array(rows.length * width);
    rows.forEach((row, q) => out.set(Array.from(row), q * width));
    return out;
  };
  const direct = characterise({ name: 'resources', stressors, F: flat(m.direct, n) }, mapped, n);
  const regions = footprints?.regions ?? [];
  const total = characterise({ name: 'resources', stressors, F: flat(m.multipliers, n), ...(footprints !== undefined ? { FY: flat(footprints.rows, regions.length) } : {}) }, mapped, n);
  const impacts = direct.extension.stressors.map((s) => ({ id: s.id, unit: s.unit }));
  const rowsOf = (a: Float64Array, width: number): Float64Array[] => impacts.map((_, q) => a.slice(q * width, (q + 1) * width));
  const unmatched = direct.unmatched.map((u) => {
    const original = factors.find((f) => f.where === u.where && f.impact === u.impact) ?? u;
    return { stressor: original.stressor, impact: u.impact, ...(u.where !== undefined ? { where: u.where } : {}) };
  });
  return {
    impacts,
    direct: rowsOf(direct.extension.F, n),
    multipliers: rowsOf(total.extension.F, n),
    ...(footprints !== undefined && total.extension.FY !== undefined ? { footprints: { regions, rows: rowsOf(total.extension.FY, regions.length) } } : {}),
    unmatched,
    unused: direct.unused,
  };
}
