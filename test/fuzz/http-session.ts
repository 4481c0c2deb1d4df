import type { FastifyInstance } from 'fastify';
import { buildServer, routesOf } from '../../src/server/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/index.js';
import { SETUP } from './http-setup.js';
import type { HttpStep, Route } from './http-case.js';
import { alertFindings, enterprisePlanFindings, idFindings, reportItemFindings } from './execution-oracle.js';
import { httpFindings, invalidUtf8Offset, jobFindings, loneSurrogatePlace, type Finding, type HttpAnswer } from './oracle.js';

const PLANNER = 'fuzz-planner-token';

/** Longest wait for a job (solve or re-plan) of a fuzzed request, in milliseconds; then it is cancelled. */
const JOB_WAIT_MS = 15_000;

/** The routes of a service, from fastify's own list (a new route is fuzzed without being named here). */
export async function serviceRoutes(): Promise<Route[]> {
  const store = openSqliteStore({ dir: ':memory:' });
  const app = await buildServer({ store });
  await app.ready();
  const routes = routesOf(app).filter((r) => r.url.startsWith('/api/'));
  await app.close();
  await store.close();
  return [...routes].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
}

interface Answer extends HttpAnswer {
  readonly json: unknown;
}

/**
 * A service built in-process over an in-memory store, set up as SETUP says; requests go through
 * app.inject. Each step's answer is checked by the oracle, and so is the job it starts (waited
 * for) and the plan that job makes.
 */
