import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { amountText, deviationText } from './amount-text.js';
import { fulfilment } from './fulfilment.js';
import { priorityDependencies } from './priority-dependencies.js';
import type { ExecutionPlan, Report } from './types.js';

export type AlertLevel = 'normal' | 'warning' | 'critical';
export type AlertRecipient = 'enterprise' | 'planners';
/** What a report is about: an output the enterprise made, or an input it used. */
export type AlertSide = 'output' | 'input';

/**
 * Which way a report strays: an output below plan (under-delivery) or above it (over-delivery,
 * also an output where none was planned), an input above plan (input-over-use, also an input
 * where none was planned) or below it (input-under-use). Exactly on plan counts as the "over" kind
 * of its side, with a deviation of 0 (normal).
 */
export type AlertKind = 'under-delivery' | 'over-delivery' | 'input-over-use' | 'input-under-use';

export const ALERT_KINDS: readonly AlertKind[] = ['under-delivery', 'over-delivery', 'input-over-use', 'input-under-use'];

/** The side of a kind: under- and over-delivery are outputs, the others inputs. */
export function alertSide(kind: AlertKind): AlertSide {
  return kind === 'under-delivery' || kind === 'over-delivery' ? 'output' : 'input';
}

/** The kind of a report of `actual` against `planned` on one side. */
export function alertKind(side: AlertSide, planned: number, actual: number): AlertKind {
  const under = actual < planned;
  if (side === 'output') return under ? 'under-delivery' : 'over-delivery';
  return under ? 'input-under-use' : 'input-over-use';
}

export interface Alert {
  /** Deterministic: `period/enterprise/side/item`; the same report gives the same id. */
  readonly id: string;
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly side: AlertSide;
  readonly kind: AlertKind;
  readonly level: AlertLevel;
  readonly planned: number;
  readonly actual: number;
  /** (actual − planned) ÷ planned; null when nothing was planned. */
  readonly deviation: number | null;
  /** An under-delivery, beyond its warning threshold, of an item a first-priority target depends on. */
  readonly priorityShortfall: boolean;
  /** normal: nobody; warning: the enterprise; critical: the enterprise and the planners. */
  readonly recipients: readonly AlertRecipient[];
  readonly message: string;
}

/** The thresholds of one kind, as relative deviations |actual − planned| ÷ planned. */
export interface KindThresholds {
  /** From this deviation on a warning (to the enterprise); below it normal. */
  readonly warning: number;
  /** From this deviation on critical (to the planners too); null: never more than a warning. */
  readonly critical: number | null;
}

export type AlertLimits = Readonly<Record<AlertKind, KindThresholds>>;

/**
 * The default thresholds (docs/api.md, "Alerts"). Within 0.5% of the plan is normal for every
 * kind. Falling short on an output or using more of an input than planned takes from others: a
 * warning from 0.5%, critical from 10% (outputs) or 15% (inputs). Making more than planned is a
 * warning from 5% (inputs went into it that others may miss), critical from 25%. Using less of an
 * input than planned is a saving or a sign of an incomplete report: a warning from 5%, never critical.
 */
export const DEFAULT_THRESHOLDS: AlertLimits = {
  'under-delivery': { warning: 0.005, critical: 0.1 },
  'over-delivery': { warning: 0.05, critical: 0.25 },
  'input-over-use': { warning: 0.005, critical: 0.15 },
  'input-under-use': { warning: 0.05, critical: null },
};

export interface AlertOptions {
  /** Thresholds by kind; a kind or a field left out keeps its default (DEFAULT_THRESHOLDS). */
  readonly thresholds?: { readonly [K in AlertKind]?: Partial<KindThresholds> };
  /** Targets of this priority or better count as first priority (default 1). */
  readonly priority?: number;
  /** Only this period (an id). */
  readonly period?: string;
}

