import { createRequire } from 'node:module';
import { sampleReport, type SampleEnterprise } from './sample-report.js';

/** The part of autocannon's request description used here. */
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface CannonHistogram {
  readonly average: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** The part of autocannon's result used here (latencies in ms, duration in s). */
interface CannonResult {
  readonly latency: CannonHistogram;
  readonly duration: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodeStats?: Readonly<Record<string, { readonly count: number }>>;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  timeout: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;

// autocannon ships no type declarations; this is the one function used, typed by what it is given.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Who submits: an enterprise of the example and the token it submits with (none for the reference server). */
export interface Submitter {
  readonly enterprise: SampleEnterprise;
  readonly token: string | undefined;
}

export interface LoadReportsOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly submitters: readonly Submitter[];
  /** Prefix of the report ids of this run (ids are `${runId}-${n}`, n counting from 0). */
  readonly runId: string;
  readonly period?: string;
}

export interface LoadReportsResult {
  /** The ids answered 201. */
  readonly acknowledged: Set<string>;
  /** Requests sent (each with a new id). */
  readonly sent: number;
  /** Answers by status code. */
  readonly statuses: ReadonlyMap<number, number>;
  /** Response latency over all answers (ms). */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly durationSeconds: number;
  readonly errors: number;
  readonly timeouts: number;
  /** One refused answer's body, to say why. */
  readonly sampleRefusal?: string;
}

/**
 * Submits reports as fast as `connections` keep-alive connections allow for a fixed time, each
 * with a new `reportId`, and records which ids were acknowledged (201).
 */
export async function loadReports(options: LoadReportsOptions): Promise<LoadReportsResult> {
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let next = 0;
  let sampleRefusal: string | undefined;
  const period = options.period ?? '1930';
  const request: CannonRequest = {
    method: 'POST',
    path: '/api/reports',
    setupRequest: (req, context) => {
      const n = next++;
      const who = options.submitters[n % options.submitters.length];
      const id = `${options.runId}-${n}`;
      context.id = id;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who.token !== undefined) headers.authorization = `Bearer ${who.token}`;
      return { ...req, headers, body: JSON.stringify(sampleReport(id, who.enterprise, period, 1 + (n % 997))) };
    },
    onResponse: (status, body, context) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201 && typeof context.id === 'string') acknowledged.add(context.id);
      else if (status !== 201 && sampleRefusal === undefined) sampleRefusal = `${status} ${body.slice(0, 300)}`;
    },
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 10,
    requests: [request],
  });
  return {
    acknowledged,
    sent: next,
    statuses,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    durationSeconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(sampleRefusal === undefined ? {} : { sampleRefusal }),
  };
}
