import { resolveItem } from '../compile/resolve-item.js';
import type { CompiledEconomy } from '../compile/types.js';
import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { didYouMean } from '../model/suggest.js';
import { enterpriseOfTechniques } from './enterprises.js';
import type { Report } from './types.js';

/** A checked report with indices: amounts per item index. */
export interface CollectedReport {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: number;
  /** Technique index, or −1 for the enterprise's techniques together. */
  readonly technique: number;
  readonly outputs: ReadonlyMap<number, number>;
  readonly inputs: ReadonlyMap<number, number>;
}

/**
 * Checks reports against a compiled economy and resolves their ids. A report id that occurs twice
 * counts once (the first). Throws InputError listing every issue, each located by its JSON path
 * (`reports[k].outputs["grain@ukraine"]`) with the offending value: unknown enterprise, period,
 * technique (or one of another enterprise) and item, negative or non-finite amounts.
 */
export function collectReports(c: CompiledEconomy, reports: readonly Report[]): CollectedReport[] {
  const owner = enterpriseOfTechniques(c);
  const known = new Set(owner);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const out: CollectedReport[] = [];
  reports.forEach((r, k) => {
    const at = (...path: (string | number)[]) => ({ path: ['reports', k, ...path] });
    if (seen.has(r.reportId)) return;
    seen.add(r.reportId);
    let ok = true;
    if (!known.has(r.enterprise)) {
      issues.push({ code: 'unknown-id', message: `report "${r.reportId}": unknown enterprise "${r.enterprise}"${didYouMean(r.enterprise, [...known])}`, location: at('enterprise'), value: r.enterprise });
      ok = false;
    }
    const period = c.periods.index.get(r.period);
    if (period === undefined) {
      issues.push({ code: 'unknown-id', message: `report "${r.reportId}": unknown period "${r.period}"${didYouMean(r.period, c.periods.ids)}`, location: at('period'), value: r.period });
      ok = false;
    }
    let technique = -1;
    if (r.technique !== undefined) {
      const j = c.techniques.index.get(r.technique);
      if (j === undefined) {
        issues.push({ code: 'unknown-id', message: `report "${r.reportId}": unknown technique "${r.technique}"${didYouMean(r.technique, c.techniques.ids)}`, location: at('technique'), value: r.technique });
        ok = false;
      } else if (owner[j] !== r.enterprise) {
        issues.push({ code: 'not-own-technique', message: `report "${r.reportId}": technique "${r.technique}" belongs to "${owner[j]}", not "${r.enterprise}"`, location: at('technique'), value: r.technique });
        ok = false;
      } else technique = j;
    }
    const amounts = (field: 'outputs' | 'inputs'): Map<number, number> => {
      const m = new Map<number, number>();
      for (const [key, v] of Object.entries(r[field])) {
        const i = resolveItem(c, key, at(field, key));
        if (typeof i !== 'number') {
          issues.push({ ...i, message: `report "${r.reportId}": ${i.message}` });
          ok = false;
          continue;
        }
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          issues.push({ code: typeof v === 'number' && Number.isFinite(v) ? 'negative' : 'not-finite', message: `report "${r.reportId}": an amount must be a finite number ≥ 0`, location: at(field, key), value: v });
          ok = false;
          continue;
        }
        m.set(i, (m.get(i) ?? 0) + v);
      }
      return m;
    };
    const outputs = amounts('outputs');
    const inputs = amounts('inputs');
    if (ok && period !== undefined) out.push({ reportId: r.reportId, enterprise: r.enterprise, period, technique, outputs, inputs });
  });
  if (issues.length > 0) throw new InputError(issues);
  return out;
}