/**
 * Alerts from reports: one per enterprise, item, side (output or input) and period reported, of
 * the kind its deviation d = (actual − planned) ÷ planned says, with that kind's thresholds:
 * |d| below `warning` is normal, from `warning` a warning (to the enterprise), from `critical`
 * critical (escalated to the planners too). An under-delivery beyond its warning threshold of an
 * item that a first-priority target depends on in the plan (priorityDependencies) is critical
 * whatever its size. Something reported where nothing was planned is a warning.
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
    out.push(alertOf({ enterprise: r.enterprise, period: r.period, item: r.item, side: r.kind, planned: r.planned, actual: r.reported, priorityItem: needed[t * n + i] === 1 }, limits));
  }
  return out;
}

/** The thresholds of AlertOptions with their defaults, checked: an invalid one is an InputError. */
export function alertLimits(options: Pick<AlertOptions, 'thresholds'> = {}): AlertLimits {
  const out = {} as Record<AlertKind, KindThresholds>;
  for (const kind of ALERT_KINDS) {
    const given = options.thresholds?.[kind] ?? {};
    const warning = given.warning ?? DEFAULT_THRESHOLDS[kind].warning;
    const critical = given.critical === undefined ? DEFAULT_THRESHOLDS[kind].critical : given.critical;
    if (!(warning >= 0 && Number.isFinite(warning))) throw inputError('invalid-option', `the warning threshold of ${kind} must be a finite number ≥ 0`, { path: ['thresholds', kind, 'warning'] }, warning);
    if (critical !== null && !(critical >= warning && Number.isFinite(critical))) {
      throw inputError('invalid-option', `the critical threshold of ${kind} must be a finite number ≥ its warning threshold (${warning}), or null for never`, { path: ['thresholds', kind, 'critical'] }, critical);
    }
    out[kind] = { warning, critical };
  }
  return out;
}

/** One enterprise's planned and reported amounts of one item, on one side, in one period. */
export interface AlertSubject {
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly side: AlertSide;
  readonly planned: number;
  readonly actual: number;
  /** A first-priority target depends on the item in that period. */
  readonly priorityItem: boolean;
}

const KIND_TEXT: Readonly<Record<AlertKind, string>> = {
  'under-delivery': 'under-delivery',
  'over-delivery': 'over-delivery',
  'input-over-use': 'more input than planned',
  'input-under-use': 'less input than planned: a saving, or an incomplete report',
};

/** The alert of one subject under the given thresholds: the rule of alerts(). */
export function alertOf(s: AlertSubject, limits: AlertLimits): Alert {
  const { enterprise, period, item, side, planned, actual } = s;
  const deviation = planned > 0 ? (actual - planned) / planned : null;
  const kind = alertKind(side, planned, actual);
  const { warning, critical } = limits[kind];
  const size = deviation === null ? null : Math.abs(deviation);
  const priorityShortfall = kind === 'under-delivery' && s.priorityItem && size !== null && size >= warning;
  let level: AlertLevel;
  if (size === null) level = 'warning';
  else if (priorityShortfall || (critical !== null && size >= critical)) level = 'critical';
  else if (size >= warning) level = 'warning';
  else level = 'normal';
  const recipients: AlertRecipient[] = level === 'normal' ? [] : level === 'warning' ? ['enterprise'] : ['enterprise', 'planners'];
  const verb = side === 'output' ? 'produced' : 'used';
  const how = deviation === null ? `nothing was planned: ${KIND_TEXT[kind]}` : `${deviationText(deviation)}: ${KIND_TEXT[kind]}`;
  const why = priorityShortfall ? '; a first-priority target depends on it' : '';
  return {
    id: `${period}/${enterprise}/${side}/${item}`,
    enterprise,
    period,
    item,
    side,
    kind,
    level,
    planned,
    actual,
    deviation,
    priorityShortfall,
    recipients,
    message: `${enterprise} ${verb} ${amountText(actual)} of ${item} in ${period} against ${amountText(planned)} planned (${how})${why}`,
  };
}
