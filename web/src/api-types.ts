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
  PlanDocument,
  PlanWithResult,
  Technique,
  WireNumber,
} from './api-types.generated.js';

export type * from './api-types.generated.js';

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
/** An optimal plan, as `plenty plan --json` writes it, plus resource use and availability per period. */
export type PlanResultView = OptimalPlan;
/** A plan that did not solve to optimality: its status and diagnosis, no numbers of the failed solve. */
export type FailedPlanView = FailedPlan;
/** A stored plan with its result. */
export type PlanRecord = PlanWithResult;
/** A row of `GET /api/fulfilment`'s `enterprises`. */
export type FulfilmentRow = EnterpriseFulfilment;
export type { ModelEntry, Job, Alert };

/** Whether a stored plan is optimal (only then does it carry numbers). */
export function isOptimal(r: PlanDocument): r is OptimalPlan {
  return r.status === 'optimal';
}

/** A number of the service's JSON as a number: "NaN", "Infinity" and "-Infinity" (non-finite numbers) read back. */
export function wireNumber(x: WireNumber): number {
  if (typeof x === 'number') return x;
  return x === 'NaN' ? Number.NaN : x === 'Infinity' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** An id of the service (a plan, scenario or job id) as the text of a URL. */
export type Id = string | number;
