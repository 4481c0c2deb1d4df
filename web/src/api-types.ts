/**
 * The shapes the dashboard reads from the planning service (docs/api.md). The types themselves
 * are generated from the service's response schemas (api-types.generated.ts, `npm run
 * gen:api-types`); this file gives them the dashboard's names and adds a few helpers.
 */
import type {
  Alert,
  AnalysisDocument as WireAnalysisDocument,
  BalanceDocument,
  Economy,
  EnterpriseFulfilment,
  FailedAnalysisPart as WireFailedAnalysisPart,
  FailedPlan,
  FootprintsPart as WireFootprintsPart,
  GrossOutputPart as WireGrossOutputPart,
  IncomeMultipliersPart as WireIncomeMultipliersPart,
  InversePart as WireInversePart,
  Job,
  LabourValuesPart as WireLabourValuesPart,
  LinkagesPart as WireLinkagesPart,
  ModelEntry,
  MultipliersPart as WireMultipliersPart,
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
export { decodeAnalysis } from './decode-analysis.js';

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

/**
 * The input–output analysis of a model (`POST /api/models/:id/analyze`), its numbers read back as
 * numbers (analysis-api.ts decodes them once: "NaN", "Infinity"); its parts likewise.
 */
export type AnalysisDocument = Decoded<WireAnalysisDocument>;
/** `POST /api/models/:id/analyze` as it comes over the wire (decodeAnalysis reads its numbers back). */
export type { WireAnalysisDocument };
/** A part of the analysis whose solves did not succeed: its status and sentence, no numbers. */
export type FailedAnalysisPart = Decoded<WireFailedAnalysisPart>;
export type GrossOutputPart = Decoded<WireGrossOutputPart>;
export type MultipliersPart = Decoded<WireMultipliersPart>;
export type IncomeMultipliersPart = Decoded<WireIncomeMultipliersPart>;
export type LinkagesPart = Decoded<WireLinkagesPart>;
export type LabourValuesPart = Decoded<WireLabourValuesPart>;
export type FootprintsPart = Decoded<WireFootprintsPart>;
export type InversePart = Decoded<WireInversePart>;
/** A part of the analysis: its numbers, or the status and sentence of a solve that did not succeed. */
export type AnalysisPart<P> = P | FailedAnalysisPart;
/** An item's balance in a period (a row of the balance's `items`, asked for with `all`). */
export type ItemBalance = NonNullable<BalanceDocument['items']>[number];

/** Whether a part of the analysis has numbers (its solves converged). */
export function converged<P extends { readonly status: 'converged' }>(p: AnalysisPart<P> | undefined): p is P {
  return p !== undefined && p.status === 'converged';
}

/** Whether a stored plan is optimal (only then does it carry numbers). */
export function isOptimal(r: PlanResultView | FailedPlanView): r is PlanResultView {
  return r.status === 'optimal';
}

/** An id of the service (a plan, scenario or job id) as the text of a URL. */
export type Id = string | number;
