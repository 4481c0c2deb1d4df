import type { EconomyView, PlanComparison } from '../api-types.js';
import { divergingBarChart } from '../charts/diverging-bar-chart.js';
import { h } from '../dom.js';
import { formatAmount, formatLevel, formatPercent, formatPoints, formatSigned, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';

/** Bars per chart. */
const SHOWN = 10;

type TargetDiff = PlanComparison['targets'][number];
type ActivityDiff = PlanComparison['activity'][number];
type ResourceDiff = PlanComparison['resources'][number];

/** Relative change (b − a) / |a|; ±Infinity from zero. */
const relative = (a: number | null, change: number | null): number => (a === null || change === null ? NaN : a === 0 ? (change === 0 ? 0 : Math.sign(change) * Infinity) : change / Math.abs(a));
const byMagnitude = <T>(value: (x: T) => number) => (x: T, y: T) => Math.abs(value(y)) - Math.abs(value(x));
const finiteRel = (x: number): number => (Number.isFinite(x) ? x : Math.sign(x) * 1e9);

function changedTargets(c: PlanComparison): TargetDiff[] {
  return c.targets.filter((t) => t.changed);
}

/** One sentence: the objective's change, and the largest change among targets, activity, resources and bottlenecks. */
export function comparisonSentence(c: PlanComparison, objectiveUnit: string): string {
  const parts: string[] = [];
  const o = c.objective;
  if (o.a !== null && o.b !== null) parts.push(o.change === 0 ? `The objective stays at ${formatLevel(o.a)} ${objectiveUnit}` : `The objective goes from ${formatLevel(o.a)} to ${formatLevel(o.b)} ${objectiveUnit} (${formatSigned(o.change ?? 0)})`);
  const targets = changedTargets(c);
  const top = [...targets].sort(byMagnitude((t) => t.fulfilment.change ?? 0))[0];
  parts.push(
    targets.length === 0
      ? 'no target’s fulfilment changes'
      : `${targets.length} of ${c.targets.length} targets change, most ${itemLabel(top.item)} in ${top.period} (${fulfilmentChange(top)})`,
  );
  const act = [...c.activity].sort(byMagnitude((x) => finiteRel(relative(x.activity.a, x.activity.change))))[0];
  if (act !== undefined) parts.push(`${c.activity.length} technique-periods change activity, most ${act.technique.replace(/_/g, ' ')} in ${act.period} (${formatRel(relative(act.activity.a, act.activity.change))})`);
  const b = c.bottlenecks;
  if (b.onlyA.length + b.onlyB.length > 0) parts.push(`${b.onlyB.length} bottleneck${b.onlyB.length === 1 ? '' : 's'} appear and ${b.onlyA.length} disappear`);
  else parts.push('the bottlenecks stay the same');
  return `${parts.join('; ')}.`;
}

/** Fulfilment as people read it: a share up to twice the target (123.7%), a multiple beyond (86⅔ × the target). */
function fulfilmentText(x: number | null): string {
  return x === null ? '—' : Math.abs(x) > 2 ? `${formatLevel(x)} ×` : formatPercent(x);
}

/** A change of fulfilment: percentage points, or a multiple of the target when either side is beyond twice it. */
function fulfilmentChange(t: TargetDiff): string {
  const c = t.fulfilment.change ?? 0;
  const big = Math.max(Math.abs(t.fulfilment.a ?? 0), Math.abs(t.fulfilment.b ?? 0)) > 2;
  return big ? `${c >= 0 ? '+' : '−'}${formatLevel(Math.abs(c))} × the target` : formatPoints(c);
}

function formatRel(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'from zero' : 'to zero';
  return `${x >= 0 ? '+' : '−'}${formatPercent(Math.abs(x))}`;
}

/** "resource:draft_animals@1930" → "draft animals, 1930". */
function bottleneckLabel(key: string): string {
  const colon = key.indexOf(':');
  const at = key.lastIndexOf('@');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1, at < 0 ? undefined : at);
  return `${kind === 'resource' ? '' : `${kind} `}${itemLabel(id)}, ${at < 0 ? '' : key.slice(at + 1)}`;
}

/**
 * The server's comparison of two plans: a sentence, diverging bars of the largest changes in
 * targets, activity, resources and bottlenecks, and the full tables collapsed.
 */
