import { now } from '../now.js';
import type { ScenariosRepository } from '../plenty-store.js';
import type { ScenarioRecord } from '../types.js';
import type { Sql } from './sql.js';

interface Row {
  id: number;
  model_id: string;
  model_version: number;
  name: string;
  overrides: string;
  created_at: string;
}

const toRecord = (r: Row): ScenarioRecord => ({ id: r.id, modelId: r.model_id, modelVersion: r.model_version, name: r.name, overrides: JSON.parse(r.overrides) as unknown, createdAt: r.created_at });

/** Scenarios in PostgreSQL. */
export class PgScenariosRepo implements ScenariosRepository {
  constructor(private readonly sql: Sql) {}

  async add(modelId: string, modelVersion: number, name: string, overrides: unknown): Promise<ScenarioRecord> {
    const createdAt = now();
    const text = JSON.stringify(overrides);
    const r = await this.sql.query<{ id: number }>('INSERT INTO scenarios (model_id, model_version, name, overrides, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [modelId, modelVersion, name, text, createdAt]);
    return { id: r.rows[0].id, modelId, modelVersion, name, overrides: JSON.parse(text) as unknown, createdAt };
  }

  async get(id: number): Promise<ScenarioRecord | undefined> {
    const r = await this.sql.query<Row>('SELECT * FROM scenarios WHERE id = $1', [id]);
    return r.rows.length === 0 ? undefined : toRecord(r.rows[0]);
  }

  async list(): Promise<ScenarioRecord[]> {
    return (await this.sql.query<Row>('SELECT * FROM scenarios ORDER BY id')).rows.map(toRecord);
  }
}
