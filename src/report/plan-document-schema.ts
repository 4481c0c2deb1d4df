import { z } from 'zod';
import { limitOrNull, wireNumber } from './wire-number.js';

/**
 * The plan document: what `plenty plan --json` writes, the service stores and answers
 * (GET /api/plans/:id) and plan execution reads. One zod schema for all of them: encodePlan writes
 * it from a PlanResult, decodePlan reads and checks it, and the OpenAPI document (and from it the
 * dashboard's types) describes it. On the wire (PlanDocument) non-finite numbers are strings
 * (wireNumber); decoded (DecodedPlan) they are numbers again.
 */

/** Amounts by id (non-zero entries only where a plan writes them). */
export const amounts = z.record(z.string(), z.number());

/** Amounts by period, then by id. */
export const perPeriod = z.record(z.string(), amounts).meta({ id: 'PerPeriod', description: 'by period, then by id' });

/** How a linear program ended (optimize/lp-types.ts). */
export const lpStatus = z.enum(['optimal', 'infeasible', 'unbounded', 'infeasible-or-unbounded', 'time-limit', 'iteration-limit', 'unknown', 'error']).meta({ id: 'LpStatus' });

/** The objective a plan was solved with (docs/optimize.md); an uncapped maxmin has `cap: null` on the wire, Infinity decoded. */
export const planObjective = z
  .strictObject({
    kind: z.enum(['maxmin', 'weighted', 'harmony', 'mincost']),
    cap: limitOrNull.optional(),
    tierTolerance: z.number().optional(),
    periods: z.enum(['leximin', 'common']).optional(),
    weights: z.record(z.string(), z.number()).optional(),
    overSlope: z.number().optional(),
    harmonyCap: z.number().optional(),
    resource: z.string().optional(),
  })
  .meta({ id: 'PlanObjective' });

/** A binding resource, capacity or trade cap, with its shadow price and the part of the objective imputed to it. */
export const bottleneck = z
  .strictObject({
    kind: z.enum(['resource', 'capacity', 'trade']),
    id: z.string(),
    period: z.string(),
    /** Objective units per unit of the resource (activity for capacities, item for trade caps). */
    price: z.number(),
    limit: z.number(),
    rent: z.number(),
    share: z.number().nullable().meta({ description: 'rent / objective; null when the objective is 0' }),
  })
  .meta({ id: 'Bottleneck' });

/** Why an infeasible plan is infeasible (mincost): the smallest target reductions and what binds. */
const infeasibility = z
  .strictObject({
    kind: z.literal('infeasible'),
    status: lpStatus,
    shortfalls: z.array(z.strictObject({ target: z.number(), product: z.string(), period: z.string(), amount: z.number(), shortfall: z.number(), fraction: z.number() })),
    binding: z.array(bottleneck),
    overcommitted: z.array(z.strictObject({ resource: z.string(), period: z.string(), available: z.number(), directUse: z.number() })),
    message: z.string(),
  })
  .meta({ id: 'InfeasibilityDiagnosis' });

/** Why a maxmin plan is unbounded: the tier, the targets that can be made in any amount, what makes them, and the objectives that fit. */
const unboundedness = z
  .strictObject({
    kind: z.literal('unbounded'),
    priority: z.number().nullable(),
    targets: z.array(z.strictObject({ target: z.number(), product: z.string(), period: z.string(), amount: z.number() })),
    techniques: z.array(z.string()),
    resources: z.array(z.string()),
    suggestions: z.array(z.strictObject({ objective: planObjective, reason: z.string() })),
    message: z.string(),
  })
  .meta({ id: 'UnboundedDiagnosis' });

/** Why a plan did not solve: an infeasible plan's smallest reductions, or what leaves it unbounded. */
export const diagnosis = z.discriminatedUnion('kind', [infeasibility, unboundedness]).meta({ id: 'Diagnosis' });

/** One LP solve of a plan. */
export const planStage = z
  .strictObject({
    priority: z.number().nullable(),
    step: z.enum(['solve', 'tier', 'test', 'raise']),
    periods: z.array(z.string()).nullable(),
    status: lpStatus,
    objective: wireNumber,
    iterations: z.number(),
    elapsedMs: z.number(),
    wallMs: z.number(),
    solver: z.string(),
  })
  .meta({ id: 'PlanStage' });

/** A target's delivery in a period. */
export const targetResult = z
  .strictObject({
    target: z.number().meta({ description: 'index of the target in the model' }),
    item: z.string(),
    period: z.string(),
    priority: z.number(),
    amount: z.number(),
    delivered: z.number(),
    fulfilment: wireNumber.meta({ description: 'delivered ÷ amount' }),
  })
  .meta({ id: 'TargetResult' });

/** A whole-plant decision taken: a technique with whole units, a minimum lot or a fixed cost, run in a period. */
export const plantBuilt = z
  .strictObject({
    technique: z.string(),
    name: z.string().optional(),
    period: z.string(),
    units: z.number().meta({ description: 'activity level: whole units for a whole technique' }),
    builds: amounts.meta({ description: 'capacity added by the units, by resource (investment)' }),
    onLine: z.string().nullable().meta({ description: 'the period from which what it builds is on line; null when it builds nothing or comes on line after the last period' }),
    kind: z.string().meta({ description: 'whole units, minimum lot L, fixed cost (joined by ", ")' }),
  })
  .meta({ id: 'PlantBuilt' });

