import type { AnalysisPart } from './analysis-tables.js';

/** What the report of a regional table shows (`plenty regionalise`, POST /api/models/:id/regionalise). */
export interface RegionalReport {
  readonly method: 'slq' | 'cilq' | 'flq';
  /** The FLQ's δ (FLQ only). */
  readonly delta?: number | undefined;
  /** λ* of the FLQ (1 for the other methods). */
  readonly lambda: number;
  /** What the values measure (gross output, use of a resource, the file's national column). */
  readonly measure: string;
  /** R / N: the region's share of the nation. */
  readonly share: number;
  readonly items: readonly string[];
  readonly national: ArrayLike<number>;
  readonly regional: ArrayLike<number>;
  readonly slq: ArrayLike<number>;
  /** Σ_i a_ij: inputs bought per unit of output of j, in the nation and in the region. */
  readonly nationalColumnSums: ArrayLike<number>;
  readonly regionalColumnSums: ArrayLike<number>;
  readonly nationalMultipliers: ArrayLike<number>;
  readonly regionalMultipliers: ArrayLike<number>;
  /** How many coefficients the quotients lowered, of how many nonzero. */
  readonly changed: number;
  readonly entries: number;
}

/** The per-sector table and JSON of a regional table derived by location quotients. */
export function regionalPart(r: RegionalReport): AnalysisPart {
  const sectors = r.items.map((id, i) => ({
    id,
    national: r.national[i],
    regional: r.regional[i],
    slq: Number.isNaN(r.slq[i]) ? null : r.slq[i],
    nationalInputs: r.nationalColumnSums[i],
    regionalInputs: r.regionalColumnSums[i],
    nationalMultiplier: r.nationalMultipliers[i],
    regionalMultiplier: r.regionalMultipliers[i],
  }));
  const label = r.method === 'flq' ? `FLQ (δ = ${r.delta ?? 0.3}, λ* = ${r.lambda.toPrecision(6)})` : r.method.toUpperCase();
  return {
    json: { method: r.method, ...(r.delta !== undefined ? { delta: r.delta } : {}), lambda: r.lambda, measure: r.measure, share: r.share, changed: r.changed, entries: r.entries, sectors },
    table: {
      name: 'regional',
      title: `Regional coefficients by ${label}, from ${r.measure}`,
      columns: [
        { key: 'sector', label: 'sector' },
        { key: 'national', label: 'national' },
        { key: 'regional', label: 'regional' },
        { key: 'slq', label: 'SLQ', digits: 4 },
        { key: 'national_inputs', label: 'Σ a national', digits: 4 },
        { key: 'regional_inputs', label: 'Σ a regional', digits: 4 },
        { key: 'national_multiplier', label: 'multiplier national', digits: 4 },
        { key: 'regional_multiplier', label: 'multiplier regional', digits: 4 },
      ],
      rows: sectors.map((s) => [s.id, s.national, s.regional, s.slq, s.nationalInputs, s.regionalInputs, s.nationalMultiplier, s.regionalMultiplier]),
      notes: [
        `${r.changed} of ${r.entries} nonzero coefficients lowered; none raised (a_ij · min(1, LQ_ij)). The region’s share R/N = ${r.share.toPrecision(6)}.`,
        'Σ a: the inputs of all sectors bought per unit of output (in the region: bought in the region); multiplier: output multiplier, column sum of (I − A)⁻¹.',
      ],
    },
  };
}
