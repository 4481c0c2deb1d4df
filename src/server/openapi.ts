import { z } from 'zod';
import { analyzeBody } from '../service/analysis-body.js';
import { extractionBody } from './extraction-body.js';
import { pathsBody } from './routes/structural-paths-routes.js';
import { uncertaintyBody } from './routes/uncertainty-routes.js';
import { enterpriseBody } from './routes/enterprise-routes.js';
import { balanceBody, modelBody } from './routes/model-routes.js';
import { decompositionBody } from './routes/decomposition-routes.js';
import { regionaliseBody } from './routes/regional-routes.js';
import { seriesBody } from './routes/series-routes.js';
import { reportBody } from './routes/report-routes.js';
import { scenarioBody } from './routes/scenario-routes.js';
import { SERVICE_VERSION } from './routes/health-routes.js';
import { replanBodySchema } from '../service/replan-body.js';
import { RESPONSES, responseJsonSchemas, schemaId } from './responses/index.js';
import { solveOptionsSchema } from '../service/solve-options.js';

type Role = 'none' | 'planner' | 'planner, that enterprise' | 'planner, enterprise (own)' | 'loopback';

interface Operation {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** Fastify's path (`:id`); written `{id}` in the document. */
  readonly path: string;
  readonly summary: string;
  readonly role: Role;
  readonly body?: z.ZodType;
  /** The success status (default 200). */
  readonly status?: number;
  /** The schema of the success answer (responses/index.ts). */
  readonly response: z.ZodType;
}

/**
 * Every route of the service, one line each: the OpenAPI document is built from this list, with
 * the routes' own body schemas (so the document cannot drift from what the routes accept) and the
 * schemas of their answers (checked against real answers by test/server/response-schemas.test.ts).
 */
