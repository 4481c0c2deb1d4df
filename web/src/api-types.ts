/**
 * The shapes the dashboard reads from the planning service (docs/api.md). The types themselves
 * are generated from the service's response schemas (api-types.generated.ts, `npm run
 * gen:api-types`); this file gives them the dashboard's names and adds a few helpers.
 */
import type {
  Alert,
  BalanceDocument,
  Economy,
  EnterpriseFulfilment,
  FailedPlan,
  Job,
  ModelEntry,
  OptimalPlan,
  PlanList,
  PlanObjective,
  PlanWithResult,
  Published as WirePublished,
  ReplanSection as WireReplanSection,
  Scenario,
  TargetResult as WireTargetResult,
  Technique,
} from './api-types.generated.js';
import type { Decoded } from './decode-plan.js';

export type * from './api-types.generated.js';
export { decodePlanDocument, decodePlanRecord, decodePublished, wireNumber, type Decoded } from './decode-plan.js';

/** A located issue of a refused request (400, 422): the CLI's location and the value refused. */
export interface Located {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: readonly (string | number)[];
  readonly value?: unknown;
  readonly message: string;
  readonly code?: string;
}

/** The model as the service returns it: its text, summary and the validated economy. */
export type { ModelDetail } from './api-types.generated.js';
export type EconomyView = Economy;
export type TechniqueView = Technique;
export type BalanceSummary = BalanceDocument;
/** A deficit or a surplus row of the balance: the fields they share. */
export type BalanceRow = Pick<BalanceDocument['deficits'][number], 'id' | 'unit' | 'supply' | 'use' | 'share'>;
/**
 * An optimal plan, as `plenty plan --json` writes it, plus resource use and availability per
 * period; its numbers read back as numbers (api.ts decodes them: Infinity, NaN).
 */
export type PlanResultView = Decoded<OptimalPlan>;
/** A plan that did not solve to optimality: its status and diagnosis, no numbers of the failed solve. */
export type FailedPlanView = Decoded<FailedPlan>;
/** A stored plan with its result (numbers decoded). */
export type PlanRecord = Decoded<PlanWithResult>;
/** A target's delivery in a plan (numbers decoded). */
export type TargetResult = Decoded<WireTargetResult>;
/** A re-plan's account of the past and the future (numbers decoded). */
export type ReplanSection = Decoded<WireReplanSection>;
/** The published plan (numbers decoded). */
export type Published = Decoded<WirePublished>;
/** `GET /api/published` as it comes over the wire (decodePublished reads its numbers back). */
export type { WirePublished };
/** A stored plan without its result (a row of `GET /api/plans`). */
export type PlanSummary = PlanList[number];
/** A row of `GET /api/fulfilment`'s `enterprises`. */
export type FulfilmentRow = EnterpriseFulfilment;
export type { ModelEntry, Job, Alert };
/** The objective a plan was solved with, or one to ask for (docs/optimize.md, Objectives). */
export type ObjectiveSpec = PlanObjective;
/** A stored scenario (`GET /scenarios`). */
export type ScenarioEntry = Scenario;
/** The body of `POST /scenarios/:id/solve` (docs/api.md). */
export interface SolveOptions {
  readonly objective?: PlanObjective;
  readonly solver?: 'auto' | 'highs' | 'pdhg';
}

/** Whether a stored plan is optimal (only then does it carry numbers). */
export function isOptimal(r: PlanResultView | FailedPlanView): r is PlanResultView {
  return r.status === 'optimal';
}

/** An id of the service (a plan, scenario or job id) as the text of a URL. */
export type Id = string | number;
