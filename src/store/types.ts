/** Records of the store, as the repositories return them (camelCase; JSON columns parsed). */

import type { AlertKind, AlertLevel } from '../execution/alerts.js';

export type { AlertKind, AlertLevel };

export type ModelFormat = 'yaml' | 'json';

export interface ModelRecord {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly text: string;
  readonly format: ModelFormat;
  readonly createdAt: string;
}

export type ModelListing = Omit<ModelRecord, 'text'>;

export interface ScenarioRecord {
  readonly id: number;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly name: string;
  /** The overrides as given (validated by the service before they are stored). */
  readonly overrides: unknown;
  readonly createdAt: string;
}

export interface PlanRecord {
  readonly id: number;
  readonly scenarioId: number | null;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly inputsHash: string;
  readonly objectiveKind: string;
  readonly solver: string;
  readonly status: string;
  readonly objective: number | null;
  readonly createdAt: string;
}

export interface PlanWithResult extends PlanRecord {
  readonly result: unknown;
}

export type NewPlan = Omit<PlanRecord, 'id' | 'createdAt'> & { readonly result: unknown };

export interface EnterpriseRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export type Role = 'planner' | 'enterprise';

export interface TokenRecord {
  readonly role: Role;
  readonly enterprise: string | null;
  readonly label: string | null;
}

export interface ReportRecord {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: string;
  readonly body: unknown;
  readonly createdAt: string;
}

export interface AlertRecord {
  readonly id: number;
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  /** under-delivery, over-delivery, input-over-use or input-under-use (src/execution/alerts.ts). */
  readonly kind: AlertKind;
  readonly level: AlertLevel;
  readonly planned: number;
  readonly actual: number;
  readonly deviation: number | null;
  readonly message: string;
  /** The report that raised it (a report id of the alert's enterprise), or null. */
  readonly reportId: string | null;
  /** A newer alert of the same enterprise, period, item and side (output or input) replaced it. */
  readonly superseded: boolean;
  readonly createdAt: string;
}

export type NewAlert = Omit<AlertRecord, 'id' | 'createdAt' | 'superseded'>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRecord {
  readonly id: number;
  readonly kind: string;
  readonly status: JobStatus;
  readonly input: unknown;
  readonly progress: { readonly fraction: number | null; readonly text: string | null };
  readonly planId: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Running totals of an enterprise's reports for one period. */
export interface ReportTotals {
  /** The techniques reported on; `null` for reports on the enterprise's techniques together. */
  readonly techniques: readonly (string | null)[];
  /** Σ reported amount by item key, as the reports named it (`grain@ukraine`, or a product id). */
  readonly outputs: ReadonlyMap<string, number>;
  readonly inputs: ReadonlyMap<string, number>;
}

/** What happened to a report submitted under a client-chosen id (see ReportsRepository.submit). */
export type ReportOutcome =
  | { readonly kind: 'created'; readonly report: ReportRecord }
  | { readonly kind: 'repeated'; readonly report: ReportRecord }
  | { readonly kind: 'conflict'; readonly report: ReportRecord };

/** Which reports `list` answers (every given member must match). */
export interface ReportFilter {
  readonly enterprise?: string;
  readonly period?: string;
}

/** Which alerts `list` answers (every given member must match). */
export interface AlertFilter {
  readonly enterprise?: string;
  readonly level?: AlertLevel;
  readonly period?: string;
  readonly kind?: AlertKind;
  /** true: superseded alerts only; false: current ones only; absent: both. */
  readonly superseded?: boolean;
}

/** A change to a job (members left out are kept; `fraction`/`text` null clear them). */
export interface JobChange {
  readonly status?: JobStatus;
  readonly fraction?: number | null;
  readonly text?: string | null;
  readonly planId?: number;
  readonly error?: string;
  /**
   * Only while this lease holds: the job is running under this attempt and owner (a solve worker's
   * claim, src/store/postgres/job-queue.ts). PostgreSQL only: the SQLite store's jobs run
   * in-process and have no leases (it refuses a change naming one).
   */
  readonly lease?: JobLease;
}

/** A solve worker's hold on a running job: the attempt it claimed and who it is. */
export interface JobLease {
  readonly attempt: number;
  readonly owner: string;
}

/** The published plan and when it was published. */
export interface Publication {
  readonly planId: number;
  readonly publishedAt: string;
}
