import type { CompiledEconomy } from '../compile/types.js';

/**
 * True when target t applies in the period: its period is the given one, or it has none (a
 * target without a period applies in every period).
 */
export function targetInPeriod(c: CompiledEconomy, t: number, period: number): boolean {
  const p = c.targets.period[t];
  return p === -1 || p === period;
}

/** Final use per item in a period: the sum of the amounts of the targets that apply in it. */
export function finalUse(c: CompiledEconomy, period: number): Float64Array {
  const out = new Float64Array(c.items.ids.length);
  const { item, amount } = c.targets;
  for (let t = 0; t < item.length; t++) {
    const i = item[t];
    if (i < 0 || !targetInPeriod(c, t, period)) continue;
    out[i] += amount[t];
  }
  return out;
}
