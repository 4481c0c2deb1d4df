import { z } from 'zod';
import { analysisDocument } from './analysis-document.js';
import { balanceDocument } from './balance-document.js';
import { extractionDocument } from './extraction-document.js';
import { planComparison } from './compare.js';
import {
  alertSchema,
  distributionSchema,
  enterpriseAssignments,
  enterpriseCreated,
  enterpriseNames,
  enterprisePlanSchema,
  enterpriseSchema,
  fulfilmentSchema,
  publication,
  publishedSchema,
  reportSchema,
  supplyNetworkSchema,
} from './execution.js';
import { decompositionDocument, regionalDocument, seriesDocument } from './io-change.js';
import { jobCancelled, jobSchema, jobStarted } from './jobs.js';
import { modelDetail, modelEntry, modelSaved, scenarioDetail, scenarioSchema } from './models.js';
import { planRecord, planWithResult } from './plan-document.js';
import { health, openApi, session } from './service.js';
import { structuralPathsDocument } from './structural-paths-document.js';
import { uncertaintyDocument } from './uncertainty-document.js';

/**
 * The schemas of the service's answers (docs/api.md), one per route's success answer. Each has an
 * id (zod's `.meta({ id })`): the OpenAPI document lists them under components.schemas, and the
 * dashboard's types (web/src/api-types.generated.ts) are generated from that document.
 */
export const RESPONSES = {
  health,
  session,
  openApi,
  modelList: z.array(modelEntry).meta({ id: 'ModelList' }),
  modelSaved,
  modelDetail,
  balanceDocument,
  analysisDocument,
  scenario: scenarioSchema,
  scenarioList: z.array(scenarioSchema).meta({ id: 'ScenarioList' }),
  scenarioDetail,
  jobStarted,
  job: jobSchema,
  jobCancelled,
  planList: z.array(planRecord).meta({ id: 'PlanList' }),
  plan: planWithResult,
  planComparison,
  publication,
  published: publishedSchema,
  enterpriseCreated,
  enterpriseList: z.array(enterpriseSchema).meta({ id: 'EnterpriseList' }),
  enterpriseNames,
  enterprisePlan: enterprisePlanSchema,
  enterpriseAssignments,
  report: reportSchema,
  reportList: z.array(reportSchema).meta({ id: 'ReportList' }),
  fulfilment: fulfilmentSchema,
  alertList: z.array(alertSchema).meta({ id: 'AlertList' }),
  distribution: distributionSchema,
  supplyNetwork: supplyNetworkSchema,
  extractionDocument,
  decompositionDocument,
  regionalDocument,
  seriesDocument,
  structuralPathsDocument,
  uncertaintyDocument,
} as const;

/** The JSON Schema (2020-12, as OpenAPI 3.1 takes it) of every named schema as on the wire (a codec's input side, e.g. wireNumber's strings), by id; references are `#/components/schemas/<id>`. */
export function responseJsonSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of Object.keys(schemas).sort()) {
    const schema: Record<string, unknown> = { ...schemas[id] };
    delete schema['$schema'];
    delete schema['$id'];
    out[id] = schema;
  }
  return out;
}

/** The id of a response schema (its `.meta({ id })`). */
export function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined) throw new Error('a response schema without an id');
  return id;
}
