import type { AnalysisDocument, AnalysisPart, FailedAnalysisPart, FootprintsPart } from '../api-types.js';
import { converged } from '../api-types.js';
import { barChart, type Bar } from '../charts/bar-chart.js';
import { h } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { tableView, type Column } from '../table.js';

/** How many bars a chart shows: the largest values. */
const TOP = 15;

/** One item of the analysis: its index, id and unit. */
interface ItemRow {
  readonly i: number;
  readonly id: string;
  readonly unit: string;
}

const per = (unit: string, of: string): string => (unit === '' ? `per ${of}` : `${unit} per ${of}`);
const withUnit = (x: number, unit: string): string => (unit === '' ? formatAmount(x) : `${formatAmount(x)} ${unit}`);

function itemRows(d: AnalysisDocument): ItemRow[] {
  return d.items.map((id, i) => ({ i, id, unit: d.units[i] ?? '' }));
}

const itemColumns: readonly Column<ItemRow>[] = [
  { label: 'item', value: (r) => itemLabel(r.id), raw: (r) => r.id },
  { label: 'unit', value: (r) => r.unit },
];

/** A numeric column of item rows from a vector, with the unit said in the header. */
function numberColumn(label: string, v: readonly (number | null)[], unit?: string): Column<ItemRow> {
  return {
    label,
    value: (r) => {
      const x = v[r.i];
      return x === null || x === undefined ? '—' : formatAmount(x);
    },
    raw: (r) => v[r.i] ?? null,
    numeric: true,
    ...(unit !== undefined && unit !== '' ? { unit } : {}),
  };
}

/** The largest values of a vector as bars, with their units. */
function topBars(d: AnalysisDocument, v: readonly (number | null)[], unit: (i: number) => string, reference?: number): Bar[] {
  return d.items
    .map((id, i) => ({ id, i, value: v[i] ?? Number.NaN }))
    .filter((e) => Number.isFinite(e.value))
    .sort((a, b) => b.value - a.value)
    .slice(0, TOP)
    .map((e) => ({ key: e.id, label: itemLabel(e.id), value: e.value, text: withUnit(e.value, unit(e.i)), tone: 'neutral' as const, ...(reference !== undefined ? { reference } : {}) }));
}

function shownOf(n: number): string {
  return n > TOP ? `the ${TOP} largest of ${n.toLocaleString('en-GB')}` : `all ${n}`;
}

/** Several charts of a part, one shown at a time: a select picks which (the first to begin with). */
function chartPicker(id: string, label: string, charts: readonly { readonly label: string; readonly chart: () => HTMLElement }[]): HTMLElement {
  if (charts.length === 1) return charts[0].chart();
  const holder = h('div', { class: 'picked-chart' }, charts[0].chart());
  const s = h('select', { id }, ...charts.map((c, k) => h('option', { value: String(k), text: c.label })));
  s.addEventListener('change', () => holder.replaceChildren(charts[Number(s.value)].chart()));
  return h('div', { class: 'chart-picker' }, h('div', { class: 'field' }, h('label', { for: id, text: label }), s), holder);
}

/** A part whose solve did not succeed: its status and the sentence, no numbers. */
function failedBox(title: string, p: FailedAnalysisPart): HTMLElement {
  return h('div', { class: 'error', role: 'alert', 'data-failed': p.status }, h('p', {}, h('strong', { text: `${title}: ${p.status.replace(/-/g, ' ')}. ` }), p.message));
}

function section(key: string, title: string, lede: string, ...content: (Node | null)[]): HTMLElement {
  return h('section', { class: 'panel analysis-part', 'data-part': key, 'aria-labelledby': `${key}-h` }, h('h3', { id: `${key}-h`, text: title }), h('p', { class: 'muted', text: lede }), ...content);
}

function part<P extends { readonly status: 'converged' }>(key: string, title: string, lede: string, p: AnalysisPart<P> | undefined, body: (p: P) => (Node | null)[]): HTMLElement | null {
  if (p === undefined) return null;
  return converged(p) ? section(key, title, lede, ...body(p)) : section(key, title, lede, failedBox(title, p as FailedAnalysisPart));
}

function grossOutputSection(d: AnalysisDocument): HTMLElement | null {
  return part('gross-output', 'Gross output for the final demand', `What the final demand (${d.demand}) requires of every item, directly and indirectly: x = (I − A)⁻¹ y.`, d.grossOutput, (g) => [
    h('div', { class: 'charts' }, barChart({ name: 'gross-output', title: 'Gross output', description: `Gross output per item, ${shownOf(d.items.length)}, each in its own unit.`, bars: topBars(d, g.x, (i) => d.units[i] ?? ''), columns: ['item', 'gross output'] })),
    tableView({
      caption: 'Gross output and final demand per item',
      name: 'gross-output',
      columns: [...itemColumns, numberColumn('final demand', g.finalDemand), numberColumn('gross output', g.x)],
      rows: itemRows(d),
      rowKey: (r) => r.id,
    }),
  ]);
}