/** How a plan with whole-plant decisions was solved (optimize/plan-types.ts PlanMip; docs/optimize.md, "Whole plants"). */
export const planMip = z
  .strictObject({
    method: z.enum(['branch-and-bound', 'relaxation']),
    gap: wireNumber.meta({ description: 'relative gap |bound − objective| / max(1, |objective|) of the last LP solved; NaN for the relaxation' }),
    bound: wireNumber.meta({ description: 'best bound on the optimum found by branch and bound, in the objective’s direction' }),
    requestedGap: wireNumber,
    nodes: z.number(),
    valuations: z.enum(['integers-fixed', 'none', 'relaxation']).meta({ description: 'integers-fixed: the valuations are the duals of the LP with the whole-plant decisions fixed at their values' }),
  })
  .meta({ id: 'PlanMip' });

/** maxmin: λ per tier (by priority); null for other objectives. */
const lambdaByTier = z.record(z.string(), wireNumber).nullable();
/** maxmin: the level of each tier (by priority) per period; null for other objectives. */
const levelsByTier = z.record(z.string(), z.record(z.string(), wireNumber)).nullable();

/** A re-plan's account of where it started: the fixed past as it happened and the re-optimised future. */
export const replanSection = z
  .strictObject({
    basePlanId: z.number(),
    fromPeriod: z.string(),
    fixedPeriods: z.number(),
    reports: z.number(),
    past: z.strictObject({
      periods: z.array(z.string()),
      breaches: z.array(z.strictObject({ kind: z.enum(['balance', 'resource', 'capacity', 'export', 'import']), id: z.string(), period: z.string(), limit: wireNumber, actual: z.number(), excess: z.number() })),
      shortfalls: z.array(z.strictObject({ target: z.number(), item: z.string(), period: z.string(), priority: z.number(), amount: z.number(), planned: z.number(), delivered: z.number(), fulfilment: wireNumber })),
      reportedValues: z.number(),
    }),
    future: z.strictObject({ periods: z.array(z.string()), lambda: lambdaByTier, levels: levelsByTier }),
    timing: z.strictObject({ formulateMs: z.number(), solverMs: z.number(), stagesMs: z.array(z.number()), readMs: z.number(), totalMs: z.number() }),
  })
  .meta({ id: 'ReplanSection' });

/** An optimal plan: the document of `plenty plan --json` plus resource use and availability per period. */
export const optimalPlan = z
  .strictObject({
    model: z.string(),
    objective: planObjective,
    status: z.literal('optimal'),
    message: z.string().nullable(),
    solver: z.string(),
    objectiveValue: wireNumber,
    lambda: lambdaByTier,
    levels: levelsByTier,
    stages: z.array(planStage),
    residuals: z.strictObject({ primal: wireNumber, dual: wireNumber, gap: wireNumber }),
    activity: perPeriod,
    exports: perPeriod,
    imports: perPeriod,
    stock: perPeriod,
    targets: z.array(targetResult),
    valuations: perPeriod.meta({ description: 'per period and item: objective units per unit of the item' }),
    resourcePrices: perPeriod.meta({ description: 'per period and resource: objective units per unit of the resource' }),
    reducedCosts: perPeriod.meta({ description: 'per period and technique: net value at the valuations (0 in use; < 0 the loss per unit of an idle one; > 0 at capacity)' }),
    normalisation: z.number().nullable(),
    bottlenecks: z.array(bottleneck),
    diagnosis: diagnosis.nullable(),
    written: z.array(z.string()),
    resources: z.record(z.string(), z.record(z.string(), z.strictObject({ use: wireNumber, available: wireNumber.meta({ description: '"Infinity" when unlimited' }) }))),
    replan: replanSection.optional(),
    plants: z.array(plantBuilt).optional().meta({ description: 'whole-plant decisions taken, period by period (absent in plans stored before whole plants)' }),
    mip: planMip.nullable().optional().meta({ description: 'null when the model has no whole-plant decisions' }),
  })
  .meta({ id: 'OptimalPlan' });

/** A plan that did not solve to optimality: its status and diagnosis, no numbers of the failed solve. */
export const failedPlan = z
  .strictObject({
    model: z.string(),
    objective: planObjective,
    status: lpStatus.exclude(['optimal']),
    message: z.string().nullable(),
    solver: z.string(),
    stages: z.array(z.strictObject({ priority: z.number().nullable(), status: lpStatus, solver: z.string(), iterations: z.number() })),
    diagnosis: diagnosis.nullable(),
    replan: replanSection.optional(),
    incumbent: z
      .strictObject({ objectiveValue: wireNumber, mip: planMip, plants: z.array(plantBuilt) })
      .optional()
      .meta({ description: 'whole plants stopped at the time limit: the best plan found (not proven optimal), its gap from the bound and the plants it builds' }),
  })
  .meta({ id: 'FailedPlan' });

/** A stored plan's document: optimal, or failed (status and diagnosis only). */
export const planDocument = z.discriminatedUnion('status', [optimalPlan, failedPlan]).meta({ id: 'PlanDocument' });

/** A plan document as written in JSON (non-finite numbers as strings). */
export type PlanDocument = z.input<typeof planDocument>;
/** A plan document decoded: every number a number. */
export type DecodedPlan = z.output<typeof planDocument>;
/** An optimal plan's document, decoded. */
export type DecodedOptimalPlan = Extract<DecodedPlan, { readonly status: 'optimal' }>;
/** A re-plan's section of a plan document, decoded. */
export type DecodedReplanSection = z.output<typeof replanSection>;
