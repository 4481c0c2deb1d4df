import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import type { EnterpriseRecord } from './types.js';

interface Row {
  id: string;
  name: string;
  created_at: string;
}

/** Enterprises known to the service (each may hold tokens and submit reports). */
export class EnterprisesRepo {
  constructor(private readonly db: Database) {}

  add(id: string, name: string): EnterpriseRecord {
    const createdAt = now();
    this.db.prepare('INSERT INTO enterprises (id, name, created_at) VALUES (?, ?, ?)').run(id, name, createdAt);
    return { id, name, createdAt };
  }

  get(id: string): EnterpriseRecord | undefined {
    const r = this.db.prepare('SELECT * FROM enterprises WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? undefined : { id: r.id, name: r.name, createdAt: r.created_at };
  }

  list(): EnterpriseRecord[] {
    return (this.db.prepare('SELECT * FROM enterprises ORDER BY id').all() as Row[]).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
  }
}