function multipliersSection(d: AnalysisDocument): HTMLElement | null {
  const unitOf = new Map(d.resources.map((r) => [r.id, r.unit]));
  return part(
    'multipliers',
    'Multipliers',
    'Per unit of final demand for an item: the gross output of all items it calls forth (output multiplier; meaningful when all items share one unit), and the use of every resource (employment, emissions, value added …) in the whole economy.',
    d.multipliers,
    (m) => {
      const rows = Object.entries(m.rows);
      return [
        chartPicker('multipliers-chart', 'Chart of', [
          {
            label: 'output multipliers',
            chart: () => barChart({ name: 'output-multipliers', title: 'Output multipliers', description: `Gross output of all items per unit of final demand, ${shownOf(d.items.length)}.`, bars: topBars(d, m.output, (i) => `per ${d.units[i] ?? 'unit'}`), columns: ['item', 'output multiplier'] }),
          },
          ...rows.map(([id, r], k) => ({
            label: `${itemLabel(id)} multipliers`,
            chart: () =>
              barChart({
                name: `multipliers-${k}`,
                title: `${itemLabel(id)} multipliers`,
                description: `${itemLabel(id)} used in the whole economy per unit of final demand, ${shownOf(d.items.length)}.`,
                bars: topBars(d, r.total, (i) => per(unitOf.get(id) ?? '', d.units[i] ?? 'unit')),
                columns: ['item', `${id} per unit`],
              }),
          })),
        ]),
        tableView({
          caption: 'Multipliers per unit of final demand',
          name: 'multipliers',
          columns: [
            ...itemColumns,
            numberColumn('output multiplier', m.output, 'per unit'),
            ...rows.flatMap(([id, r]) => [numberColumn(`${itemLabel(id)} direct`, r.direct, `${unitOf.get(id) ?? ''} per unit`), numberColumn(`${itemLabel(id)} total`, r.total, `${unitOf.get(id) ?? ''} per unit`)]),
          ],
          rows: itemRows(d),
          rowKey: (r) => r.id,
        }),
      ];
    },
  );
}

function incomeSection(d: AnalysisDocument): HTMLElement | null {
  const p = d.incomeMultipliers;
  const unit = converged(p) ? (d.resources.find((r) => r.id === p.income)?.unit ?? '') : '';
  return part(
    'income',
    'Income multipliers',
    'Income paid in the whole economy per unit of final demand (simple), and per unit of income the item pays directly (Type I, a ratio; — where it pays none).',
    p,
    (m) => [
      h('div', { class: 'charts' }, barChart({ name: 'income-multipliers', title: `${itemLabel(m.income)}: simple income multipliers`, description: `${itemLabel(m.income)} paid per unit of final demand, ${shownOf(d.items.length)}.`, bars: topBars(d, m.simple, (i) => per(unit, d.units[i] ?? 'unit')), columns: ['item', 'income per unit'] })),
      tableView({
        caption: `Income multipliers of ${itemLabel(m.income)}`,
        name: 'income-multipliers',
        columns: [...itemColumns, numberColumn('direct', m.direct, `${unit} per unit`), numberColumn('simple', m.simple, `${unit} per unit`), numberColumn('Type I', m.typeI, 'ratio')],
        rows: itemRows(d),
        rowKey: (r) => r.id,
      }),
    ],
  );
}

function linkagesSection(d: AnalysisDocument): HTMLElement | null {
  return part(
    'linkages',
    'Backward and forward linkages',
    'Backward: what an item draws on the rest of the economy (column sums of the Leontief inverse); forward: what it supplies to it (row sums of the Ghosh inverse). The index divides by the average item: above 1 (the mark on each bar) is stronger than average. Meaningful for a table in one unit.',
    d.linkages,
    (l) => [
      h(
        'div',
        { class: 'charts' },
        barChart({ name: 'backward-linkages', title: 'Backward linkage index', description: `Backward linkage over the average, ${shownOf(d.items.length)}; the mark is the average (1).`, bars: topBars(d, l.backward.normalised, () => '× average', 1), columns: ['item', 'index'] }),
        barChart({ name: 'forward-linkages', title: 'Forward linkage index', description: `Forward linkage over the average, ${shownOf(d.items.length)}; the mark is the average (1).`, bars: topBars(d, l.forward.normalised, () => '× average', 1), columns: ['item', 'index'] }),
      ),
      tableView({
        caption: 'Linkages per item',
        name: 'linkages',
        columns: [...itemColumns, numberColumn('backward', l.backward.raw, 'per unit'), numberColumn('backward index', l.backward.normalised, '× average'), numberColumn('forward', l.forward.raw, 'per unit'), numberColumn('forward index', l.forward.normalised, '× average')],
        rows: itemRows(d),
        rowKey: (r) => r.id,
      }),
    ],
  );
}

