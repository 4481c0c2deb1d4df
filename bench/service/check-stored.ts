import { requestJson } from './request-json.js';

/** What the store holds of a run's reports, read back through `GET /api/reports`. */
export interface StoredCheck {
  /** Distinct ids of the run in the store. */
  readonly stored: number;
  /** Acknowledged ids not in the store. */
  readonly missing: number;
  /** Rows beyond the first for an id. */
  readonly duplicates: number;
  /** Stored ids that were never acknowledged (in flight when the load stopped). */
  readonly unacknowledged: number;
  /** The answer holds: nothing missing, nothing twice, at most `inFlight` unacknowledged. */
  readonly ok: boolean;
}

function reportIds(body: unknown): string[] {
  const list: unknown = Array.isArray(body) ? body : ((body as { reports?: unknown }).reports ?? (body as { items?: unknown }).items);
  if (!Array.isArray(list)) throw new Error(`GET /api/reports answered ${JSON.stringify(body).slice(0, 200)}`);
  return list.map((r) => String((r as { reportId?: unknown }).reportId));
}

/**
 * Reads every report back and compares the run's ids (`${runId}-…`) with the acknowledged ones.
 * Requests in flight when the load stopped may have been stored without their answer being
 * counted: up to `inFlight` of those are allowed.
 */
export async function checkStored(url: string, token: string | undefined, runId: string, acknowledged: ReadonlySet<string>, inFlight: number): Promise<StoredCheck> {
  const res = await requestJson(url, '/api/reports', { token });
  if (res.status !== 200) throw new Error(`GET /api/reports: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  const prefix = `${runId}-`;
  const ids = reportIds(res.body).filter((id) => id.startsWith(prefix));
  const distinct = new Set(ids);
  let missing = 0;
  for (const id of acknowledged) if (!distinct.has(id)) missing++;
  let unacknowledged = 0;
  for (const id of distinct) if (!acknowledged.has(id)) unacknowledged++;
  const duplicates = ids.length - distinct.size;
  return { stored: distinct.size, missing, duplicates, unacknowledged, ok: missing === 0 && duplicates === 0 && unacknowledged <= inFlight };
}
