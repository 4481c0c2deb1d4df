/**
 * The shapes of the analysis and balance documents the dashboard reads (docs/cli.md, `analyze
 * --json` and `balance --json`; docs/api.md). Only the fields the views show are listed.
 */

/** A part whose solve did not succeed: its status and sentence, no numbers. */
export interface FailedPart {
  readonly status: string;
  readonly message: string;
  readonly iterations?: number;
  readonly spectralRadius?: { readonly lower: number; readonly upper: number };
}

export interface GrossOutputPart {
  readonly status: 'converged';
  readonly iterations: number;
  readonly relativeResidual: number;
  readonly finalDemand: readonly number[];
  readonly x: readonly number[];
}

export interface MultipliersPart {
  readonly status: 'converged';
  readonly output: readonly number[];
  readonly rows: Readonly<Record<string, { readonly direct: readonly number[]; readonly total: readonly number[] }>>;
}

export interface IncomeMultipliersPart {
  readonly status: 'converged';
  readonly income: string;
  readonly direct: readonly number[];
  readonly simple: readonly number[];
  readonly typeI: readonly (number | null)[];
}

export interface LinkagesPart {
  readonly status: 'converged';
  readonly backward: { readonly raw: readonly number[]; readonly normalised: readonly number[] };
  readonly forward: { readonly raw: readonly number[]; readonly normalised: readonly number[] };
}

export interface LabourValuesPart {
  readonly status: 'converged';
  readonly labour: string;
  readonly direct: readonly number[];
  readonly values: readonly number[];
  readonly identity: { readonly valueOfFinalDemand: number; readonly totalLabour: number; readonly relativeDifference: number } | null;
}

export interface FootprintsPart {
  readonly status: 'converged';
  readonly regions: readonly string[];
  readonly rows: Readonly<Record<string, readonly number[]>>;
  readonly perCapita?: { readonly regions: readonly string[]; readonly population: readonly number[]; readonly rows: Readonly<Record<string, readonly number[]>> };
}

export type Part<P> = P | FailedPart;

/** Whether a part of the analysis has numbers (its solves converged). */
export function converged<P extends { readonly status: 'converged' }>(p: Part<P> | undefined): p is P {
  return p !== undefined && p.status === 'converged';
}

/** `POST /api/models/:id/analyze`. */
export interface AnalysisDocument {
  readonly model: string;
  readonly modelId: string;
  readonly version: number;
  readonly demand: string;
  readonly items: readonly string[];
  readonly units: readonly string[];
  readonly resources: readonly { readonly id: string; readonly unit: string }[];
  readonly grossOutput: Part<GrossOutputPart>;
  readonly multipliers?: Part<MultipliersPart>;
  readonly incomeMultipliers?: Part<IncomeMultipliersPart>;
  readonly linkages?: Part<LinkagesPart>;
  readonly labourValues?: Part<LabourValuesPart>;
  readonly footprints?: Part<FootprintsPart>;
  readonly failures: readonly string[];
  readonly notes: readonly string[];
}

export type AnalysisKind = 'multipliers' | 'linkages' | 'labourValues' | 'footprints' | 'inverse';

export interface AnalyzeRequest {
  readonly demand?: Readonly<Record<string, number>>;
  readonly period?: string;
  readonly analyses?: readonly AnalysisKind[];
  readonly labour?: string;
  readonly income?: string;
}

/** The balance document and its parts, as generated from the service's response schemas. */
export type { BalanceDocument, ClosingNeed, ClosingRequirement } from './api-types.generated.js';
import type { BalanceDocument as GeneratedBalance } from './api-types.generated.js';

/** An item's balance in a period (`balance` with `all`). */
export type ItemBalance = NonNullable<GeneratedBalance['items']>[number];

export interface BalanceRequest {
  readonly planId?: number;
  readonly period?: string;
  readonly all?: boolean;
  readonly top?: number;
}

/** A stored plan as `GET /api/plans` lists it (without its result). */
export interface StoredPlanEntry {
  readonly id: number;
  readonly scenarioId: number | null;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly status: string;
  readonly objectiveKind: string;
  readonly createdAt: string;
}
