import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { fulfilment } from './fulfilment.js';
import { priorityDependencies } from './priority-dependencies.js';
import type { ExecutionPlan, Report } from './types.js';

export type AlertLevel = 'normal' | 'warning' | 'critical';
export type AlertRecipient = 'enterprise' | 'planners';

export interface Alert {
  /** Deterministic: `period/enterprise/kind/item`; the same report gives the same id. */
  readonly id: string;
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly kind: 'output' | 'input';
  readonly level: AlertLevel;
  readonly planned: number;
  readonly actual: number;
  /** (actual − planned) ÷ planned; null when nothing was planned. */
  readonly deviation: number | null;
  /** An output shortfall of an item a first-priority target depends on. */
  readonly priorityShortfall: boolean;
  /** normal: nobody; warning: the enterprise; critical: the enterprise and the planners. */
  readonly recipients: readonly AlertRecipient[];
  readonly message: string;
}

export interface AlertOptions {
  /** |deviation| from which a report is a warning (default 0.05). */
  readonly warning?: number;
  /** |deviation| from which it is critical (default 0.15). */
  readonly critical?: number;
  /** Targets of this priority or better count as first priority (default 1). */
  readonly priority?: number;
  /** A shortfall below this relative size is not one (default 1e-9: any real shortfall). */
  readonly shortfallTolerance?: number;
  /** Only this period (an id). */
  readonly period?: string;
}

export const DEFAULT_WARNING = 0.05;
export const DEFAULT_CRITICAL = 0.15;

/**
 * Alerts from reports: one per enterprise, item, kind (output or input) and period reported. With
 * d = (actual − planned) ÷ planned: |d| < warning is normal, warning ≤ |d| < critical a warning
 * (to the enterprise), |d| ≥ critical critical (escalated to the planners too). Any output
 * shortfall of an item that a first-priority target depends on in the plan (priorityDependencies)
 * is critical whatever its size. Something reported where nothing was planned is a warning.
 */
export function alerts(c: CompiledEconomy, plan: ExecutionPlan, reports: readonly Report[], options: AlertOptions = {}): Alert[] {
  const limits = alertLimits(options);
  const n = c.items.ids.length;
  const needed = priorityDependencies(c, plan, options.priority ?? 1);
  const f = fulfilment(c, plan, reports, options.period === undefined ? {} : { period: options.period });
  const out: Alert[] = [];
  for (const r of f.enterprises) {
    if (r.reported === null) continue;
    const t = c.periods.index.get(r.period) ?? 0;
    const i = c.items.index.get(r.item) ?? 0;
    out.push(alertOf(r.enterprise, r.period, r.item, r.kind, r.planned, r.reported, needed[t * n + i] === 1, limits));
  }
  return out;
}

/** The thresholds of AlertOptions with their defaults, checked: an invalid one is an InputError. */
export function alertLimits(options: AlertOptions = {}): AlertLimits {
  const warning = options.warning ?? DEFAULT_WARNING;
  const critical = options.critical ?? DEFAULT_CRITICAL;
  const tolerance = options.shortfallTolerance ?? 1e-9;
  if (!(warning >= 0 && Number.isFinite(warning))) throw inputError('invalid-option', 'warning must be a finite number ≥ 0', { path: ['warning'] }, warning);
  if (!(critical >= warning && Number.isFinite(critical))) throw inputError('invalid-option', 'critical must be a finite number ≥ warning', { path: ['critical'] }, critical);
  if (!(tolerance >= 0)) throw inputError('invalid-option', 'shortfallTolerance must be ≥ 0', { path: ['shortfallTolerance'] }, tolerance);
  return { warning, critical, tolerance };
}

/** The thresholds of alertOf: relative deviations from which a report is a warning, critical; the shortfall tolerance. */
export interface AlertLimits {
  readonly warning: number;
  readonly critical: number;
  readonly tolerance: number;
}

/**
 * The alert of one enterprise, period, item and kind from its planned and reported amounts;
 * `priorityItem`: a first-priority target depends on the item in that period. The rule of alerts().
 */
export function alertOf(enterprise: string, period: string, item: string, kind: 'output' | 'input', planned: number, actual: number, priorityItem: boolean, limits: AlertLimits): Alert {
  const deviation = planned > 0 ? (actual - planned) / planned : null;
  const priorityShortfall = kind === 'output' && deviation !== null && deviation < -limits.tolerance && priorityItem;
  let level: AlertLevel;
  if (deviation === null) level = 'warning';
  else if (priorityShortfall || Math.abs(deviation) >= limits.critical) level = 'critical';
  else if (Math.abs(deviation) >= limits.warning) level = 'warning';
  else level = 'normal';
  const recipients: AlertRecipient[] = level === 'normal' ? [] : level === 'warning' ? ['enterprise'] : ['enterprise', 'planners'];
  const verb = kind === 'output' ? 'produced' : 'used';
  const pct = deviation === null ? 'nothing was planned' : `${deviation >= 0 ? '+' : '−'}${(Math.abs(deviation) * 100).toFixed(1)}%`;
  const why = priorityShortfall ? '; a first-priority target depends on it' : '';
  return {
    id: `${period}/${enterprise}/${kind}/${item}`,
    enterprise,
    period,
    item,
    kind,
    level,
    planned,
    actual,
    deviation,
    priorityShortfall,
    recipients,
    message: `${enterprise} ${verb} ${fmt(actual)} of ${item} in ${period} against ${fmt(planned)} planned (${pct})${why}`,
  };
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}
