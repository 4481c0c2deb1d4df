import type { BalanceReport, BalanceSummary, ClosingReport } from '../balance/index.js';
import { closingNeeds } from './closing-needs.js';
import type { Table } from './table.js';

export interface BalanceTablesOptions {
  /** Include the balance of every item, resource and technique, not only the problems. */
  readonly all?: boolean;
}

const pct = (x: number): number => Math.round(x * 1e6) / 1e4;

/** A finite number, or an empty cell for an unlimited one. */
const finiteOrEmpty = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The lines a planner reads first: does the plan balance, does it fit, how much of it holds. */
export function balanceHeadline(summary: BalanceSummary, modelName: string, planName: string): string[] {
  const c = summary.counts;
  const f = summary.fraction;
  const lines = [
    `${modelName}: ${planName}, period ${summary.period}`,
    `${summary.balances ? 'The plan balances' : 'The plan does NOT balance'}: ${c.deficit} of ${c.items} items in deficit, ${c.surplus} in surplus, ${c.balanced} balanced.`,
    `${summary.withinLimits ? 'It fits its limits' : 'It does NOT fit its limits'}: ${c.resourcesOver} of ${c.resources} resources overdrawn, ${c.capacitiesOver} of ${c.techniques} capacities exceeded.`,
    `Share of every target that the planned output covers: ${pct(f.targets)}%${targetsWhy(f)}; share of the plan the resources carry: ${pct(f.resources)}%${f.resourcesLimit !== undefined && f.resources < 1 ? ` (limited by ${f.resourcesLimit.kind} ${f.resourcesLimit.id})` : ''}.`,
  ];
  if (summary.propagation === 'max-iterations') lines.push('Note: the propagation of shortages did not settle; the chains below are approximate.');
  return lines;
}

function targetsWhy(f: BalanceSummary['fraction']): string {
  const l = f.targetsLimit;
  if (l === undefined || f.targets >= 1) return '';
  return l.ratio <= 0 ? ` (${l.id} is short before any final use)` : ` (limited by ${l.id})`;
}