export class HttpSession {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly store: SqliteStore,
    private readonly enterpriseTokens: readonly string[],
  ) {}

  static async open(): Promise<HttpSession> {
    const store = openSqliteStore({ dir: ':memory:' });
    await store.tokens.add(PLANNER, 'planner', null);
    const app = await buildServer({ store });
    const tokens: string[] = [];
    const session = new HttpSession(app, store, tokens);
    for (const id of SETUP.models) {
      const a = await session.call('POST', '/api/models', { id, format: 'yaml', text: SETUP.texts[id] });
      if (a.statusCode !== 201) throw new Error(`fuzz setup: upload of ${id}: ${a.statusCode} ${a.body}`);
    }
    const s = await session.call('POST', '/api/scenarios', { modelId: SETUP.models[0], name: 'base' });
    const solve = await session.call('POST', `/api/scenarios/${(s.json as { id: number }).id}/solve`, {});
    const job = await session.waitForJob((solve.json as { jobId: number }).jobId);
    const planId = (job as { result?: { planId?: number } }).result?.planId;
    if (planId === undefined) throw new Error(`fuzz setup: the base solve did not make a plan: ${JSON.stringify(job)}`);
    const pub = await session.call('POST', `/api/plans/${planId}/publish`);
    if (pub.statusCode !== 200) throw new Error(`fuzz setup: publish: ${pub.statusCode} ${pub.body}; the plan: ${(await session.call('GET', `/api/plans/${planId}`)).body.slice(0, 1000)}`);
    for (const e of SETUP.enterprises) {
      const a = await session.call('POST', '/api/enterprises', { id: e });
      if (a.statusCode !== 201) throw new Error(`fuzz setup: enterprise ${e}: ${a.statusCode} ${a.body}`);
      tokens.push((a.json as { token: string }).token);
    }
    return session;
  }

  private async call(method: string, url: string, body?: unknown, auth = `Bearer ${PLANNER}`): Promise<Answer> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    let json: unknown;
    try {
      json = JSON.parse(res.body) as unknown;
    } catch {
      json = undefined;
    }
    return { statusCode: res.statusCode, headers: res.headers, body: res.body, json };
  }

  /** Polls a job until it ends; cancels it after JOB_WAIT_MS. */
  private async waitForJob(id: number): Promise<unknown> {
    const until = Date.now() + JOB_WAIT_MS;
    for (;;) {
      const a = await this.call('GET', `/api/jobs/${id}`);
      const status = (a.json as { status?: string } | undefined)?.status;
      if (a.statusCode !== 200 || (status !== 'queued' && status !== 'running')) return a.json;
      if (Date.now() > until) {
        await this.call('DELETE', `/api/jobs/${id}`);
        return a.json;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** The published plan's activity (period → technique → level). */
  async publishedActivity(): Promise<Record<string, Record<string, number>>> {
    const a = await this.call('GET', '/api/published');
    return ((a.json as { plan?: { result?: { activity?: Record<string, Record<string, number>> } } } | undefined)?.plan?.result?.activity ?? {}) as Record<string, Record<string, number>>;
  }

  /** Sends one fuzzed request and checks the answer, the job it started and the plan that job made. */
  async run(step: HttpStep): Promise<Finding[]> {
    const auth = step.auth === 'planner' ? `Bearer ${PLANNER}` : step.auth === 'enterprise' ? `Bearer ${this.enterpriseTokens[0]}` : step.auth === 'none' ? undefined : step.auth.header;
    const res = await this.app.inject({
      method: step.method as 'GET',
      url: step.url,
      headers: { ...step.headers, ...(auth === undefined ? {} : { authorization: auth }) },
      ...(step.payload === undefined ? {} : { payload: step.payload }),
    });
    const findings = httpFindings(res, step.route);
    if (res.statusCode >= 200 && res.statusCode < 300 && step.payload !== undefined && step.method !== 'GET') findings.push(...this.unicodeFindings(step));
    const json = ((): unknown => {
      try {
        return JSON.parse(res.body) as unknown;
      } catch {
        return undefined;
      }
    })();
    if (res.statusCode < 300) findings.push(...(await this.executionFindings(step, json)));
    const jobId = res.statusCode === 202 ? (json as { jobId?: unknown } | undefined)?.jobId : undefined;
    if (typeof jobId === 'number') {
      const job = (await this.waitForJob(jobId)) as { status?: unknown; error?: unknown; kind?: unknown; result?: { planId?: unknown } } | undefined;
      if (job !== undefined) findings.push(...jobFindings(job, step.route));
      const planId = job?.result?.planId;
      if (typeof planId === 'number') {
        const plan = await this.call('GET', `/api/plans/${planId}`);
        findings.push(...httpFindings(plan, `GET /api/plans/:id (made by ${step.route})`));
      }
    }
    return findings;
  }

  /** Whether the published plan is of the setup's model as uploaded (the execution rules are checked against it). */
  private async setupPublished(): Promise<boolean> {
    const a = await this.call('GET', '/api/published');
    const plan = (a.json as { plan?: { modelId?: unknown; modelVersion?: unknown } } | undefined)?.plan;
    return plan?.modelId === SETUP.models[0] && plan.modelVersion === 1;
  }

  /** The rules of plan execution on a successful answer (see execution-oracle.ts). */
  private async executionFindings(step: HttpStep, json: unknown): Promise<Finding[]> {
    const findings: Finding[] = [];
    let sent: unknown;
    if (step.method === 'POST' || step.method === 'PUT') {
      try {
        sent = JSON.parse((step.payload ?? Buffer.alloc(0)).toString('utf8')) as unknown;
      } catch {
        sent = undefined;
      }
      findings.push(...idFindings(json, step.route));
    }
    if (step.route === 'POST /api/reports' && (await this.setupPublished())) findings.push(...reportItemFindings(sent, step.route));
    if (step.route === 'GET /api/enterprises/:id/plan' && (await this.setupPublished())) findings.push(...enterprisePlanFindings(json, step.route));
    if (step.route === 'GET /api/alerts') findings.push(...alertFindings(json, step.route));
    return findings;
  }

  /** A write that took text which is not UTF-8, or strings that UTF-8 cannot hold (they read back changed). */
  private unicodeFindings(step: HttpStep): Finding[] {
    const body = step.payload as Buffer;
    const bad = invalidUtf8Offset(body);
    if (bad >= 0) return [{ kind: 'accepted-invalid-utf8', message: `${step.route}: a body that is not UTF-8 (byte ${bad}) was accepted`, signature: `${step.route}: accepted invalid UTF-8` }];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      return [];
    }
    const place = loneSurrogatePlace(parsed);
    return place === undefined ? [] : [{ kind: 'accepted-ill-formed-unicode', message: `${step.route}: a lone surrogate at ${place} was accepted`, signature: `${step.route}: accepted a lone surrogate` }];
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.store.close();
  }
}
