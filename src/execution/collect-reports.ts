import { resolveItem } from '../compile/resolve-item.js';
import type { CompiledEconomy } from '../compile/types.js';
import { InputError, type Issue, type Location } from '../model/errors.js';
import { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT, inMagnitude, magnitudeMessage } from '../model/magnitude.js';
import { didYouMean } from '../model/suggest.js';
import { amountText } from './amount-text.js';
import { enterpriseOfTechniques, enterprises } from './enterprises.js';
import { reportableItems, type ReportableItems } from './reportable-items.js';
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

type Path = readonly (string | number)[];

/** What checking a batch of reports shares: the economy's owners and the running totals. */
class Collector {
  readonly issues: Issue[] = [];
  private readonly owner: readonly string[];
  private readonly members: ReadonlyMap<string, number[]>;
  private readonly reportable = new Map<string, ReportableItems>();
  /** Σ amount per enterprise, period, side and item over the reports collected so far. */
  private readonly totals = new Map<string, number>();

  constructor(
    private readonly c: CompiledEconomy,
    /** Hold items to what the enterprise's (or the named technique's) techniques make and use. */
    private readonly ownItems: boolean,
  ) {
    this.owner = enterpriseOfTechniques(c);
    this.members = enterprises(c);
  }

  /** Checks one report, its issues located under `path`; undefined when it has any. */
  collect(r: Report, path: Path): CollectedReport | undefined {
    const { c } = this;
    const at = (...p: (string | number)[]): Location => ({ path: [...path, ...p] });
    const said = (code: string, message: string, location: Location, value: unknown): void => {
      this.issues.push({ code, message: `report "${r.reportId}": ${message}`, location, value });
    };
    let ok = true;
    const known = this.members.has(r.enterprise);
    if (!known) {
      said('unknown-id', `unknown enterprise "${r.enterprise}"${didYouMean(r.enterprise, this.members.keys())}`, at('enterprise'), r.enterprise);
      ok = false;
    }
    const period = c.periods.index.get(r.period);
    if (period === undefined) {
      said('unknown-id', `unknown period "${r.period}"${didYouMean(r.period, c.periods.ids)}`, at('period'), r.period);
      ok = false;
    }
    let technique = -1;
    if (r.technique !== undefined) {
      const j = c.techniques.index.get(r.technique);
      if (j === undefined) {
        said('unknown-id', `unknown technique "${r.technique}"${didYouMean(r.technique, c.techniques.ids)}`, at('technique'), r.technique);
        ok = false;
      } else if (this.owner[j] !== r.enterprise) {
        said('not-own-technique', `technique "${r.technique}" belongs to "${this.owner[j]}", not "${r.enterprise}"`, at('technique'), r.technique);
        ok = false;
      } else technique = j;
    }
    const mayName = this.ownItems && known && (r.technique === undefined || technique >= 0) ? this.reportableOf(r.enterprise, technique) : undefined;
    const amounts = (field: 'outputs' | 'inputs'): Map<number, number> => {
      const m = new Map<number, number>();
      for (const [key, v] of Object.entries(r[field])) {
        const i = resolveItem(c, key, at(field, key));
        if (typeof i !== 'number') {
          this.issues.push({ ...i, message: `report "${r.reportId}": ${i.message}` });
          ok = false;
          continue;
        }
        if (typeof v !== 'number' || !inMagnitude(v) || v < 0) {
          const code = typeof v !== 'number' || !Number.isFinite(v) ? 'not-finite' : v < 0 ? 'negative' : 'too-large';
          said(code, `an amount ${code === 'negative' ? 'must be ≥ 0' : magnitudeMessage(typeof v === 'number' ? v : NaN)}`, at(field, key), v);
          ok = false;
          continue;
        }
        if (mayName !== undefined && !mayName[field].includes(i)) {
          said('not-own-item', this.notOwnItem(r, key, field, mayName[field]), at(field, key), key);
          ok = false;
          continue;
        }
        if (period !== undefined && !this.addToTotal(r, period, field, i, v)) {
          const total = this.totals.get(totalKey(r.enterprise, period, field, i)) ?? 0;
          said('too-large', `with this report, ${r.enterprise}'s total ${field === 'outputs' ? 'output' : 'input'} of ${c.items.ids[i]} in ${r.period} would be ${amountText(total + v)}, more than ${MAX_MAGNITUDE_TEXT}, the largest amount Plenty takes`, at(field, key), v);
          ok = false;
          continue;
        }
        m.set(i, (m.get(i) ?? 0) + v);
      }
      return m;
    };
    const outputs = amounts('outputs');
    const inputs = amounts('inputs');
    return ok && period !== undefined ? { reportId: r.reportId, enterprise: r.enterprise, period, technique, outputs, inputs } : undefined;
  }

