import { now } from '../now.js';
import type { EnterprisesRepository } from '../plenty-store.js';
import type { EnterpriseRecord } from '../types.js';
import type { Sql } from './sql.js';

interface Row {
  id: string;
  name: string;
  created_at: string;
}

const toRecord = (r: Row): EnterpriseRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

/** Enterprises in PostgreSQL. */
export class PgEnterprisesRepo implements EnterprisesRepository {
  constructor(private readonly sql: Sql) {}

  async add(id: string, name: string): Promise<EnterpriseRecord> {
    const createdAt = now();
    await this.sql.query('INSERT INTO enterprises (id, name, created_at) VALUES ($1, $2, $3)', [id, name, createdAt]);
    return { id, name, createdAt };
  }

  async get(id: string): Promise<EnterpriseRecord | undefined> {
    const r = await this.sql.query<Row>('SELECT * FROM enterprises WHERE id = $1', [id]);
    return r.rows.length === 0 ? undefined : toRecord(r.rows[0]);
  }

  async list(): Promise<EnterpriseRecord[]> {
    return (await this.sql.query<Row>('SELECT * FROM enterprises ORDER BY id')).rows.map(toRecord);
  }
}
