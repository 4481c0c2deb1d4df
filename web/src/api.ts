import type { Alert, BalanceSummary, FulfilmentRow, Job, Located, ModelDetail, ModelEntry, Override, PlanRecord } from './api-types.js';

/** A refused request: the HTTP status, the service's message and its located issues (400, 422). */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: readonly Located[];
  constructor(status: number, message: string, issues: readonly Located[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

const TOKEN_KEY = 'plenty.token';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Issues in either of the service's shapes: flat `{ line, column, ... }` or `{ location: { ... } }`. */
function readIssues(body: unknown): Located[] {
  const err = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  const list = isRecord(err) && Array.isArray(err['issues']) ? err['issues'] : [];
  return list.filter(isRecord).map((i) => {
    const loc = isRecord(i['location']) ? i['location'] : i;
    const out: Record<string, unknown> = { message: typeof i['message'] === 'string' ? i['message'] : 'invalid' };
    for (const k of ['file', 'line', 'column', 'path']) if (loc[k] !== undefined) out[k] = loc[k];
    if ('value' in i) out['value'] = i['value'];
    if (typeof i['code'] === 'string') out['code'] = i['code'];
    return out as unknown as Located;
  });
}

function readMessage(body: unknown, status: number): string {
  const err = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  if (isRecord(err) && typeof err['message'] === 'string') return err['message'];
  if (isRecord(body) && typeof body['error'] === 'string') return body['error'];
  return `the service answered ${status}`;
}

/** The planning service's HTTP API, with the planner's token. */
export class Api {
  private token: string | null;

  /** `token`: use this token (an enterprise's) instead of the planner's kept for the tab; it is not stored. */
  constructor(
    private readonly base = '/api',
    token?: string,
  ) {
    this.token = token ?? sessionStorage.getItem(TOKEN_KEY);
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  setToken(token: string): void {
    this.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
  }

  /** A planner token from the service itself, offered only to a loopback client of `serve --open`. */
  async openSession(): Promise<boolean> {
    try {
      const res = await fetch(`${this.base}/session`, { headers: { accept: 'application/json' } });
      if (!res.ok) return false;
      const body: unknown = await res.json();
      if (isRecord(body) && typeof body['token'] === 'string') {
        this.setToken(body['token']);
        return true;
      }
    } catch {
      // No session route: the planner types a token.
    }
    return false;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.requestWithStatus<T>(method, path, body)).body;
  }

  /** A request whose success status matters (201 created, 200 a repeat): the status with the body. */
  async requestWithStatus<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, init);
    const text = await res.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) throw new ApiError(res.status, readMessage(parsed, res.status), readIssues(parsed));
    return { status: res.status, body: parsed as T };
  }

  models(): Promise<ModelEntry[]> {
    return this.request<ModelEntry[] | { models: ModelEntry[] }>('GET', '/models').then((r) => (Array.isArray(r) ? r : r.models));
  }

  model(id: string): Promise<ModelDetail> {
    return this.request('GET', `/models/${encodeURIComponent(id)}`);
  }

  uploadModel(name: string, format: 'yaml' | 'json', text: string): Promise<{ id: string; version: number }> {
    return this.request('POST', '/models', { name, format, text });
  }

  balance(modelId: string): Promise<BalanceSummary> {
    return this.request('POST', `/models/${encodeURIComponent(modelId)}/balance`, {});
  }

  createScenario(modelId: string, name: string, overrides: readonly Override[]): Promise<{ id: string }> {
    return this.request('POST', '/scenarios', { modelId, name, overrides });
  }

  solve(scenarioId: string): Promise<{ jobId: string }> {
    return this.request('POST', `/scenarios/${encodeURIComponent(scenarioId)}/solve`, {});
  }

  job(id: string): Promise<Job> {
    return this.request('GET', `/jobs/${encodeURIComponent(id)}`);
  }

  cancelJob(id: string): Promise<unknown> {
    return this.request('DELETE', `/jobs/${encodeURIComponent(id)}`);
  }

  plan(id: string): Promise<PlanRecord> {
    return this.request('GET', `/plans/${encodeURIComponent(id)}`);
  }

  compare(a: string, b: string): Promise<unknown> {
    return this.request('GET', `/plans/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`);
  }

  fulfilment(): Promise<FulfilmentRow[]> {
    return this.request<FulfilmentRow[] | { enterprises?: FulfilmentRow[]; rows?: FulfilmentRow[] }>('GET', '/fulfilment').then((r) => (Array.isArray(r) ? r : (r.enterprises ?? r.rows ?? [])));
  }

  alerts(): Promise<Alert[]> {
    return this.request<Alert[] | { alerts: Alert[] }>('GET', '/alerts').then((r) => (Array.isArray(r) ? r : r.alerts));
  }
}
