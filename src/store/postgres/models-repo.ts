import { now } from '../now.js';
import type { ModelsRepository } from '../plenty-store.js';
import type { ModelFormat, ModelListing, ModelRecord } from '../types.js';
import { LOCK_CLASS } from './locks.js';
import type { Sql } from './sql.js';

interface Row {
  id: string;
  version: number;
  name: string;
  text: string;
  format: ModelFormat;
  created_at: string;
}

const toRecord = (r: Row): ModelRecord => ({ id: r.id, version: r.version, name: r.name, text: r.text, format: r.format, createdAt: r.created_at });

/** Model files in PostgreSQL, every version kept. */
export class PgModelsRepo implements ModelsRepository {
  constructor(private readonly sql: Sql) {}

  /** The next version under an advisory lock of the model's id, so that adds of one id on several nodes number 1, 2, 3, … */
  add(id: string, name: string, text: string, format: ModelFormat): Promise<ModelRecord> {
    return this.sql.atomic(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1, hashtext('model:' || $2))", [LOCK_CLASS, id]);
      const createdAt = now();
      const r = await sql.query<{ version: number }>(
        'INSERT INTO models (id, version, name, text, format, created_at) SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM models WHERE id = $1 RETURNING version',
        [id, name, text, format, createdAt],
      );
      return { id, version: r.rows[0].version, name, text, format, createdAt };
    });
  }

  /** Under the same lock as `add`, so that of several nodes adding one id at once exactly one stores it. */
  addFirst(id: string, name: string, text: string, format: ModelFormat): Promise<ModelRecord | undefined> {
    return this.sql.atomic(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1, hashtext('model:' || $2))", [LOCK_CLASS, id]);
      const createdAt = now();
      // A statement after the lock: it sees a version another node committed while this one waited.
      const r = await sql.query('INSERT INTO models (id, version, name, text, format, created_at) SELECT $1, 1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM models WHERE id = $1)', [id, name, text, format, createdAt]);
      return r.rowCount === 1 ? { id, version: 1, name, text, format, createdAt } : undefined;
    });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.sql.query('SELECT 1 FROM models WHERE id = $1 LIMIT 1', [id])).rowCount === 1;
  }

  async get(id: string, version?: number): Promise<ModelRecord | undefined> {
    const r =
      version === undefined
        ? await this.sql.query<Row>('SELECT * FROM models WHERE id = $1 ORDER BY version DESC LIMIT 1', [id])
        : await this.sql.query<Row>('SELECT * FROM models WHERE id = $1 AND version = $2', [id, version]);
    return r.rows.length === 0 ? undefined : toRecord(r.rows[0]);
  }

  async list(): Promise<ModelListing[]> {
    const r = await this.sql.query<Omit<Row, 'text'>>('SELECT DISTINCT ON (id) id, version, name, format, created_at FROM models ORDER BY id, version DESC');
    return r.rows.map((m) => ({ id: m.id, version: m.version, name: m.name, format: m.format, createdAt: m.created_at }));
  }

  async count(): Promise<number> {
    return (await this.sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM models')).rows[0].n;
  }
}
