import type { CompiledEconomy } from '../compile/types.js';
import type { Issue, Location } from '../model/errors.js';
import { MAX_MAGNITUDE_TEXT, inMagnitude } from '../model/magnitude.js';
import { numberText } from '../model/magnitude-issue.js';
import { locationOf } from '../model/source-locations.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { targetInPeriod } from './final-use.js';
import type { ItemBalances, PlannedActivity, ResourceBalances } from './types.js';

/** One term of a sum, for the message: what it is, how much, and where it comes from. */
interface Part {
  readonly name: string;
  readonly value: number;
  readonly location: Location;
}

/** The issue for a sum beyond the magnitude rule, located at its largest part. */
function overflowIssue(subject: string, total: number, parts: readonly Part[]): Issue {
  let largest: Part | undefined;
  for (const p of parts) if (largest === undefined || !(Math.abs(p.value) <= Math.abs(largest.value))) largest = p;
  const tail = largest === undefined ? '' : `; its largest part is ${largest.name} (${numberText(largest.value)})`;
  return {
    code: 'out-of-range',
    message: `${subject} is ${numberText(total)}, beyond ${MAX_MAGNITUDE_TEXT}${tail}`,
    location: largest?.location ?? {},
    value: total,
  };
}

/** The terms coefficient × activity of row `row` of an items × techniques (or resources × techniques) matrix. */
function techniqueParts(c: CompiledEconomy, m: CsrMatrix, row: number, activity: Float64Array, verb: string): Part[] {
  const parts: Part[] = [];
  for (let p = m.rowPtr[row]; p < m.rowPtr[row + 1]; p++) {
    const j = m.colIdx[p];
    if (activity[j] === 0) continue;
    parts.push({
      name: `technique "${c.techniques.ids[j]}", which ${verb} ${numberText(m.values[p])} per unit at activity ${numberText(activity[j])}`,
      value: m.values[p] * activity[j],
      location: locationOf(c.model, ['techniques', j]),
    });
  }
  return parts;
}

/** Where a plan's entry is (the plan's own file is not known here: its path). */
const planAt = (field: string, id: string): Location => ({ path: ['plan', field, id] });

function itemIssues(c: CompiledEconomy, planned: PlannedActivity, period: number, items: ItemBalances): Issue[] {
  const issues: Issue[] = [];
  const { activity } = planned;
  for (let i = 0; i < items.output.length; i++) {
    const id = c.items.ids[i];
    const before = issues.length;
    if (!inMagnitude(items.output[i])) issues.push(overflowIssue(`the output of "${id}"`, items.output[i], techniqueParts(c, c.outputs, i, activity, 'makes')));
    if (!inMagnitude(items.intermediate[i])) issues.push(overflowIssue(`the intermediate use of "${id}"`, items.intermediate[i], techniqueParts(c, c.inputs, i, activity, 'uses')));
    if (!inMagnitude(items.final[i])) {
      const parts: Part[] = [];
      for (let t = 0; t < c.targets.item.length; t++) {
        if (c.targets.item[t] !== i || !targetInPeriod(c, t, period)) continue;
        parts.push({ name: `target ${t + 1}`, value: c.targets.amount[t], location: locationOf(c.model, ['targets', t, 'amount']) });
      }
      issues.push(overflowIssue(`the final use of "${id}"`, items.final[i], parts));
    }
    if (issues.length > before) continue;
    // Each part keeps the rule; their sum may not.
    if (!inMagnitude(items.supply[i])) {
      issues.push(
        overflowIssue(`the supply of "${id}"`, items.supply[i], [
          { name: 'output', value: items.output[i], location: locationOf(c.model, ['products', c.itemProduct[i]]) },
          { name: 'imports', value: items.imports[i], location: planAt('imports', id) },
          { name: 'drawn from stock', value: items.fromStock[i], location: planAt('from_stock', id) },
        ]),
      );
    }
    if (!inMagnitude(items.use[i])) {
      issues.push(
        overflowIssue(`the use of "${id}"`, items.use[i], [
          { name: 'intermediate use', value: items.intermediate[i], location: locationOf(c.model, ['products', c.itemProduct[i]]) },
          { name: 'final use', value: items.final[i], location: locationOf(c.model, ['products', c.itemProduct[i]]) },
          { name: 'exports', value: items.exports[i], location: planAt('exports', id) },
          { name: 'added to stock', value: items.toStock[i], location: planAt('to_stock', id) },
        ]),
      );
    }
  }
  return issues;
}

function resourceIssues(c: CompiledEconomy, planned: PlannedActivity, resources: ResourceBalances): Issue[] {
  const issues: Issue[] = [];
  for (let r = 0; r < resources.use.length; r++) {
    const id = c.resources.ids[r];
    const here = locationOf(c.model, ['resources', r]);
    const before = issues.length;
    if (!inMagnitude(resources.production[r])) issues.push(overflowIssue(`the use of resource "${id}" by production`, resources.production[r], techniqueParts(c, c.resourceUse, r, planned.activity, 'uses')));
    if (!inMagnitude(resources.direct[r])) {
      const parts: Part[] = [];
      const du = c.directUse;
      for (let k = 0; k < du.resource.length; k++) {
        if (du.resource[k] === r) parts.push({ name: `direct use ${k + 1}`, value: du.amount[k], location: locationOf(c.model, ['direct_use', k, 'amount']) });
      }
      issues.push(overflowIssue(`the direct use of resource "${id}" by final demand`, resources.direct[r], parts));
    }
    if (!inMagnitude(resources.trade[r])) issues.push(overflowIssue(`the net spending of "${id}" on trade`, resources.trade[r], [{ name: 'imports × import prices − exports × export prices', value: resources.trade[r], location: here }]));
    if (issues.length > before) continue;
    if (!inMagnitude(resources.use[r])) {
      issues.push(
        overflowIssue(`the use of resource "${id}"`, resources.use[r], [
          { name: 'use by production', value: resources.production[r], location: here },
          { name: 'direct use by final demand', value: resources.direct[r], location: here },
          { name: 'net spending on trade', value: resources.trade[r], location: here },
        ]),
      );
    }
    const available = resources.available[r];
    if (available !== Infinity && !inMagnitude(available)) issues.push(overflowIssue(`the availability of resource "${id}" with what investment built`, available, [{ name: 'built', value: planned.built?.[r] ?? 0, location: planAt('built', id) }]));
    else if (available !== Infinity && !inMagnitude(resources.slack[r])) issues.push(overflowIssue(`the slack of resource "${id}" (available − use)`, resources.slack[r], [{ name: 'use', value: resources.use[r], location: here }]));
  }
  return issues;
}

/**
 * The sums of a balance that break the magnitude rule (finite, at most 1e30; see
 * model/magnitude.ts): every number of a plan and a model keeps it, but outputs, uses and
 * resource totals are sums of products of them. Each issue names the item or resource and the
 * quantity, and is located at its largest part (a technique, a target, a plan entry).
 */
export function sumOverflow(c: CompiledEconomy, planned: PlannedActivity, period: number, items: ItemBalances, resources: ResourceBalances): Issue[] {
  return [...itemIssues(c, planned, period, items), ...resourceIssues(c, planned, resources)];
}
