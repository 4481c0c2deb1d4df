import { compileEconomy, leontiefSystem, planActivities } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { loadModel } from '../load-model.js';
import { checkProductive } from '../../sparse/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';

/**
 * `plenty check MODEL`: validates the model (every error with its place) and compiles it; says
 * what it holds and whether its input–output system (one technique per item) is productive.
 */
export async function checkCommand(modelPath: string, flags: EncodingFlags = {}): Promise<CommandOutput> {
  const economy = await loadModel(modelPath, readOptions(flags));
  const c = compileEconomy(economy);
  const counts = {
    products: economy.products.length,
    items: c.items.ids.length,
    resources: economy.resources.length,
    techniques: economy.techniques.length,
    targets: economy.targets.length,
    trade: economy.trade.length,
    regions: economy.regions.length,
    periods: economy.periods.length,
    coefficients: c.outputs.rowPtr[c.outputs.rows] + c.inputs.rowPtr[c.inputs.rows] + c.resourceUse.rowPtr[c.resourceUse.rows],
  };
  const labels: Record<keyof typeof counts, string> = {
    products: 'products',
    items: 'items (product × region)',
    resources: 'resources',
    techniques: 'techniques',
    targets: 'targets',
    trade: 'trade terms',
    regions: 'regions',
    periods: 'periods',
    coefficients: 'coefficients (outputs + inputs + resource uses)',
  };
  let system: { status: string; spectralRadius?: { lower: number; upper: number }; note?: string };
  try {
    const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
    const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
    const p = checkProductive(sys.A);
    system = { status: p.status, spectralRadius: { lower: p.spectralRadius.lower, upper: p.spectralRadius.upper } };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    system = { status: 'no-system', note: e.issues[0]?.message ?? e.message };
  }
  const sr = system.spectralRadius;
  const productivity =
    sr !== undefined
      ? `Input–output system (one technique per item): ${system.status}, spectral radius of A between ${sr.lower.toPrecision(4)} and ${sr.upper.toPrecision(4)}.`
      : `Input–output system: none can be formed (${system.note ?? ''}); balances and optimal plans still work.`;
  return {
    header: [`${modelPath}: valid model “${economy.name}”.`, productivity],
    tables: [
      {
        name: 'model',
        title: 'What the model holds',
        columns: [
          { key: 'what', label: 'what' },
          { key: 'count', label: 'count' },
        ],
        rows: (Object.keys(counts) as (keyof typeof counts)[]).map((k) => [labels[k], counts[k]]),
      },
    ],
    json: { file: modelPath, valid: true, name: economy.name, counts, system, plan: economy.plan !== undefined },
  };
}
