import { compileEconomy, leontiefSystem, planActivities } from '../../compile/index.js';
import { nonProductiveLoops } from '../../leontief/index.js';
import { InputError } from '../../model/errors.js';
import { loadModel } from '../load-model.js';
import { countsTable, failureSentence } from '../../report/index.js';
import { checkProductive } from '../../sparse/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';

/**
 * `plenty check MODEL`: validates the model (every error with its place, the model's own plan
 * included) and compiles it; says what it holds and whether its input–output system (one
 * technique per item) is productive. Check solves nothing: a valid model exits 0 whatever that
 * status, and a system that is not productive is named with the loop of items behind it (analyze
 * would refuse it).
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
  // The model's own plan is part of the model: its errors are the model's.
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  try {
    const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
    const p = checkProductive(sys.A);
    const spectralRadius = { lower: p.spectralRadius.lower, upper: p.spectralRadius.upper };
    const loops = p.status === 'not-productive' ? nonProductiveLoops(sys).map((loop) => loop.map((i) => sys.items.ids[i])) : undefined;
    const note = loops !== undefined ? failureSentence({ status: p.status, spectralRadius }, { what: 'Input–output system (one technique per item)', loops }) : undefined;
    system = { status: p.status, spectralRadius, ...(note !== undefined ? { note } : {}) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    system = { status: 'no-system', note: e.issues[0]?.message ?? e.message };
  }
  const sr = system.spectralRadius;
  const productivity =
    sr === undefined
      ? `Input–output system: none can be formed (${system.note ?? ''}); balances and optimal plans still work.`
      : system.note !== undefined
        ? `${system.note} Analyze refuses it; balances and optimal plans still work.`
        : `Input–output system (one technique per item): ${system.status}, spectral radius of A between ${sr.lower.toPrecision(4)} and ${sr.upper.toPrecision(4)}.`;
  return {
    header: [`${modelPath}: valid model “${economy.name}”.`, productivity],
    tables: [countsTable('model', 'What the model holds', counts, labels)],
    json: { file: modelPath, valid: true, name: economy.name, counts, system, plan: economy.plan !== undefined },
  };
}
