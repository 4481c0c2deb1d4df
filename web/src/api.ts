import type {
  Alert,
  AlertList,
  Fulfilment,
  FulfilmentRow,
  Id,
  Job,
  JobCancelled,
  JobStarted,
  Located,
  ModelDetail,
  ModelEntry,
  ModelList,
  ModelSaved,
  Override,
  PlanComparison,
  PlanRecord,
  PlanSummary,
  PlanWithResult,
  Publication,
  Published,
  Scenario,
  ScenarioDetail,
  SolveOptions,
  WirePublished,
} from './api-types.js';
import { decodePlanRecord, decodePublished } from './decode-plan.js';

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
    return this.request<ModelList>('GET', '/models').then((r) => [...r]);
  }

  /** A model: its latest version, or `version`. */
  model(id: string, version?: number): Promise<ModelDetail> {
    return this.request('GET', `/models/${encodeURIComponent(id)}${version === undefined ? '' : `?version=${version}`}`);
  }

  /** A scenario of a model (its latest version, or `modelVersion`). */
  createScenario(modelId: string, name: string, overrides: readonly Override[], modelVersion?: number): Promise<Scenario> {
    return this.request('POST', '/scenarios', { modelId, name, overrides, ...(modelVersion === undefined ? {} : { modelVersion }) });
  }

  solve(scenarioId: Id, options: SolveOptions = {}): Promise<JobStarted> {
    return this.request('POST', `/scenarios/${encodeURIComponent(scenarioId)}/solve`, options);
  }

  /** A model uploaded without a name takes the model's own `name`; its id is a slug of it. */
  uploadModelText(format: 'yaml' | 'json', text: string): Promise<ModelSaved> {
    return this.request('POST', '/models', { format, text });
  }

  /** A new version of a stored model. */
  updateModel(id: string, format: 'yaml' | 'json', text: string): Promise<ModelSaved> {
    return this.request('PUT', `/models/${encodeURIComponent(id)}`, { format, text });
  }

  scenarios(): Promise<readonly Scenario[]> {
    return this.request('GET', '/scenarios');
  }

  scenario(id: Id): Promise<ScenarioDetail> {
    return this.request('GET', `/scenarios/${encodeURIComponent(String(id))}`);
  }

  /** Stored plans without their results: every one, or a scenario's. */
  plans(scenarioId?: Id): Promise<readonly PlanSummary[]> {
    return this.request('GET', scenarioId === undefined ? '/plans' : `/plans?scenario=${encodeURIComponent(String(scenarioId))}`);
  }

  publish(planId: Id): Promise<Publication> {
    return this.request('POST', `/plans/${encodeURIComponent(String(planId))}/publish`);
  }

  /** The published plan, its numbers read back (404 before the first publication). */
  published(): Promise<Published> {
    return this.request<WirePublished>('GET', '/published').then(decodePublished);
  }

  comparePlans(a: Id, b: Id): Promise<PlanComparison> {
    return this.request('GET', `/plans/${encodeURIComponent(String(a))}/compare/${encodeURIComponent(String(b))}`);
  }

  job(id: Id): Promise<Job> {
    return this.request('GET', `/jobs/${encodeURIComponent(id)}`);
  }

  cancelJob(id: Id): Promise<JobCancelled> {
    return this.request('DELETE', `/jobs/${encodeURIComponent(id)}`);
  }

  /** A stored plan, its numbers read back as numbers (decodePlanRecord). */
  plan(id: Id): Promise<PlanRecord> {
    return this.request<PlanWithResult>('GET', `/plans/${encodeURIComponent(id)}`).then(decodePlanRecord);
  }

  compare(a: Id, b: Id): Promise<PlanComparison> {
    return this.request('GET', `/plans/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`);
  }

  /** The rows of `GET /fulfilment`'s `enterprises` (planned against reported per enterprise, item and period). */
  fulfilment(): Promise<FulfilmentRow[]> {
    return this.request<Fulfilment>('GET', '/fulfilment').then((r) => [...r.enterprises]);
  }

  alerts(): Promise<Alert[]> {
    return this.request<AlertList>('GET', '/alerts').then((r) => [...r]);
  }
}
