import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { PlentyStore, StoreDamagedError } from '../store/index.js';
import { ApiError, type ApiErrorBody } from './api-error.js';
import type { ServerContext } from './context.js';
import { ServiceError } from '../service/service-error.js';
import { apiErrorOf } from './api-error-of.js';
import { strictJsonBodies } from './json-body.js';
import { OPERATIONS, openApiDocument } from './openapi.js';
import { analysisRoutes } from './routes/analysis-routes.js';
import { extractionRoutes } from './routes/extraction-routes.js';
import { decompositionRoutes } from './routes/decomposition-routes.js';
import { regionalRoutes } from './routes/regional-routes.js';
import { seriesRoutes } from './routes/series-routes.js';
import { structuralPathsRoutes } from './routes/structural-paths-routes.js';
import { uncertaintyRoutes } from './routes/uncertainty-routes.js';
import { enterpriseRoutes } from './routes/enterprise-routes.js';
import { executionRoutes } from './routes/execution-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { jobRoutes } from './routes/job-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { scenarioRoutes } from './routes/scenario-routes.js';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
import { startJobs } from './start-jobs.js';

/** Largest request body, in bytes (10 MB): beyond it, 413. */
export const BODY_LIMIT = 10 * 1024 * 1024;

/** Methods that write nothing: the ones a damaged (read-only) store still serves. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ServerOptions {
  readonly store: PlentyStore;
  /** The dashboard's built files, served at `/` when the folder exists. */
  readonly webRoot?: string;
  /** The planner token handed to loopback requests at /api/session; absent: /api/session is 404. */
  readonly sessionToken?: string;
  /** How many solve jobs run at once (default 1). */
  readonly concurrency?: number;
  /** PostgreSQL store: solve jobs this process runs as a worker of its own (default 1; 0: only `plenty worker` processes run them). */
  readonly workers?: number;
  /** Milliseconds a request may take, from its first byte to the answer (default 60 000). */
  readonly requestTimeout?: number;
  /**
   * Least level logged by fastify's logger (JSON lines with the request id): `error` (default)
   * logs every 5xx with its method, URL and stack and nothing else; `info` also every request.
   */
  readonly logLevel?: LogLevel;
  /** Where log lines go (default: stderr). */
  readonly logStream?: { write(line: string): unknown };
}

/** The levels of fastify's logger (pino), most severe first; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Logs a 5xx answer: the error (with its stack), the request's method and URL, under its request id. */
function logServerError(req: FastifyRequest, status: number, err: Error): void {
  req.log.error({ err, method: req.method, url: req.url, status }, `${status} for ${req.method} ${req.url.split('?')[0]}: ${err.message}`);
}

/** Errors fastify meets before routing (a malformed URL): answered in the service's error shape, with the request id. */
function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode ?? 400;
  if (status >= 500) logServerError(req, status, err);
  const body: ApiErrorBody = { error: { code: 'bad-request', message: err.message, issues: [], ...(status >= 500 ? { requestId: req.id } : {}) } };
  void reply.code(status).header(REQUEST_ID_HEADER, req.id).send(body);
}

/** The 503 answer while the store is damaged (the file's path stays in the log, not in the answer). */
function damagedBody(damage: StoreDamagedError, requestId: string): ApiErrorBody {
  return {
    error: {
      code: 'store-damaged',
      message:
        `the store is damaged (SQLite: ${damage.sqliteMessage}): the service is read-only until it is restored from a backup ` +
        '(plenty store restore); writes are refused, reads that can be served still are',
      issues: [],
      requestId,
    },
  };
}

/** Fastify's own client errors, by its code, as the service's codes. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

const registered = new WeakMap<FastifyInstance, readonly { method: string; url: string }[]>();

/** The routes a service built by buildServer registered (method and fastify path), HEAD left out. */
export function routesOf(app: FastifyInstance): readonly { method: string; url: string }[] {
  return registered.get(app) ?? [];
}