/** Tables of a balance check: deficits with what they block, surpluses, limits, closing requirements. */
export function balanceTables(report: BalanceReport, summary: BalanceSummary, closing: ClosingReport | undefined, options: BalanceTablesOptions = {}): Table[] {
  const c = report.economy;
  const tables: Table[] = [];
  tables.push({
    name: 'deficits',
    title: 'Deficits (supply short of use), largest share first',
    columns: [
      { key: 'item', label: 'item' },
      { key: 'unit', label: 'unit' },
      { key: 'supply', label: 'supply' },
      { key: 'use', label: 'use' },
      { key: 'deficit', label: 'deficit' },
      { key: 'share_pct', label: 'share %', digits: 3 },
    ],
    rows: summary.deficits.map((d) => [d.id, d.unit, d.supply, d.use, d.deficit, pct(d.share)]),
    notes: summary.deficits.length > 0 ? ['', 'What each deficit blocks:', ...summary.deficits.flatMap((d) => [...d.lines, ...(d.truncated ? ['  …'] : [])])] : [],
  });
  tables.push({
    name: 'surpluses',
    title: 'Surpluses (made but not used), largest share first',
    columns: [
      { key: 'item', label: 'item' },
      { key: 'unit', label: 'unit' },
      { key: 'supply', label: 'supply' },
      { key: 'use', label: 'use' },
      { key: 'surplus', label: 'surplus' },
      { key: 'share_pct', label: 'share %', digits: 3 },
    ],
    rows: summary.surpluses.map((s) => [s.id, s.unit, s.supply, s.use, s.surplus, pct(s.share)]),
  });
  tables.push({
    name: 'limits',
    title: 'Resources and capacities overdrawn',
    columns: [
      { key: 'kind', label: 'kind' },
      { key: 'id', label: 'id' },
      { key: 'unit', label: 'unit' },
      { key: 'used', label: 'used' },
      { key: 'available', label: 'available' },
      { key: 'excess', label: 'excess' },
      { key: 'utilisation_pct', label: 'use %', digits: 4 },
    ],
    // Used with nothing available: no percentage (the excess says it all).
    rows: summary.limits.map((l) => [l.kind, l.id, l.unit, l.used, l.available, l.excess, Number.isFinite(l.utilisation) ? pct(l.utilisation) : null]),
  });
  if (closing !== undefined) {
    /** The three resources the closing would draw on most, relative to what is available. */
    const needs = (extra: Float64Array): string =>
      closingNeeds(report, extra)
        .slice(0, 3)
        .map((e) => `${e.id} ${fmt(e.extra)} ${e.unit}`.trimEnd())
        .join(', ');
    const rows = [...closing.each, ...(closing.all !== undefined && closing.each.length > 1 ? [closing.all] : [])].map((r) => [
      r.item < 0 ? '(all deficits)' : r.id,
      r.deficit,
      r.status === 'converged' ? needs(r.resources) || null : `not computed: ${r.status}`,
      r.status === 'converged' ? (r.feasible ? 'yes' : 'no') : null,
      [...r.resourcesShort.map((s) => `${s.id} short ${fmt(s.short)}`), ...r.capacitiesShort.map((s) => `capacity of ${s.id} short ${fmt(s.short)}`)].join('; ') || null,
    ]);
    const failed = [...closing.each, ...(closing.all !== undefined ? [closing.all] : [])].find((r) => r.status !== 'converged');
    const bounds = failed?.spectralRadius;
    tables.push({
      name: 'closing',
      title: 'What closing each deficit would take (total requirements of the gap)',
      columns: [
        { key: 'deficit_item', label: 'deficit' },
        { key: 'missing', label: 'missing' },
        { key: 'needs', label: 'extra resources it needs (largest shares)' },
        { key: 'feasible', label: 'resources allow' },
        { key: 'short', label: 'what would be short' },
      ],
      rows,
      notes: [
        ...(closing.status === 'no-system' ? [`No closing requirements: ${closing.message ?? ''}`] : []),
        ...(failed !== undefined
          ? [`No closing requirements: the solve ended with status ${failed.status}${bounds !== undefined ? ` (the spectral radius of A is between ${bounds.lower.toPrecision(8)} and ${bounds.upper.toPrecision(8)})` : ''}.`]
          : []),
      ],
    });
  }
  if (options.all === true) {
    const it = report.items;
    tables.push({
      name: 'items',
      title: `Balance of every item, period ${c.periods.ids[report.period] ?? report.period}`,
      columns: [
        { key: 'item', label: 'item' },
        { key: 'unit', label: 'unit' },
        { key: 'output', label: 'output' },
        { key: 'imports', label: 'imports' },
        { key: 'intermediate', label: 'intermediate' },
        { key: 'final', label: 'final' },
        { key: 'exports', label: 'exports' },
        { key: 'gap', label: 'surplus(+)/deficit(-)' },
        { key: 'status', label: 'status' },
      ],
      rows: c.items.ids.map((id, i) => [id, c.model.products[c.itemProduct[i]]?.unit ?? '', it.output[i], it.imports[i], it.intermediate[i], it.final[i], it.exports[i], it.gap[i], it.status[i]]),
    });
    const rs = report.resources;
    tables.push({
      name: 'resources',
      title: 'Use of every resource',
      columns: [
        { key: 'resource', label: 'resource' },
        { key: 'unit', label: 'unit' },
        { key: 'use', label: 'use' },
        { key: 'available', label: 'available' },
        { key: 'slack', label: 'slack' },
        { key: 'status', label: 'status' },
      ],
      rows: c.resources.ids.map((id, r) => [id, c.model.resources[r]?.unit ?? '', rs.use[r], finiteOrEmpty(rs.available[r]), finiteOrEmpty(rs.slack[r]), rs.status[r]]),
      notes: rs.available.some((a) => !Number.isFinite(a)) ? ['An empty availability and slack: the resource has no limit.'] : [],
    });
  }
  return tables;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
