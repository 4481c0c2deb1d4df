import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { EnterpriseRecord } from './types.js';

interface Row {
  id: string;
  name: string;
  created_at: string;
}

/** Enterprises known to the service (each may hold tokens and submit reports). */
export class EnterprisesRepo {
  private readonly sql: Statements;
  constructor(db: Database) {
    this.sql = statements(db);
  }

  add(id: string, name: string): EnterpriseRecord {
    const createdAt = now();
    this.sql('INSERT INTO enterprises (id, name, created_at) VALUES (?, ?, ?)').run(id, name, createdAt);
    return { id, name, createdAt };
  }

  get(id: string): EnterpriseRecord | undefined {
    const r = this.sql('SELECT * FROM enterprises WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? undefined : { id: r.id, name: r.name, createdAt: r.created_at };
  }

  list(): EnterpriseRecord[] {
    return (this.sql('SELECT * FROM enterprises ORDER BY id').all() as Row[]).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }
}