/**
 * The planning service: an HTTP API under /api (docs/api.md, /api/openapi.json) over a store,
 * plus the dashboard at `/` when it is built. Listen with `app.listen({ port, host })`; closing
 * the app cancels running jobs (the store stays open: its owner closes it).
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'error', stream: options.logStream ?? process.stderr },
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    frameworkErrors: frameworkError,
    bodyLimit: BODY_LIMIT,
    requestTimeout: options.requestTimeout ?? 60_000,
    connectionTimeout: options.requestTimeout ?? 60_000,
    trustProxy: false,
  });
  const ctx: ServerContext = {
    store: options.store,
    jobs: await startJobs(options.store, { ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }), ...(options.workers === undefined ? {} : { workers: options.workers }) }),
    sessionToken: options.sessionToken,
  };
  const routes: { method: string; url: string }[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.addHook('onClose', async () => {
    await ctx.jobs.close();
  });
  app.addHook('onRequest', async (req, reply) => {
    void reply.header(REQUEST_ID_HEADER, req.id);
    // A store found damaged is read-only: every write is refused before its route reads anything.
    const damage = ctx.store.damaged;
    if (damage !== undefined && !READS.has(req.method)) {
      logServerError(req, 503, damage);
      return reply.code(503).send(damagedBody(damage, req.id));
    }
    return undefined;
  });
  const withBody = new Set(OPERATIONS.filter((op) => op.body !== undefined).map((op) => `${op.method.toUpperCase()} ${op.path}`));
  strictJsonBodies(app, BODY_LIMIT, (req) => withBody.has(`${req.method} ${req.routeOptions.url ?? ''}`));

  app.setErrorHandler((err: FastifyError | ApiError | Error, req, reply) => {
    // A use case's refusal (service/service-error.ts) is answered like the route's own.
    if (err instanceof ServiceError) err = apiErrorOf(err, req.method);
    if (err instanceof ApiError) return reply.code(err.status).send({ error: { code: err.code, message: err.message, issues: err.issues } });
    // A store found damaged (now or earlier) is read-only: 503, whatever the route.
    const damage = ctx.store.damageOf(err);
    if (damage !== undefined) {
      logServerError(req, 503, damage);
      return reply.code(503).send(damagedBody(damage, req.id));
    }
    // Disk full, I/O errors, a lock held elsewhere: the write was rolled back; 503, retry later.
    const unavailable = ctx.store.unavailable(err);
    if (unavailable !== undefined) {
      logServerError(req, 503, err);
      const body: ApiErrorBody = { error: { code: 'store-unavailable', message: unavailable, issues: [], requestId: req.id } };
      return reply.code(503).send(body);
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) return reply.code(413).send({ error: { code: 'too-large', message: `the body is larger than ${BODY_LIMIT / 1024 / 1024} MB`, issues: [] } });
    if (status >= 400 && status < 500) {
      const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
      return reply.code(status).send({ error: { code: FASTIFY_CODES[code] ?? 'bad-request', message: err.message, issues: [] } });
    }
    logServerError(req, 500, err);
    const body: ApiErrorBody = { error: { code: 'internal', message: `internal error (a bug in Plenty): please report it with the request id ${req.id}`, issues: [], requestId: req.id } };
    return reply.code(500).send(body);
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}`, issues: [] } }));

  app.get('/api/openapi.json', async () => openApiDocument());
  healthRoutes(app, ctx);
  modelRoutes(app, ctx);
  analysisRoutes(app, ctx);
  extractionRoutes(app, ctx);
  decompositionRoutes(app, ctx);
  regionalRoutes(app, ctx);
  seriesRoutes(app, ctx);
  structuralPathsRoutes(app, ctx);
  uncertaintyRoutes(app, ctx);
  scenarioRoutes(app, ctx);
  jobRoutes(app, ctx);
  planRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  reportRoutes(app, ctx);
  executionRoutes(app, ctx);

  if (options.webRoot !== undefined && existsSync(resolve(options.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: resolve(options.webRoot), prefix: '/', index: 'index.html' });
  }
  return app;
}