function labourSection(d: AnalysisDocument): HTMLElement | null {
  const p = d.labourValues;
  const unit = converged(p) ? (d.resources.find((r) => r.id === p.labour)?.unit ?? '') : '';
  return part('labour-values', 'Labour values', 'The labour embodied in one unit of each item, directly and through all its inputs: v = l (I − A)⁻¹.', p, (v) => [
    v.identity === null
      ? null
      : h('p', { class: 'identity', text: `Labour embodied in the final demand v·y = ${withUnit(v.identity.valueOfFinalDemand, unit)}; labour performed for it l·x = ${withUnit(v.identity.totalLabour, unit)} (${v.identity.relativeDifference === 0 ? 'equal' : `equal to a relative ${v.identity.relativeDifference.toExponential(1)}`}).` }),
    h('div', { class: 'charts' }, barChart({ name: 'labour-values', title: `Labour values (${itemLabel(v.labour)})`, description: `${itemLabel(v.labour)} embodied per unit, ${shownOf(d.items.length)}.`, bars: topBars(d, v.values, (i) => per(unit, d.units[i] ?? 'unit')), columns: ['item', 'embodied labour'] })),
    tableView({
      caption: `Labour values: ${itemLabel(v.labour)} per unit of each item`,
      name: 'labour-values',
      columns: [...itemColumns, numberColumn('direct', v.direct, `${unit} per unit`), numberColumn('embodied', v.values, `${unit} per unit`)],
      rows: itemRows(d),
      rowKey: (r) => r.id,
    }),
  ]);
}

interface FootprintRow {
  readonly id: string;
  readonly unit: string;
  readonly values: readonly number[];
}

function footprintTable(caption: string, name: string, regions: readonly string[], rows: readonly FootprintRow[]): HTMLElement {
  return tableView({
    caption,
    name,
    columns: [
      { label: 'resource', value: (r) => itemLabel(r.id), raw: (r) => r.id },
      { label: 'unit', value: (r) => r.unit },
      ...regions.map((g, k): Column<FootprintRow> => ({ label: g, value: (r) => formatAmount(r.values[k]), raw: (r) => r.values[k], numeric: true })),
    ],
    rows,
    rowKey: (r) => r.id,
  });
}

function regionBars(regions: readonly string[], values: readonly number[], unit: string): Bar[] {
  return regions.map((g, k) => ({ key: g, label: g, value: values[k], text: withUnit(values[k], unit), tone: 'neutral' as const })).sort((a, b) => b.value - a.value);
}

function footprintsSection(d: AnalysisDocument): HTMLElement | null {
  const unitOf = new Map(d.resources.map((r) => [r.id, r.unit]));
  return part(
    'footprints',
    'Footprints by region',
    'Consumption-based accounts: each resource used, anywhere in the economy, for the final demand of each region, plus final demand’s own direct use; per person where the model gives a population.',
    d.footprints,
    (f: FootprintsPart) => {
      const rows = Object.entries(f.rows).map(([id, values]) => ({ id, unit: unitOf.get(id) ?? '', values }));
      const pc = f.perCapita;
      const pcRows = pc === undefined ? [] : Object.entries(pc.rows).map(([id, values]) => ({ id, unit: `${unitOf.get(id) ?? ''} per person`.trim(), values }));
      return [
        chartPicker(
          'footprints-chart',
          'Chart of',
          rows.map((r, k) => ({
            label: `${itemLabel(r.id)} footprint`,
            chart: () => {
              const perPerson = pc === undefined ? undefined : pcRows.find((q) => q.id === r.id);
              return h(
                'div',
                { class: 'charts' },
                barChart({ name: `footprint-${k}`, title: `${itemLabel(r.id)} footprint`, description: `${itemLabel(r.id)} behind the final demand of each region.`, bars: regionBars(f.regions, r.values, r.unit), columns: ['region', 'footprint'] }),
                pc === undefined || perPerson === undefined
                  ? null
                  : barChart({ name: `footprint-per-capita-${k}`, title: `${itemLabel(r.id)} footprint per person`, description: `${itemLabel(r.id)} behind each region’s final demand, over its population.`, bars: regionBars(pc.regions, perPerson.values, perPerson.unit), columns: ['region', 'per person'] }),
              );
            },
          })),
        ),
        footprintTable('Footprints by region of final demand', 'footprints', f.regions, rows),
        pc === undefined ? h('p', { class: 'muted', text: 'No footprints per person: the model gives no region a population.' }) : footprintTable('Footprints per person', 'footprints-per-capita', pc.regions, pcRows),
      ];
    },
  );
}

/** The sections of an analysis, in the order of the document. */
export function analysisSections(d: AnalysisDocument): HTMLElement[] {
  return [grossOutputSection(d), multipliersSection(d), incomeSection(d), linkagesSection(d), labourSection(d), footprintsSection(d)].filter((s): s is HTMLElement => s !== null);
}