  /** Adds v to the running total of the key unless that takes it beyond MAX_MAGNITUDE; false then. */
  private addToTotal(r: Report, period: number, field: 'outputs' | 'inputs', i: number, v: number): boolean {
    const key = totalKey(r.enterprise, period, field, i);
    const sum = (this.totals.get(key) ?? 0) + v;
    if (!(sum <= MAX_MAGNITUDE)) return false;
    this.totals.set(key, sum);
    return true;
  }

  private reportableOf(enterprise: string, technique: number): ReportableItems {
    const key = technique >= 0 ? `technique\u0000${technique}` : `enterprise\u0000${enterprise}`;
    let r = this.reportable.get(key);
    if (r === undefined) {
      r = reportableItems(this.c, technique >= 0 ? [technique] : (this.members.get(enterprise) ?? []));
      this.reportable.set(key, r);
    }
    return r;
  }

  private notOwnItem(r: Report, key: string, field: 'outputs' | 'inputs', allowed: readonly number[]): string {
    const who = r.technique === undefined ? `the techniques of "${r.enterprise}"` : `technique "${r.technique}"`;
    const verb = field === 'outputs' ? 'make' : 'use';
    const ids = allowed.map((i) => this.c.items.ids[i]);
    const listed = ids.length === 0 ? 'none' : ids.length <= 20 ? ids.join(', ') : `${ids.slice(0, 20).join(', ')}, … (${ids.length} in all)`;
    return `${who} do${r.technique === undefined ? '' : 'es'} not ${verb} "${key}"; ${field} it may report: ${listed}`;
  }
}

const totalKey = (enterprise: string, period: number, field: string, item: number): string => `${enterprise}\u0000${period}\u0000${field}\u0000${item}`;

/**
 * Checks stored reports against a compiled economy and resolves their ids. A report id that
 * occurs twice for one enterprise counts once (the first). Throws InputError listing every issue,
 * each located by its JSON path (`reports[k].outputs["grain@ukraine"]`) with the offending value:
 * unknown enterprise, period, technique (or one of another enterprise) and item; negative,
 * non-finite or too large amounts (beyond MAX_MAGNITUDE), and amounts that take an enterprise's
 * total of an item in a period beyond it. Items outside the enterprise's techniques are not
 * refused here (a report stored against another model may name them): `checkReport` refuses them
 * in a new report.
 */
export function collectReports(c: CompiledEconomy, reports: readonly Report[]): CollectedReport[] {
  const collector = new Collector(c, false);
  const seen = new Set<string>();
  const out: CollectedReport[] = [];
  reports.forEach((r, k) => {
    const id = `${r.enterprise}\u0000${r.reportId}`;
    if (seen.has(id)) return;
    seen.add(id);
    const got = collector.collect(r, ['reports', k]);
    if (got !== undefined) out.push(got);
  });
  if (collector.issues.length > 0) throw new InputError(collector.issues);
  return out;
}

/**
 * Checks a new report as collectReports does, and also that it names only items its enterprise's
 * techniques make (outputs) or use (inputs), or those of the technique it names; issues are
 * located under `path` (e.g. `["body"]`). Returns it resolved; throws InputError otherwise.
 */
export function checkReport(c: CompiledEconomy, report: Report, path: Path = []): CollectedReport {
  const collector = new Collector(c, true);
  const got = collector.collect(report, path);
  if (got === undefined || collector.issues.length > 0) throw new InputError(collector.issues);
  return got;
}