export const OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and version', role: 'none', response: RESPONSES.health },
  { method: 'get', path: '/api/session', summary: 'The planner token, to requests from this machine only, when the service was started with --open', role: 'loopback', response: RESPONSES.session },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', role: 'none', response: RESPONSES.openApi },
  { method: 'get', path: '/api/models', summary: 'Latest version of every model', role: 'planner', response: RESPONSES.modelList },
  { method: 'post', path: '/api/models', summary: 'Upload a model (422 with located issues when invalid)', role: 'planner', body: modelBody, status: 201, response: RESPONSES.modelSaved },
  { method: 'get', path: '/api/models/:id', summary: 'A model version (latest, or ?version=N) with its text and parsed economy', role: 'planner', response: RESPONSES.modelDetail },
  { method: 'put', path: '/api/models/:id', summary: 'A new version of a model', role: 'planner', body: modelBody, response: RESPONSES.modelSaved },
  { method: 'post', path: '/api/models/:id/balance', summary: 'Balance check of a plan (as plenty balance --json)', role: 'planner', body: balanceBody, response: RESPONSES.balanceDocument },
  { method: 'post', path: '/api/models/:id/analyze', summary: 'Input–output analysis: gross output for a demand, multipliers, linkages, labour values, footprints (as plenty analyze --json)', role: 'planner', body: analyzeBody, response: RESPONSES.analysisDocument },
  { method: 'post', path: '/api/models/:id/extraction', summary: 'Hypothetical extraction of sectors or regions, and key sectors ranked (as plenty extract --json)', role: 'planner', body: extractionBody, response: RESPONSES.extractionDocument },
  { method: 'post', path: '/api/decomposition', summary: 'Structural decomposition of the change from one stored model or scenario to another of the same classification (as plenty decompose --json)', role: 'planner', body: decompositionBody, response: RESPONSES.decompositionDocument },
  { method: 'post', path: '/api/models/:id/regionalise', summary: 'A regional table from a national model by location quotients (SLQ, CILQ, FLQ), optionally stored as a new model (as plenty regionalise --json)', role: 'planner', body: regionaliseBody, response: RESPONSES.regionalDocument },
  { method: 'post', path: '/api/series', summary: 'A series of stored models as years: measures over the years, each year’s analysis, decompositions between consecutive years (as plenty series --json)', role: 'planner', body: seriesBody, response: RESPONSES.seriesDocument },
  { method: 'post', path: '/api/models/:id/paths', summary: 'Structural path analysis: the largest supply chains behind a footprint or a multiplier (as plenty paths --json)', role: 'planner', body: pathsBody, response: RESPONSES.structuralPathsDocument },
  { method: 'post', path: '/api/models/:id/uncertainty', summary: 'Monte Carlo over the coefficients: every footprint and multiplier with mean, median and 95% interval (as plenty uncertainty --json; at most 2,000 draws)', role: 'planner', body: uncertaintyBody, response: RESPONSES.uncertaintyDocument },
  { method: 'post', path: '/api/scenarios', summary: 'A scenario: a model version with overrides', role: 'planner', body: scenarioBody, status: 201, response: RESPONSES.scenario },
  { method: 'get', path: '/api/scenarios', summary: 'Every scenario', role: 'planner', response: RESPONSES.scenarioList },
  { method: 'get', path: '/api/scenarios/:id', summary: 'A scenario and its plans', role: 'planner', response: RESPONSES.scenarioDetail },
  { method: 'post', path: '/api/scenarios/:id/solve', summary: 'Start a solve job', role: 'planner', body: solveOptionsSchema, status: 202, response: RESPONSES.jobStarted },
  { method: 'get', path: '/api/jobs/:id', summary: 'A job’s status, progress and result', role: 'planner', response: RESPONSES.job },
  { method: 'delete', path: '/api/jobs/:id', summary: 'Cancel a job', role: 'planner', response: RESPONSES.jobCancelled },
  { method: 'get', path: '/api/plans', summary: 'Computed plans (?scenario=ID)', role: 'planner', response: RESPONSES.planList },
  { method: 'get', path: '/api/plans/:id', summary: 'A computed plan with its result (as plenty plan --json)', role: 'planner', response: RESPONSES.plan },
  { method: 'get', path: '/api/plans/:a/compare/:b', summary: 'Differences between two plans', role: 'planner', response: RESPONSES.planComparison },
  { method: 'post', path: '/api/plans/:id/publish', summary: 'Make an optimal plan the published plan', role: 'planner', response: RESPONSES.publication },
  { method: 'get', path: '/api/published', summary: 'The published plan', role: 'planner', response: RESPONSES.published },
  { method: 'post', path: '/api/enterprises', summary: 'Register an enterprise that the published plan or a stored model names; its token is in the answer, once', role: 'planner', body: enterpriseBody, status: 201, response: RESPONSES.enterpriseCreated },
  { method: 'get', path: '/api/enterprises', summary: 'Every enterprise', role: 'planner', response: RESPONSES.enterpriseList },
  { method: 'get', path: '/api/enterprises/names', summary: 'The enterprise ids that can be registered: those the stored models name (?model=ID: that model’s), each with whether it is registered', role: 'planner', response: RESPONSES.enterpriseNames },
  { method: 'get', path: '/api/enterprises/:id/plan', summary: 'The enterprise’s part of the published plan', role: 'planner, that enterprise', response: RESPONSES.enterprisePlan },
  { method: 'get', path: '/api/enterprises/:id/suppliers', summary: 'Who supplies the enterprise under the published plan (?period=)', role: 'planner, that enterprise', response: RESPONSES.enterpriseAssignments },
  { method: 'get', path: '/api/enterprises/:id/customers', summary: 'Whom the enterprise supplies under the published plan (?period=)', role: 'planner, that enterprise', response: RESPONSES.enterpriseAssignments },
  { method: 'post', path: '/api/reports', summary: 'Submit a report (idempotent by reportId, unique per enterprise)', role: 'planner, enterprise (own)', body: reportBody, status: 201, response: RESPONSES.report },
  { method: 'get', path: '/api/reports', summary: 'Reports (?enterprise=&period=)', role: 'planner, enterprise (own)', response: RESPONSES.reportList },
  { method: 'get', path: '/api/fulfilment', summary: 'Fulfilment of the published plan per enterprise, item and target (?period=&enterprise=)', role: 'planner', response: RESPONSES.fulfilment },
  { method: 'get', path: '/api/alerts', summary: 'Alerts, the current ones by default (?level=&kind=&enterprise=&period=&superseded=false|true|all)', role: 'planner, enterprise (own)', response: RESPONSES.alertList },
  { method: 'post', path: '/api/replan', summary: 'Re-plan from a period on (a job)', role: 'planner', body: replanBodySchema, status: 202, response: RESPONSES.jobStarted },
  { method: 'get', path: '/api/supply', summary: 'The published plan’s supply assignments as a network: flows between regions and the load of each transport capacity (?period=)', role: 'planner', response: RESPONSES.supplyNetwork },
  { method: 'get', path: '/api/distribution', summary: 'A consumer good divided among regions by norms and priority tiers (?product=&period=&category=&supply=)', role: 'planner', response: RESPONSES.distribution },
];

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'issues'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        requestId: { type: 'string', description: 'in 5xx answers: the request id (also the x-request-id header), to quote when reporting' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'array', items: { type: ['string', 'integer'] } }, message: { type: 'string' }, value: {}, file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } } } },
      },
    },
  },
};

const openApiPath = (p: string): string => p.replace(/:([A-Za-z]+)/g, '{$1}');

/**
 * The OpenAPI 3.1 description of the service, built from OPERATIONS, the request schemas and the
 * response schemas (components.schemas, from responses/index.ts).
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
    const responses: Record<string, unknown> = { [String(op.status ?? 200)]: { description: 'success', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaId(op.response)}` } } } } };
    if (op.body !== undefined) responses['400'] = error;
    if (op.role !== 'none' && op.role !== 'loopback') Object.assign(responses, { '401': error, '403': error });
    responses['404'] = error;
    if (op.body !== undefined) Object.assign(responses, { '413': error, '422': error });
    Object.assign(responses, { '500': { ...error, description: 'a bug in Plenty (logged with the request id)' }, '503': { ...error, description: 'store-damaged: the store was found damaged; the service is read-only' } });
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      summary: op.summary,
      'x-role': op.role,
      ...(op.role === 'none' || op.role === 'loopback' ? { security: [] } : {}),
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(op.body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } } }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Plenty planning service', version: SERVICE_VERSION, description: 'Models, scenarios, optimal plans, execution reports. See docs/api.md.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { ...responseJsonSchemas(), ErrorBody: errorSchema } },
    paths,
  };
}