export function comparisonPanel(economy: EconomyView, c: PlanComparison, labels: { a: string; b: string }, objectiveUnit: string): HTMLElement {
  const resourceUnit = new Map(economy.resources.map((r) => [r.id, r.unit]));
  const targets = changedTargets(c);
  const topTargets = [...targets].sort(byMagnitude((t) => t.fulfilment.change ?? 0)).slice(0, SHOWN);
  const topActivity = [...c.activity].sort(byMagnitude((x: ActivityDiff) => finiteRel(relative(x.activity.a, x.activity.change)))).slice(0, SHOWN);
  const usage = c.resources.filter((x) => x.use.change !== null && x.use.change !== 0);
  const topResources = [...usage].sort(byMagnitude((x: ResourceDiff) => finiteRel(relative(x.use.a, x.use.change)))).slice(0, SHOWN);
  // A change from zero has no relative size: drawn as long as the longest finite one (at least 100%).
  const drawn = (xs: readonly number[]) => {
    const longest = Math.max(1, ...xs.filter(Number.isFinite).map(Math.abs));
    return (x: number) => (Number.isFinite(x) ? x : Math.sign(x) * longest);
  };
  const activityBar = drawn(topActivity.map((x) => relative(x.activity.a, x.activity.change)));
  const resourceBar = drawn(topResources.map((x) => relative(x.use.a, x.use.change)));
  const bottlenecks = [...c.bottlenecks.onlyB.map((k) => ({ key: k, value: 1 })), ...c.bottlenecks.onlyA.map((k) => ({ key: k, value: -1 }))];
  const charts = h(
    'div',
    { class: 'compare-charts' },
    divergingBarChart({
      name: 'compare-targets',
      title: 'Targets: largest changes in fulfilment',
      description: `Change in fulfilment (delivered ÷ target) from ${labels.a} to ${labels.b}: in percentage points, or in multiples of the target where fulfilment is beyond twice it.`,
      empty: 'No target’s fulfilment changes.',
      bars: topTargets.map((t) => ({ key: `${t.item}|${t.period}|${t.priority}`, label: `${itemLabel(t.item)}, ${t.period} (tier ${t.priority})`, value: t.fulfilment.change ?? 0, text: fulfilmentChange(t) })),
    }),
    divergingBarChart({
      name: 'compare-activity',
      title: 'Activity: largest relative changes',
      description: 'Change in each technique’s activity level, relative to the first plan.',
      empty: 'No technique’s activity changes.',
      bars: topActivity.map((x) => ({ key: `${x.technique}|${x.period}`, label: `${x.technique.replace(/_/g, ' ')}, ${x.period}`, value: activityBar(relative(x.activity.a, x.activity.change)), text: `${formatRel(relative(x.activity.a, x.activity.change))} (${formatSigned(x.activity.change ?? 0)})` })),
    }),
    divergingBarChart({
      name: 'compare-resources',
      title: 'Resources: largest relative changes in use',
      description: 'Change in each resource’s use, relative to the first plan, with the change in its own unit.',
      empty: 'No resource’s use changes.',
      bars: topResources.map((x) => ({ key: `${x.resource}|${x.period}`, label: `${x.resource.replace(/_/g, ' ')}, ${x.period}`, value: resourceBar(relative(x.use.a, x.use.change)), text: `${formatRel(relative(x.use.a, x.use.change))} (${formatSigned(x.use.change ?? 0)} ${resourceUnit.get(x.resource) ?? ''})` })),
    }),
    divergingBarChart({
      name: 'compare-bottlenecks',
      title: 'Bottlenecks that appear or disappear',
      description: `Right: binding in ${labels.b} only; left: binding in ${labels.a} only. ${c.bottlenecks.both.length} bind in both.`,
      empty: `The same ${c.bottlenecks.both.length} bottlenecks bind in both plans.`,
      bars: bottlenecks.map((x) => ({ key: x.key, label: bottleneckLabel(x.key), value: x.value, text: x.value > 0 ? 'appears' : 'disappears' })),
    }),
  );
  const tCols = [
    { label: 'target', value: (t: TargetDiff) => `${itemLabel(t.item)} (tier ${t.priority})` },
    { label: 'period', value: (t: TargetDiff) => t.period },
    { label: labels.a, value: (t: TargetDiff) => fulfilmentText(t.fulfilment.a), numeric: true },
    { label: labels.b, value: (t: TargetDiff) => fulfilmentText(t.fulfilment.b), numeric: true },
    { label: 'change', value: fulfilmentChange, numeric: true, tone: (t: TargetDiff) => ((t.fulfilment.change ?? 0) < 0 ? 'short' : undefined) },
  ];
  const aCols = [
    { label: 'technique', value: (x: ActivityDiff) => x.technique.replace(/_/g, ' ') },
    { label: 'period', value: (x: ActivityDiff) => x.period },
    { label: labels.a, value: (x: ActivityDiff) => formatAmount(x.activity.a ?? NaN), numeric: true },
    { label: labels.b, value: (x: ActivityDiff) => formatAmount(x.activity.b ?? NaN), numeric: true },
    { label: 'change', value: (x: ActivityDiff) => formatSigned(x.activity.change ?? NaN), numeric: true },
  ];
  const rCols = [
    { label: 'resource', value: (x: ResourceDiff) => `${x.resource.replace(/_/g, ' ')} (${resourceUnit.get(x.resource) ?? ''})` },
    { label: 'period', value: (x: ResourceDiff) => x.period },
    { label: `use, ${labels.a}`, value: (x: ResourceDiff) => formatAmount(x.use.a ?? NaN), numeric: true },
    { label: `use, ${labels.b}`, value: (x: ResourceDiff) => formatAmount(x.use.b ?? NaN), numeric: true },
    { label: 'available', value: (x: ResourceDiff) => (x.available.change === 0 ? formatAmount(x.available.a ?? NaN) : `${formatAmount(x.available.a ?? NaN)} → ${formatAmount(x.available.b ?? NaN)}`), numeric: true },
  ];
  const details = (name: string, title: string, table: HTMLTableElement) => h('details', { class: 'as-table', 'data-details': name }, h('summary', { text: title }), scroller(table, title));
  return h(
    'div',
    { class: 'comparison', 'data-differences': String(targets.length), 'data-activity': String(c.activity.length) },
    h('p', { class: 'summary-sentence', id: 'compare-summary', text: comparisonSentence(c, objectiveUnit) }),
    charts,
    details('targets', `Every target that changed (${targets.length})`, dataTable('Targets whose fulfilment changed, largest change first', tCols, [...targets].sort(byMagnitude((t) => t.fulfilment.change ?? 0)), (t) => `${t.item}|${t.period}|${t.priority}`, 'moved')),
    details('activity', `Every activity that changed (${c.activity.length})`, dataTable('Activity that changed', aCols, c.activity, (x) => `${x.technique}|${x.period}`, 'activity')),
    details('resources', `Every resource whose use or availability changed (${c.resources.length})`, dataTable('Resource use that changed', rCols, c.resources, (x) => `${x.resource}|${x.period}`, 'resources')),
  );
}
