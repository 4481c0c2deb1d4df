import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { NewPlan, PlanRecord, PlanWithResult } from './types.js';
import { PLAN_COLUMNS, planRecordOf, type PlanRow } from './plan-row.js';


/** Computed plans (the result JSON as `plenty plan --json` gives it) and the one published plan. */
export class PlansRepo {
  private readonly sql: Statements;
  /** The published row as last read outside a transaction (null: none published); undefined: read it. */
  private publishedRow: { planId: number; publishedAt: string } | null | undefined;
  constructor(private readonly db: Database) {
    this.sql = statements(db);
  }

  /** Stores a plan; `resultJson` is the result already serialised. */
  add(plan: Omit<NewPlan, 'result'>, resultJson: string): PlanRecord {
    const createdAt = now();
    const objective = plan.objective !== null && Number.isFinite(plan.objective) ? plan.objective : null;
    const info = this.sql('INSERT INTO plans (scenario_id, model_id, model_version, inputs_hash, objective_kind, solver, status, objective, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(plan.scenarioId, plan.modelId, plan.modelVersion, plan.inputsHash, plan.objectiveKind, plan.solver, plan.status, objective, resultJson, createdAt);
    return { ...plan, objective, id: Number(info.lastInsertRowid), createdAt };
  }

  get(id: number): PlanWithResult | undefined {
    const row = this.sql('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    return row === undefined ? undefined : { ...planRecordOf(row), result: JSON.parse(row.result ?? 'null') as unknown };
  }

  list(scenarioId?: number): PlanRecord[] {
    const rows = (scenarioId === undefined ? this.sql(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY id`).all() : this.sql(`SELECT ${PLAN_COLUMNS} FROM plans WHERE scenario_id = ? ORDER BY id`).all(scenarioId)) as PlanRow[];
    return rows.map(planRecordOf);
  }

  /** The latest plan computed from exactly these inputs, if any. */
  findByInputs(inputsHash: string): PlanRecord | undefined {
    const row = this.sql(`SELECT ${PLAN_COLUMNS} FROM plans WHERE inputs_hash = ? ORDER BY id DESC LIMIT 1`).get(inputsHash) as PlanRow | undefined;
    return row === undefined ? undefined : planRecordOf(row);
  }

  /** Makes a plan the published one (replacing the previous). */
  publish(id: number): { planId: number; publishedAt: string } {
    const publishedAt = now();
    this.publishedRow = undefined;
    this.sql('INSERT INTO published (slot, plan_id, published_at) VALUES (1, ?, ?) ON CONFLICT (slot) DO UPDATE SET plan_id = excluded.plan_id, published_at = excluded.published_at').run(id, publishedAt);
    return { planId: id, publishedAt };
  }

  /** The published plan's id and time; kept in memory between publications (this process is the store's only writer). */
  published(): { planId: number; publishedAt: string } | undefined {
    if (this.publishedRow !== undefined) return this.publishedRow ?? undefined;
    const row = this.sql('SELECT plan_id, published_at FROM published WHERE slot = 1').get() as { plan_id: number; published_at: string } | undefined;
    const found = row === undefined ? null : { planId: row.plan_id, publishedAt: row.published_at };
    // Inside a transaction the row may still be rolled back: read it, keep nothing.
    if (!this.db.inTransaction) this.publishedRow = found;
    return found ?? undefined;
  }
}
