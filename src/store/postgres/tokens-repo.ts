import { hashToken } from '../hash-token.js';
import { now } from '../now.js';
import type { TokensRepository } from '../plenty-store.js';
import type { Role, TokenRecord } from '../types.js';
import type { Sql } from './sql.js';

/**
 * Access tokens in PostgreSQL, as SHA-256 hashes only. Looked up in the database every time (no
 * copy in memory): a token removed on one node is refused by every node at once.
 */
export class PgTokensRepo implements TokensRepository {
  constructor(private readonly sql: Sql) {}

  async add(token: string, role: Role, enterprise: string | null, label: string | null = null): Promise<void> {
    await this.sql.query('INSERT INTO tokens (hash, role, enterprise, label, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING', [hashToken(token), role, enterprise, label, now()]);
  }

  async find(token: string): Promise<TokenRecord | undefined> {
    const r = await this.sql.query<TokenRecord>('SELECT role, enterprise, label FROM tokens WHERE hash = $1', [hashToken(token)]);
    if (r.rows.length === 0) return undefined;
    const { role, enterprise, label } = r.rows[0];
    return { role, enterprise, label };
  }

  async count(role: Role): Promise<number> {
    return (await this.sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM tokens WHERE role = $1', [role])).rows[0].n;
  }

  async removeLabelled(label: string): Promise<number> {
    return (await this.sql.query('DELETE FROM tokens WHERE label = $1', [label])).rowCount ?? 0;
  }
}
