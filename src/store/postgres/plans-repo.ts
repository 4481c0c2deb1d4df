import { now } from '../now.js';
import type { PlansRepository } from '../plenty-store.js';
import type { NewPlan, PlanRecord, PlanWithResult, Publication } from '../types.js';
import type { Sql } from './sql.js';
import { PLAN_COLUMNS, planRecordOf, type PlanRow } from '../plan-row.js';


/**
 * Computed plans and the one published plan in PostgreSQL. The publication is read from the
 * database every time (no copy in memory): every node sees a new publication at once.
 */
export class PgPlansRepo implements PlansRepository {
  constructor(private readonly sql: Sql) {}

  async add(plan: Omit<NewPlan, 'result'>, resultJson: string): Promise<PlanRecord> {
    const createdAt = now();
    const objective = plan.objective !== null && Number.isFinite(plan.objective) ? plan.objective : null;
    const r = await this.sql.query<{ id: number }>(
      'INSERT INTO plans (scenario_id, model_id, model_version, inputs_hash, objective_kind, solver, status, objective, result, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id',
      [plan.scenarioId, plan.modelId, plan.modelVersion, plan.inputsHash, plan.objectiveKind, plan.solver, plan.status, objective, resultJson, createdAt],
    );
    return { ...plan, objective, id: r.rows[0].id, createdAt };
  }

  async get(id: number): Promise<PlanWithResult | undefined> {
    const r = await this.sql.query<PlanRow>('SELECT * FROM plans WHERE id = $1', [id]);
    if (r.rows.length === 0) return undefined;
    const row = r.rows[0];
    return { ...planRecordOf(row), result: JSON.parse(row.result ?? 'null') as unknown };
  }

  async list(scenarioId?: number): Promise<PlanRecord[]> {
    const r =
      scenarioId === undefined
        ? await this.sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans ORDER BY id`)
        : await this.sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE scenario_id = $1 ORDER BY id`, [scenarioId]);
    return r.rows.map(planRecordOf);
  }

  async findByInputs(inputsHash: string): Promise<PlanRecord | undefined> {
    const r = await this.sql.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM plans WHERE inputs_hash = $1 ORDER BY id DESC LIMIT 1`, [inputsHash]);
    return r.rows.length === 0 ? undefined : planRecordOf(r.rows[0]);
  }

  async publish(id: number): Promise<Publication> {
    const publishedAt = now();
    await this.sql.query('INSERT INTO published (slot, plan_id, published_at) VALUES (1, $1, $2) ON CONFLICT (slot) DO UPDATE SET plan_id = excluded.plan_id, published_at = excluded.published_at', [id, publishedAt]);
    return { planId: id, publishedAt };
  }

  async published(): Promise<Publication | undefined> {
    const r = await this.sql.query<{ plan_id: number; published_at: string }>('SELECT plan_id, published_at FROM published WHERE slot = 1');
    return r.rows.length === 0 ? undefined : { planId: r.rows[0].plan_id, publishedAt: r.rows[0].published_at };
  }
}
