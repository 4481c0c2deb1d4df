import type { PlanRecord } from './types.js';

/** A row of the plans table, as both stores return it (`result` only when selected). */
export interface PlanRow {
  id: number;
  scenario_id: number | null;
  model_id: string;
  model_version: number;
  inputs_hash: string;
  objective_kind: string;
  solver: string;
  status: string;
  objective: number | null;
  result?: string;
  created_at: string;
}

export const planRecordOf = (r: PlanRow): PlanRecord => ({
  id: r.id,
  scenarioId: r.scenario_id,
  modelId: r.model_id,
  modelVersion: r.model_version,
  inputsHash: r.inputs_hash,
  objectiveKind: r.objective_kind,
  solver: r.solver,
  status: r.status,
  objective: r.objective,
  createdAt: r.created_at,
});

/** The plans table's columns without the result. */
export const PLAN_COLUMNS = 'id, scenario_id, model_id, model_version, inputs_hash, objective_kind, solver, status, objective, created_at';
