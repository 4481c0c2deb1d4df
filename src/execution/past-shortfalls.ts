import type { CompiledEconomy } from '../compile/types.js';
import { BREACH_TOLERANCE } from './past-breaches.js';
import type { PastRecord } from './past-record.js';

/** A target that received less than its amount in a past period. */
export interface PastShortfall {
  /** Index of the target in the model. */
  readonly target: number;
  readonly item: string;
  readonly period: string;
  readonly priority: number;
  readonly amount: number;
  /** The published plan's delivery. */
  readonly planned: number;
  readonly delivered: number;
  /** delivered ÷ amount. */
  readonly fulfilment: number;
}

/**
 * The past's deliveries below their targets' amounts (by more than BREACH_TOLERANCE relative), in
 * the order of the plan's deliveries. Re-planning reports them beside the future's fulfilment; they
 * do not enter it.
 */
export function pastShortfalls(c: CompiledEconomy, past: PastRecord): PastShortfall[] {
  const out: PastShortfall[] = [];
  for (const d of past.deliveries) {
    if (!(d.delivered < d.amount * (1 - BREACH_TOLERANCE))) continue;
    out.push({
      target: d.target,
      item: c.items.ids[c.targets.item[d.target]],
      period: c.periods.ids[d.period],
      priority: c.targets.priority[d.target],
      amount: d.amount,
      planned: d.planned,
      delivered: d.delivered,
      fulfilment: d.delivered / d.amount,
    });
  }
  return out;
}
