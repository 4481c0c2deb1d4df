/** An enterprise of the 1930 example with the technique it runs and its main output and inputs per unit. */
export interface SampleEnterprise {
  readonly id: string;
  readonly technique: string;
  readonly output: string;
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * The enterprises of examples/ussr-1930 (the `enterprise` field of its techniques), with items
 * named by region (`tractor@ukraine`) as a report against the published plan must name them where
 * a product is made in several regions.
 */
export const sampleEnterprises: readonly SampleEnterprise[] = [
  { id: 'Stalingrad Tractor Works', technique: 'stalingrad_tractors', output: 'tractor@north_caucasus', inputs: { 'steel@donbass_baku': 3, 'coal@donbass_baku': 1 } },
  { id: 'Kharkov Tractor Works', technique: 'kharkov_tractors', output: 'tractor@ukraine', inputs: { 'steel@donbass_baku': 3, 'coal@donbass_baku': 1 } },
  { id: 'Rostselmash', technique: 'rostselmash', output: 'agri_machinery@north_caucasus', inputs: { 'steel@donbass_baku': 1, 'timber@moscow_leningrad': 0.5 } },
  { id: 'First State Bearing Works', technique: 'bearings_domestic', output: 'ball_bearing@moscow_leningrad', inputs: { 'steel@moscow_leningrad': 0.5, 'electricity@moscow_leningrad': 1 } },
  { id: 'Leningrad Metal Works', technique: 'turbines_domestic', output: 'turbine@moscow_leningrad', inputs: { 'steel@moscow_leningrad': 60, 'electricity@moscow_leningrad': 100 } },
  { id: 'Dneprostroi', technique: 'dnieper_hydro', output: 'electricity@ukraine', inputs: {} },
];

/** The body of `POST /api/reports`. */
export interface ReportBody {
  readonly reportId: string;
  readonly enterprise: string;
  /** A period id of the model, e.g. "1930". */
  readonly period: string;
  readonly technique: string;
  readonly outputs: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number>>;
}

/** A report of `amount` units of the enterprise's output in `period`, with its inputs in proportion. */
export function sampleReport(reportId: string, enterprise: SampleEnterprise, period: string, amount: number): ReportBody {
  const inputs: Record<string, number> = {};
  for (const [item, perUnit] of Object.entries(enterprise.inputs)) inputs[item] = perUnit * amount;
  return { reportId, enterprise: enterprise.id, period, technique: enterprise.technique, outputs: { [enterprise.output]: amount }, inputs };
}
