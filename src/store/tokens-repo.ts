import type { Database } from 'better-sqlite3';
import { hashToken } from './hash-token.js';
import { now } from './now.js';
import { statements, type Statements } from './statements.js';
import type { Role, TokenRecord } from './types.js';

/**
 * Access tokens, stored as SHA-256 hashes only. Tokens found are kept in memory by their hash
 * (never in clear) until tokens change through this repository; unknown tokens are not kept.
 */
export class TokensRepo {
  private readonly sql: Statements;
  private readonly verified = new Map<string, TokenRecord>();
  constructor(private readonly db: Database) {
    this.sql = statements(db);
  }
  /** Stores a token's hash (nothing happens if it is there already). */
  add(token: string, role: Role, enterprise: string | null, label: string | null = null): void {
    this.verified.clear();
    this.sql('INSERT OR IGNORE INTO tokens (hash, role, enterprise, label, created_at) VALUES (?, ?, ?, ?, ?)').run(hashToken(token), role, enterprise, label, now());
  }
  /** Who holds this token, or undefined for an unknown one. */
  find(token: string): TokenRecord | undefined {
    const hash = hashToken(token);
    const kept = this.verified.get(hash);
    if (kept !== undefined) return kept;
    const r = this.sql('SELECT role, enterprise, label FROM tokens WHERE hash = ?').get(hash) as TokenRecord | undefined;
    if (r === undefined) return undefined;
    const found: TokenRecord = { role: r.role, enterprise: r.enterprise, label: r.label };
    // Inside a transaction the row may still be rolled back: answer it, keep nothing.
    if (!this.db.inTransaction) this.verified.set(hash, found);
    return found;
  }
  count(role: Role): number {
    return (this.sql('SELECT COUNT(*) AS n FROM tokens WHERE role = ?').get(role) as { n: number }).n;
  }
  /** Removes every token with this label (e.g. the previous run's session token). */
  removeLabelled(label: string): number {
    this.verified.clear();
    return this.sql('DELETE FROM tokens WHERE label = ?').run(label).changes;
  }
}
