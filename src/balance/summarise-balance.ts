import type { BlockageRule, BlockageStep } from './blockage-types.js';
import { blockedByDeficits } from './blocked-by-deficits.js';
import { feasibleFraction, type FeasibleFraction } from './feasible-fraction.js';
import type { BalanceCounts, BalanceReport } from './types.js';

export interface SummaryOptions {
  /** How many deficits, surpluses and overdrawn limits to list (default 10 each). */
  readonly top?: number;
  /** Rationing rule for the chains (default 'priority'; see blockage-types.ts). */
  readonly rule?: BlockageRule;
  /** Steps per chain kept in the summary (default 25). */
  readonly chainSteps?: number;
}

export interface DeficitSummary {
  readonly item: number;
  readonly id: string;
  readonly unit: string;
  readonly supply: number;
  readonly use: number;
  /** use − supply, in `unit`. */
  readonly deficit: number;
  /** deficit / use. */
  readonly share: number;
  /** What it blocks (the first `chainSteps` steps of its chain). */
  readonly chain: readonly BlockageStep[];
  /** The chain as indented sentences, one per step, for a terminal or a report. */
  readonly lines: readonly string[];
  /** The chain was cut (it has more steps than kept). */
  readonly truncated: boolean;
}

export interface SurplusSummary {
  readonly item: number;
  readonly id: string;
  readonly unit: string;
  readonly supply: number;
  readonly use: number;
  /** supply − use, in `unit`. */
  readonly surplus: number;
  /** surplus / supply. */
  readonly share: number;
}

export interface LimitSummary {
  readonly kind: 'resource' | 'capacity';
  /** Resource or technique index. */
  readonly index: number;
  readonly id: string;
  /** The resource's unit; for a capacity, "activity". */
  readonly unit: string;
  readonly used: number;
  readonly available: number;
  readonly excess: number;
  readonly utilisation: number;
}

export interface BalanceSummary {
  readonly period: string;
  readonly balances: boolean;
  readonly withinLimits: boolean;
  readonly counts: BalanceCounts;
  /** Largest relative deficits first, each with what it blocks. */
  readonly deficits: readonly DeficitSummary[];
  /** Largest relative surpluses first (over-fulfilment that nothing uses). */
  readonly surpluses: readonly SurplusSummary[];
  /** Overdrawn resources, then capacities exceeded, each by utilisation. */
  readonly limits: readonly LimitSummary[];
  readonly fraction: FeasibleFraction;
  /** Whether the propagation of shortages converged ('max-iterations': chains are approximate). */
  readonly propagation: 'converged' | 'max-iterations';
}

/** A number for a sentence: six significant digits, no trailing zeros. */
function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

function pct(x: number): string {
  return `${num(100 * x)}%`;
}

function unitOf(report: BalanceReport, item: number): string {
  const c = report.economy;
  return c.model.products[c.itemProduct[item]]?.unit ?? '';
}

function describe(report: BalanceReport, step: BlockageStep): string {
  const c = report.economy;
  const pad = '  '.repeat(step.depth) + (step.depth > 0 ? '→ ' : '');
  switch (step.kind) {
    case 'item': {
      const unit = unitOf(report, step.item);
      const via = step.cause >= 0 ? ` (${num(step.lost)} ${unit} not made by ${c.techniques.ids[step.cause]})` : '';
      return `${pad}${step.id}: short ${num(step.shortfall)} ${unit}${via}`;
    }
    case 'technique':
      return `${pad}${step.id}: can run ${num(step.allowed)} of ${num(step.planned)} planned (${pct(step.fraction)}) for want of ${step.reasonId} (missing ${num(step.missing)} ${unitOf(report, step.reason)})`;
    case 'target': {
      const unit = unitOf(report, step.item);
      return `${pad}target ${step.itemId} (priority ${step.priority}): ${num(step.covered)} of ${num(step.amount)} ${unit} covered, short ${num(step.shortfall)}`;
    }
  }
}

/**
 * The few facts a planner reads first: whether the plan balances and fits, the largest relative
 * deficits with what each blocks (as data and as sentences), the largest surpluses, the overdrawn
 * resources and capacities, and the fractions of targets and plan that hold. Plain data, ready
 * to print or serialise.
 */
export function summariseBalance(report: BalanceReport, options: SummaryOptions = {}): BalanceSummary {
  const top = options.top ?? 10;
  const chainSteps = options.chainSteps ?? 25;
  const c = report.economy;
  const items = report.items;
  const blockage = blockedByDeficits(report, { rule: options.rule ?? 'priority', maxSteps: chainSteps + 1 });

  const deficits: DeficitSummary[] = [];
  for (let r = 0; r < Math.min(top, report.deficits.length); r++) {
    const i = report.deficits[r];
    const chain = blockage.chains[r];
    const steps = chain.steps.slice(0, chainSteps);
    deficits.push({
      item: i,
      id: c.items.ids[i],
      unit: unitOf(report, i),
      supply: items.supply[i],
      use: items.use[i],
      deficit: -items.gap[i],
      share: items.use[i] > 0 ? -items.gap[i] / items.use[i] : 0,
      chain: steps,
      lines: steps.map((s) => describe(report, s)),
      truncated: chain.truncated || chain.steps.length > chainSteps,
    });
  }

  const surpluses: SurplusSummary[] = [];
  for (let r = 0; r < Math.min(top, report.surpluses.length); r++) {
    const i = report.surpluses[r];
    surpluses.push({
      item: i,
      id: c.items.ids[i],
      unit: unitOf(report, i),
      supply: items.supply[i],
      use: items.use[i],
      surplus: items.gap[i],
      share: items.supply[i] > 0 ? items.gap[i] / items.supply[i] : 0,
    });
  }

  const limits: LimitSummary[] = [];
  const res = report.resources;
  for (let k = 0; k < Math.min(top, report.resourcesOver.length); k++) {
    const r = report.resourcesOver[k];
    limits.push({
      kind: 'resource',
      index: r,
      id: c.resources.ids[r],
      unit: c.model.resources[r]?.unit ?? '',
      used: res.use[r],
      available: res.available[r],
      excess: res.use[r] - res.available[r],
      utilisation: res.utilisation[r],
    });
  }
  const loads = report.techniques;
  for (let k = 0; k < Math.min(top, report.capacitiesOver.length); k++) {
    const j = report.capacitiesOver[k];
    limits.push({
      kind: 'capacity',
      index: j,
      id: c.techniques.ids[j],
      unit: 'activity',
      used: loads.activity[j],
      available: loads.capacity[j],
      excess: loads.activity[j] - loads.capacity[j],
      utilisation: loads.utilisation[j],
    });
  }

  return {
    period: c.periods.ids[report.period] ?? String(report.period),
    balances: report.balances,
    withinLimits: report.withinLimits,
    counts: report.counts,
    deficits,
    surpluses,
    limits,
    fraction: feasibleFraction(report),
    propagation: blockage.status,
  };
}
