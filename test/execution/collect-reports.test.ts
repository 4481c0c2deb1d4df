import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReport, checkReportTotals, collectReports, fulfilment, reportableItems, type Report } from '../../src/execution/index.js';
import { InputError, MAX_MAGNITUDE } from '../../src/model/index.js';
import { inputErrorOf } from '../helpers/input-error.js';
import { item, small, tech } from './economies.js';
import { smallPlan } from './small-plan.js';

const report = (reportId: string, enterprise: string, outputs: Record<string, number>, inputs: Record<string, number> = {}, extra: Partial<Report> = {}): Report => ({ reportId, enterprise, period: 'p1', outputs, inputs, ...extra });

describe('reports at the boundary', () => {
  test('the items a technique or an enterprise may report', () => {
    const c = small();
    const rail = reportableItems(c, [tech(c, 'haulage'), tech(c, 'rail_grain_north_to_south')]);
    assert.deepEqual(rail.outputs.map((i) => c.items.ids[i]).sort(), ['grain@south', 'haul@north']);
    assert.deepEqual(rail.inputs.map((i) => c.items.ids[i]).sort(), ['grain@north', 'haul@north']);
    assert.deepEqual(reportableItems(c, [tech(c, 'haulage')]).inputs, []);
  });

  test('a new report names only what its enterprise’s (or its technique’s) techniques make and use, located under the given path', () => {
    const c = small();
    const ok = checkReport(c, report('a', 'Railway', { 'grain@south': 30, 'haul@north': 60 }, { 'grain@north': 30 }));
    assert.equal(ok.outputs.get(item(c, 'grain@south')), 30);
    const foreign = inputErrorOf(() => checkReport(c, report('b', 'North Farm', { 'bread@north': 1 }), ['body']));
    assert.deepEqual(foreign.issues.map((i) => [i.code, i.location.path]), [['not-own-item', ['body', 'outputs', 'bread@north']]]);
    assert.match(foreign.issues[0].message, /outputs it may report: grain@north$/);
    const ofTechnique = inputErrorOf(() => checkReport(c, report('c', 'Railway', {}, { 'grain@north': 1 }, { technique: 'haulage' })));
    assert.match(ofTechnique.issues[0].message, /technique "haulage" does not use "grain@north"; inputs it may report: none/);
    // Stored reports are not held to it (a report stored against another model may name other items).
    assert.equal(collectReports(c, [report('d', 'North Farm', { 'bread@north': 1 })]).length, 1);
  });

  test('amounts beyond the magnitude rule, alone or in an enterprise’s total for a period, are located issues', () => {
    const c = small();
    const alone = inputErrorOf(() => collectReports(c, [report('a', 'North Farm', { 'grain@north': 1e31 })]));
    assert.deepEqual([alone.issues[0].code, alone.issues[0].location.path, alone.issues[0].value], ['too-large', ['reports', 0, 'outputs', 'grain@north'], 1e31]);
    const half = 0.6 * MAX_MAGNITUDE;
    const reports = [report('a', 'North Farm', { 'grain@north': half }), report('b', 'North Farm', { 'grain@north': half }), report('c', 'South Farm', { 'grain@south': half })];
    const total = inputErrorOf(() => collectReports(c, reports));
    assert.deepEqual(total.issues.map((i) => [i.code, i.location.path]), [['too-large', ['reports', 1, 'outputs', 'grain@north']]]);
    assert.match(total.issues[0].message, /North Farm's total output of grain@north in p1 would be 1\.2e30/);
    assert.throws(() => fulfilment(c, smallPlan(c), reports), InputError, 'fulfilment never sums to a number beyond the rule');
    const f = fulfilment(c, smallPlan(c), [reports[0], reports[2]]);
    for (const r of f.enterprises) assert.ok(r.ratio === null || Number.isFinite(r.ratio));
  });

  test('the running totals of a stored report: every key naming the item counts', () => {
    const c = small();
    const r = report('b', 'North Farm', { 'grain@north': 1 });
    const totals = (v: number) => ({ techniques: [null], outputs: new Map([['grain@north', v], ['grain@south', 2 * MAX_MAGNITUDE]]), inputs: new Map<string, number>() });
    assert.doesNotThrow(() => checkReportTotals(c, r, totals(MAX_MAGNITUDE)), 'only the items the report names are checked');
    const over = inputErrorOf(() => checkReportTotals(c, r, totals(MAX_MAGNITUDE + 1e15), ['body']));
    assert.deepEqual([over.issues[0].location.path, over.issues[0].value], [['body', 'outputs', 'grain@north'], 1]);
    assert.throws(() => checkReportTotals(c, r, totals(Infinity)), InputError);
  });
});
