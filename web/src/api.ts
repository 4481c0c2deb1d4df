import type { Alert, BalanceSummary, FulfilmentRow, Job, Located, ModelDetail, ModelEntry, Override, PlanComparison, PlanRecord, PlanSummary, Published, ScenarioDetail, ScenarioEntry, SolveOptions } from './api-types.js';

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

  constructor(private readonly base = '/api') {
    this.token = sessionStorage.getItem(TOKEN_KEY);
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
    return parsed as T;
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

  solve(scenarioId: string, options: SolveOptions = {}): Promise<{ jobId: string }> {
    return this.request('POST', `/scenarios/${encodeURIComponent(scenarioId)}/solve`, options);
  }

  /** A model uploaded without a name takes the model's own `name`; its id is a slug of it. */
  uploadModelText(format: 'yaml' | 'json', text: string): Promise<{ id: string; version: number; name: string }> {
    return this.request('POST', '/models', { format, text });
  }

  /** A new version of a stored model. */
  updateModel(id: string, format: 'yaml' | 'json', text: string): Promise<{ id: string; version: number; name: string }> {
    return this.request('PUT', `/models/${encodeURIComponent(id)}`, { format, text });
  }

  scenarios(): Promise<ScenarioEntry[]> {
    return this.request('GET', '/scenarios');
  }

  scenario(id: string | number): Promise<ScenarioDetail> {
    return this.request('GET', `/scenarios/${encodeURIComponent(String(id))}`);
  }

  plans(scenarioId: string | number): Promise<PlanSummary[]> {
    return this.request('GET', `/plans?scenario=${encodeURIComponent(String(scenarioId))}`);
  }

  publish(planId: string | number): Promise<{ planId: string | number; publishedAt: string }> {
    return this.request('POST', `/plans/${encodeURIComponent(String(planId))}/publish`, {});
  }

  published(): Promise<Published> {
    return this.request('GET', '/published');
  }

  comparePlans(a: string | number, b: string | number): Promise<PlanComparison> {
    return this.request('GET', `/plans/${encodeURIComponent(String(a))}/compare/${encodeURIComponent(String(b))}`);
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
