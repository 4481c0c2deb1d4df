import { isOptimal, type EnterpriseFulfilment as EnterpriseFulfilmentRow, type ItemFulfilment as ItemFulfilmentRow, type TargetFulfilment as TargetFulfilmentRow } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { formatPercent, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { fulfilmentDoc } from './execution-api.js';
import type { ExecutionContext } from './execution-context.js';
import { errorBox } from './error-box.js';

const SAME = 1e-9;

interface Group {
  readonly period: string;
  readonly tier: number;
  readonly targets: TargetFulfilmentRow[];
}

/** Targets by period and priority tier, in the model's period order. */
function groups(targets: readonly TargetFulfilmentRow[], periods: readonly string[]): Group[] {
  const by = new Map<string, Group>();
  for (const t of targets) {
    const key = `${t.period}\u0000${t.priority}`;
    let g = by.get(key);
    if (g === undefined) by.set(key, (g = { period: t.period, tier: t.priority, targets: [] }));
    g.targets.push(t);
  }
  const order = (p: string) => periods.indexOf(p);
  return [...by.values()].sort((a, b) => order(a.period) - order(b.period) || a.tier - b.tier);
}

const least = (g: Group): number => Math.min(...g.targets.map((t) => t.fulfilment));
const allSame = (g: Group): boolean => g.targets.every((t) => Math.abs(t.fulfilment - g.targets[0].fulfilment) <= SAME * Math.max(1, Math.abs(t.fulfilment)));

/**
 * What the ratios are of, in words, and why many of them read the same or far above 100%: under
 * maxmin the plan gives every target of a tier the same multiple λ of its amount.
 */
function explanation(gs: readonly Group[], levels: Readonly<Record<string, Readonly<Record<string, number>>>> | null, objectiveKind: string): HTMLElement {
  const equal = gs.filter((g) => allSame(g));
  const top = Math.max(...gs.flatMap((g) => g.targets.map((t) => t.fulfilment)));
  const lines: (HTMLElement | null)[] = [
    h('p', { text: 'A target’s fulfilment is the delivery the reports imply ÷ the amount the target asks for. The implied delivery is the plan’s delivery to the target × its item’s actual ÷ planned output, so until a report changes an item’s output every target reads what the plan itself delivers.' }),
  ];
  if (equal.length > 0) {
    const example = equal.reduce((a, b) => (b.targets[0].fulfilment > a.targets[0].fulfilment ? b : a));
    const level = levels?.[String(example.tier)]?.[example.period];
    const sameAsLevel = level !== undefined && Math.abs(level - example.targets[0].fulfilment) < 1e-6;
    lines.push(
      h('p', {
        'data-explains': 'equal-ratios',
        text:
          `In ${equal.length} of ${gs.length} period–tier groups every target reads the same (e.g. ${example.targets.length === 1 ? 'the one target' : `all ${example.targets.length} targets`} of tier ${example.tier} in ${example.period}: ${formatPercent(example.targets[0].fulfilment)}). ` +
          (objectiveKind === 'maxmin' || sameAsLevel
            ? `That is the plan’s level λ for the tier${level === undefined ? '' : ` (${formatPercent(level)} in ${example.period})`}: the maxmin objective delivers every target of a tier the same multiple of its amount, as large as the resources allow. It is a property of the plan, not a measurement; above 100% means the plan delivers more than the targets ask.`
            : 'The plan delivers each of them the same multiple of its amount.'),
      }),
    );
  }
  if (top > 2) {
    lines.push(
      h('p', {
        'data-explains': 'far-above',
        text: `Ratios far above 100% (up to ${formatPercent(top)}) mean the plan delivers that many times what the target names: the target states a proportion (a set of goods, one unit of an assortment) rather than a need, and the ratio counts how many such sets the resources allow.`,
      }),
    );
  }
  return h('div', { class: 'ex-explain' }, ...lines);
}

const PAGE = 200;

/** Fulfilment over time: per period and tier (targets), per item (output), per enterprise (reports). */
export async function fulfilmentSection(root: HTMLElement, ctx: ExecutionContext): Promise<void> {
  const { api, pub, units } = ctx;
  let doc;
  try {
    doc = await fulfilmentDoc(api);
  } catch (err) {
    mount(root, h('h3', { id: 'ex-fulfilment-h', text: 'Fulfilment' }), errorBox(err));
    return;
  }
  const periods = [...new Set(doc.targets.map((t) => t.period).concat(doc.items.map((i) => i.period)))];
  const gs = groups(doc.targets, periods);
  const levels = isOptimal(pub.plan.result) ? pub.plan.result.levels : null;
  const chart = barChart({
    name: 'ex-fulfilment',
    title: 'Targets’ fulfilment per period and priority tier (the least in each)',
    description: 'Each bar: the least fulfilment among the tier’s targets in the period (implied delivery ÷ the target’s amount); the mark is 100%.',
    columns: ['period and tier', 'least fulfilment'],
    domainMax: Math.max(1, ...gs.map(least)),
    bars: gs.map((g) => {
      const v = least(g);
      return { key: `${g.period}|${g.tier}`, label: `${g.period} · tier ${g.tier} (${g.targets.length} targets)`, value: v, text: formatPercent(v), reference: 1, tone: v < 0.995 ? 'short' : 'ok' };
    }),
  });
  const changed = doc.items.filter((i) => Math.abs(i.ratio - 1) > 1e-9);
  // Reported output against plan per enterprise and item, period after period.
  const outputs = doc.enterprises
    .filter((e) => e.kind === 'output' && e.reported !== null && e.ratio !== null)
    .sort((a, b) => a.enterprise.localeCompare(b.enterprise) || a.item.localeCompare(b.item) || periods.indexOf(a.period) - periods.indexOf(b.period));
  const outputChart =
    outputs.length === 0
      ? null
      : barChart({
          name: 'ex-enterprise-output',
          title: 'Reported output ÷ planned, per enterprise, item and period',
          description: 'Each bar: what the enterprise reported making of the item in the period ÷ what the plan asked of its reported-on techniques; the mark is 100%.',
          columns: ['enterprise, item and period', 'reported ÷ planned'],
          domainMax: Math.max(1, ...outputs.map((e) => e.ratio ?? 0)),
          bars: outputs.map((e) => ({
            key: `${e.enterprise}|${e.period}|${e.item}`,
            label: `${e.enterprise} · ${itemLabel(e.item)} · ${e.period}`,
            value: e.ratio ?? 0,
            text: `${formatPercent(e.ratio ?? 0)} (${units.amount(e.reported ?? 0, e.item)} of ${units.amount(e.planned, e.item)})`,
            reference: 1,
            tone: (e.ratio ?? 0) < 0.995 ? 'short' : 'ok',
          })),
        });
  const reported = doc.enterprises.filter((e) => e.reported !== null);
  const targetCols = [
    { label: 'item', value: (t: TargetFulfilmentRow) => itemLabel(t.item) },
    { label: 'period', value: (t: TargetFulfilmentRow) => t.period },
    { label: 'tier', value: (t: TargetFulfilmentRow) => String(t.priority), numeric: true },
    { label: 'category', value: (t: TargetFulfilmentRow) => t.category ?? '—' },
    { label: 'target', value: (t: TargetFulfilmentRow) => units.amount(t.amount, t.item), numeric: true },
    { label: 'planned delivery', value: (t: TargetFulfilmentRow) => units.amount(t.planned, t.item), numeric: true },
    { label: 'implied by reports', value: (t: TargetFulfilmentRow) => units.amount(t.implied, t.item), numeric: true },
    { label: 'fulfilment', value: (t: TargetFulfilmentRow) => formatPercent(t.fulfilment), numeric: true, tone: (t: TargetFulfilmentRow) => (t.fulfilment < 0.995 ? 'short' : undefined) },
  ];
  const itemCols = [
    { label: 'item', value: (i: ItemFulfilmentRow) => itemLabel(i.item) },
    { label: 'period', value: (i: ItemFulfilmentRow) => i.period },
    { label: 'planned output', value: (i: ItemFulfilmentRow) => units.amount(i.planned, i.item), numeric: true },
    { label: 'actual output', value: (i: ItemFulfilmentRow) => units.amount(i.actual, i.item), numeric: true },
    { label: 'actual ÷ planned', value: (i: ItemFulfilmentRow) => formatPercent(i.ratio), numeric: true, tone: (i: ItemFulfilmentRow) => (i.ratio < 0.995 ? 'short' : undefined) },
  ];
  const entCols = [
    { label: 'enterprise', value: (r: EnterpriseFulfilmentRow) => r.enterprise },
    { label: 'period', value: (r: EnterpriseFulfilmentRow) => r.period },
    { label: 'side', value: (r: EnterpriseFulfilmentRow) => r.kind },
    { label: 'item', value: (r: EnterpriseFulfilmentRow) => itemLabel(r.item) },
    { label: 'planned', value: (r: EnterpriseFulfilmentRow) => units.amount(r.planned, r.item), numeric: true },
    { label: 'reported', value: (r: EnterpriseFulfilmentRow) => (r.reported === null ? '—' : units.amount(r.reported, r.item)), numeric: true },
    { label: 'reported ÷ planned', value: (r: EnterpriseFulfilmentRow) => (r.ratio === null ? 'nothing planned' : formatPercent(r.ratio)), numeric: true, tone: (r: EnterpriseFulfilmentRow) => (r.kind === 'output' && r.ratio !== null && r.ratio < 0.995 ? 'short' : undefined) },
  ];
  mount(
    root,
    h('h3', { id: 'ex-fulfilment-h', text: 'Fulfilment' }),
    h('p', { class: 'muted', 'data-reports': String(doc.reports), text: doc.reports === 0 ? 'No enterprise has reported yet: the numbers below are the plan’s own.' : `${doc.reports} report${doc.reports === 1 ? '' : 's'} counted.` }),
    explanation(gs, levels, pub.plan.objectiveKind),
    chart,
    h('h4', { text: 'By enterprise and item (what the reports say)' }),
    outputChart,
    reported.length === 0
      ? h('p', { class: 'muted', text: 'No report yet.' })
      : scroller(dataTable('Reported against planned, per enterprise, period and item (reported ÷ planned)', entCols, reported, (r) => `${r.enterprise}|${r.period}|${r.kind}|${r.item}`, 'ex-enterprise-fulfilment'), 'Fulfilment by enterprise'),
    h('h4', { text: 'Items whose output differs from the plan' }),
    changed.length === 0
      ? h('p', { class: 'muted', text: 'None: no report has moved an item’s output away from the plan.' })
      : scroller(dataTable('Actual output (from the reports) against planned, per item and period', itemCols, changed, (i) => `${i.item}|${i.period}`, 'ex-item-fulfilment'), 'Output by item'),
    h(
      'details',
      { class: 'ex-more' },
      h('summary', { text: `Every target (${doc.targets.length})` }),
      scroller(dataTable('Targets: amount, planned delivery, delivery implied by the reports, fulfilment', targetCols, doc.targets.slice(0, PAGE * 5), (t) => `${t.target}|${t.period}`, 'ex-target-fulfilment'), 'Targets'),
    ),
  );
}
