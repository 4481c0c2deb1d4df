import type { Database } from 'better-sqlite3';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { ModelFormat, ModelListing, ModelRecord } from './types.js';

interface Row {
  id: string;
  version: number;
  name: string;
  text: string;
  format: ModelFormat;
  created_at: string;
}

const toRecord = (r: Row): ModelRecord => ({ id: r.id, version: r.version, name: r.name, text: r.text, format: r.format, createdAt: r.created_at });

/** Model files, every version kept. A model's id is chosen once; each upload adds a version. */
export class ModelsRepo {
  private readonly sql: Statements;
  constructor(private readonly db: Database) {
    this.sql = statements(db);
  }

  /** Adds version 1 of a new model, or the next version of an existing one. */
  add(id: string, name: string, text: string, format: ModelFormat): ModelRecord {
    return this.db.transaction((): ModelRecord => {
      const last = this.sql('SELECT MAX(version) AS v FROM models WHERE id = ?').get(id) as { v: number | null };
      const version = (last.v ?? 0) + 1;
      const createdAt = now();
      this.sql('INSERT INTO models (id, version, name, text, format, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, version, name, text, format, createdAt);
      return { id, version, name, text, format, createdAt };
    })();
  }

  /** Version 1 of a new model, or undefined (nothing stored) when the id has a version already. */
  addFirst(id: string, name: string, text: string, format: ModelFormat): ModelRecord | undefined {
    return this.db.transaction((): ModelRecord | undefined => (this.exists(id) ? undefined : this.add(id, name, text, format)))();
  }

  exists(id: string): boolean {
    return this.sql('SELECT 1 FROM models WHERE id = ? LIMIT 1').get(id) !== undefined;
  }

  /** The given version, or the latest one. */
  get(id: string, version?: number): ModelRecord | undefined {
    const row = (
      version === undefined
        ? this.sql('SELECT * FROM models WHERE id = ? ORDER BY version DESC LIMIT 1').get(id)
        : this.sql('SELECT * FROM models WHERE id = ? AND version = ?').get(id, version)
    ) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** The latest version of every model, by id. */
  list(): ModelListing[] {
    const rows = this.sql('SELECT id, version, name, format, created_at FROM models m WHERE version = (SELECT MAX(version) FROM models WHERE id = m.id) ORDER BY id')
      .all() as Omit<Row, 'text'>[];
    return rows.map((r) => ({ id: r.id, version: r.version, name: r.name, format: r.format, createdAt: r.created_at }));
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM models').get() as { n: number }).n;
  }
}
