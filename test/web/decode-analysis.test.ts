import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AnalysisDocument } from '../../web/src/api-types.generated.js';
import { decodeAnalysis } from '../../web/src/decode-analysis.js';
import { exampleText, startServer, type Harness } from '../server/harness.js';

const items = ['a', 'NaN'];
const wire = (): AnalysisDocument => ({
  model: 'm',
  modelId: 'm',
  version: 1,
  demand: 'targets',
  items,
  units: ['t', 't'],
  resources: [{ id: 'labour', unit: 'h' }],
  grossOutput: { status: 'converged', iterations: 2, relativeResidual: 0, finalDemand: [1, 0], x: [2, 'Infinity'] },
  multipliers: { status: 'converged', relativeResidual: 0, output: [1, 'NaN'], rows: { labour: { direct: [1, 0], total: ['Infinity', 2] } } },
  incomeMultipliers: { status: 'converged', income: 'labour', relativeResidual: 0, direct: [1, 0], simple: [2, 'NaN'], typeI: [2, null] },
  linkages: { status: 'converged', relativeResidual: 'NaN', backward: { raw: [1, 2], normalised: ['NaN', 1] }, forward: { raw: [1, 2], normalised: [1, '-Infinity'] } },
  labourValues: { status: 'converged', labour: 'labour', relativeResidual: 0, direct: [1, 0], values: [1, 'Infinity'], identity: { valueOfFinalDemand: 1, totalLabour: 'NaN', relativeDifference: 'NaN' } },
  footprints: { status: 'converged', relativeResidual: 0, regions: ['all'], rows: { labour: ['Infinity'] }, perCapita: { regions: ['all'], population: [0], rows: { labour: ['NaN'] } } },
  inverse: { status: 'not-productive', message: 'not productive', iterations: 3, spectralRadius: { lower: 1, upper: 'Infinity' } },
  failures: ['not productive'],
  notes: [],
});

test('an analysis document’s wire numbers read back as numbers in every part; names and failed parts stay as sent', () => {
  const w = wire();
  const d = decodeAnalysis(w);
  assert.deepEqual(d.items, items, 'an item named "NaN" is a name');
  assert.ok(d.grossOutput.status === 'converged');
  assert.equal(d.grossOutput.x[1], Number.POSITIVE_INFINITY);
  assert.ok(d.multipliers?.status === 'converged');
  assert.ok(Number.isNaN(d.multipliers.output[1]));
  assert.equal(d.multipliers.rows['labour'].total[0], Number.POSITIVE_INFINITY);
  assert.ok(d.incomeMultipliers?.status === 'converged');
  assert.ok(Number.isNaN(d.incomeMultipliers.simple[1]));
  assert.deepEqual(d.incomeMultipliers.typeI, [2, null], 'Type I stays null where no income is paid directly');
  assert.ok(d.linkages?.status === 'converged');
  assert.ok(Number.isNaN(d.linkages.relativeResidual) && Number.isNaN(d.linkages.backward.normalised[0]));
  assert.equal(d.linkages.forward.normalised[1], Number.NEGATIVE_INFINITY);
  assert.ok(d.labourValues?.status === 'converged');
  assert.equal(d.labourValues.values[1], Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(d.labourValues.identity?.totalLabour));
  assert.ok(d.footprints?.status === 'converged');
  assert.equal(d.footprints.rows['labour'][0], Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(d.footprints.perCapita?.rows['labour'][0]));
  assert.deepEqual(d.inverse, { status: 'not-productive', message: 'not productive', iterations: 3, spectralRadius: { lower: 1, upper: Number.POSITIVE_INFINITY } });
  assert.deepEqual(w, wire(), 'the wire document is not changed');
});

test('parts not asked for stay absent; a failed part without bounds stays as sent', () => {
  const w = wire();
  const bare = { model: w.model, modelId: w.modelId, version: w.version, demand: w.demand, items: w.items, units: w.units, resources: w.resources, failures: w.failures, notes: w.notes };
  const d = decodeAnalysis({ ...bare, grossOutput: { status: 'max-iterations', message: 'raise maxIterations', iterations: 10 } });
  assert.deepEqual(Object.keys(d).sort(), ['demand', 'failures', 'grossOutput', 'items', 'model', 'modelId', 'notes', 'resources', 'units', 'version']);
  assert.deepEqual(d.grossOutput, { status: 'max-iterations', message: 'raise maxIterations', iterations: 10 });
});

let h: Harness;
before(async () => {
  h = await startServer({});
});
after(async () => h.close());

test('a real answer (every analysis of the pymrio test MRIO) decodes to the same numbers, an inverse row per item', async () => {
  assert.equal((await h.call('POST', '/api/models', { body: { format: 'yaml', text: exampleText('pymrio-test-mrio', 'economy.yaml'), id: 'mrio' } })).status, 201);
  const a = await h.call('POST', '/api/models/mrio/analyze', { body: { analyses: ['multipliers', 'linkages', 'labourValues', 'footprints', 'inverse'], labour: 'factor_inputs/Value Added', income: 'factor_inputs/Value Added' } });
  assert.equal(a.status, 200);
  const body = a.body as AnalysisDocument;
  const d = decodeAnalysis(body);
  assert.deepEqual(JSON.parse(JSON.stringify(d)), body, 'all finite: decoding changes nothing');
  assert.ok(d.inverse?.status === 'converged');
  assert.equal(d.inverse.L.length, d.items.length);
  assert.ok(d.footprints?.status === 'converged' && d.footprints.perCapita !== undefined);
});
