import type { BalanceReport } from '../balance/index.js';

/** An extra resource that closing a deficit would draw on. */
export interface ClosingNeed {
  readonly id: string;
  readonly unit: string;
  /** The extra amount needed, in the resource's unit. */
  readonly extra: number;
  /** What the resource has available in the period; null when it is unlimited. */
  readonly available: number | null;
  /** extra over what is available (over what the plan uses, at least 1, when unlimited or none is). */
  readonly share: number;
}

/** The extra resources a closing requirement needs, the largest share of the resource first. */
export function closingNeeds(report: BalanceReport, extra: Float64Array): ClosingNeed[] {
  const c = report.economy;
  const res = report.resources;
  return Array.from(extra, (v, r) => {
    const a = res.available[r];
    const limited = Number.isFinite(a);
    return { id: c.resources.ids[r], unit: c.model.resources[r]?.unit ?? '', extra: v, available: limited ? a : null, share: v / (limited && a > 0 ? a : Math.max(res.use[r], 1)) };
  })
    .filter((e) => e.extra > 0)
    .sort((a, b) => b.share - a.share);
}
