import type { Finding } from './oracle.js';
import { SETUP } from './http-setup.js';

/**
 * Rules of plan execution (issue 9) that the HTTP fuzzer can check because it knows the model
 * its service published (the setup's `small`, version 1): a report names only items its
 * enterprise's techniques make or use, in the names reports take; an enterprise's plan lists
 * items by those same names; an alert within 0.5% is normal; ids are trimmed, non-empty text.
 */

/** Item ids of the setup's model, and the products made in exactly one place (a bare product id names that item). */
const ITEMS = new Set<string>(SETUP.items.filter((i) => i.includes('@')));
const productOf = (item: string): string => item.split('@')[0];
const SOLE = new Map<string, string>();
for (const p of new Set([...ITEMS].map(productOf))) {
  const where = [...ITEMS].filter((i) => productOf(i) === p);
  if (where.length === 1) SOLE.set(p, where[0]);
}

/** The item a report key names, or undefined when it names none unambiguously. */
function itemNamed(key: string): string | undefined {
  return ITEMS.has(key) ? key : SOLE.get(key);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A report (as sent) that was stored (201/200) though it names an item its enterprise neither makes nor uses. */
export function reportItemFindings(body: unknown, route: string): Finding[] {
  if (!isRecord(body) || typeof body.enterprise !== 'string') return [];
  const work = SETUP.work[body.enterprise];
  if (work === undefined) return [];
  const own = new Set([...work.outputs, ...work.inputs]);
  for (const side of ['outputs', 'inputs'] as const) {
    const m = body[side];
    if (!isRecord(m)) continue;
    for (const key of Object.keys(m)) {
      const item = itemNamed(key);
      if (item === undefined || !own.has(item)) {
        return [{ kind: 'report-names', message: `${route}: a report of ${body.enterprise} naming ${JSON.stringify(key)} in ${side} was stored, an item its techniques ${item === undefined ? 'cannot name' : 'neither make nor use'}`, signature: `${route}: stored a report naming an item ${item === undefined ? 'ambiguously or unknown' : 'the enterprise does not make or use'}` }];
      }
    }
  }
  return [];
}

/** An enterprise's plan that lists an item by a name reports do not take. */
export function enterprisePlanFindings(body: unknown, route: string): Finding[] {
  if (!isRecord(body) || !Array.isArray(body.techniques)) return [];
  for (const t of body.techniques) {
    if (!isRecord(t)) continue;
    for (const side of ['outputs', 'inputs'] as const) {
      const m = t[side];
      if (!isRecord(m)) continue;
      for (const key of Object.keys(m)) {
        if (!ITEMS.has(key) && !SOLE.has(key)) return [{ kind: 'report-names', message: `${route}: the plan of ${String(body.enterprise)} lists ${side} ${JSON.stringify(key)}, a name reports refuse`, signature: `${route}: lists an item by a name reports refuse` }];
      }
    }
  }
  return [];
}

/** Alerts within 0.5% that are not normal, and numbers in messages written for machines (1.37649e+7). */
export function alertFindings(body: unknown, route: string): Finding[] {
  if (!Array.isArray(body)) return [];
  const out: Finding[] = [];
  for (const a of body) {
    if (!isRecord(a)) continue;
    if (typeof a.deviation === 'number' && Math.abs(a.deviation) < 0.005 && a.level !== 'normal' && out.every((f) => f.kind !== 'alert-tolerance')) {
      out.push({ kind: 'alert-tolerance', message: `${route}: a ${String(a.level)} alert for a deviation of ${a.deviation}: ${String(a.message)}`, signature: `${route}: ${String(a.level)} alert within 0.5%` });
    }
    if (typeof a.message === 'string' && /\d(\.\d+)?e[+-]\d/i.test(a.message) && out.every((f) => f.kind !== 'unformatted-number')) {
      out.push({ kind: 'unformatted-number', message: `${route}: an alert message with a number in exponent form: ${a.message}`, signature: `${route}: alert message with exponent notation` });
    }
  }
  return out;
}

const ID_FIELDS = ['id', 'name', 'reportId', 'enterprise'];

/**
 * A write whose answer shows an id or name that is empty or not trimmed (ids and names are
 * trimmed, non-empty text; a service that trims what it is sent answers trimmed ids).
 */
export function idFindings(body: unknown, route: string): Finding[] {
  if (!isRecord(body)) return [];
  for (const f of ID_FIELDS) {
    const v = body[f];
    if (typeof v === 'string' && (v.trim() === '' || v !== v.trim())) {
      return [{ kind: 'accepted-untrimmed-id', message: `${route}: ${f} ${JSON.stringify(v.slice(0, 40))} was stored`, signature: `${route}: stored an empty or untrimmed ${f}` }];
    }
  }
  return [];
}
