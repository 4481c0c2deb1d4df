import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { ScenarioRecord } from './types.js';

interface Row {
  id: number;
  model_id: string;
  model_version: number;
  name: string;
  overrides: string;
  created_at: string;
}

const toRecord = (r: Row): ScenarioRecord => ({ id: r.id, modelId: r.model_id, modelVersion: r.model_version, name: r.name, overrides: JSON.parse(r.overrides) as unknown, createdAt: r.created_at });

/** Scenarios: a model version and overrides of its targets, resources and prices. */
export class ScenariosRepo {
  private readonly sql: Statements;
  constructor(db: Database) {
    this.sql = statements(db);
  }

  add(modelId: string, modelVersion: number, name: string, overrides: unknown): ScenarioRecord {
    const createdAt = now();
    const text = JSON.stringify(overrides);
    const info = this.sql('INSERT INTO scenarios (model_id, model_version, name, overrides, created_at) VALUES (?, ?, ?, ?, ?)').run(modelId, modelVersion, name, text, createdAt);
    return { id: Number(info.lastInsertRowid), modelId, modelVersion, name, overrides: JSON.parse(text) as unknown, createdAt };
  }

  get(id: number): ScenarioRecord | undefined {
    const row = this.sql('SELECT * FROM scenarios WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  list(): ScenarioRecord[] {
    return (this.sql('SELECT * FROM scenarios ORDER BY id').all() as Row[]).map(toRecord);
  }
}
