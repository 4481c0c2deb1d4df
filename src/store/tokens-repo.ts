import type { Database } from 'better-sqlite3';
import { hashToken } from './hash-token.js';
import { now } from './now.js';
import type { Role, TokenRecord } from './types.js';

/** Access tokens, stored as SHA-256 hashes only. */
export class TokensRepo {
  constructor(private readonly db: Database) {}

  /** Stores a token's hash (nothing happens if it is there already). */
  add(token: string, role: Role, enterprise: string | null, label: string | null = null): void {
    this.db.prepare('INSERT OR IGNORE INTO tokens (hash, role, enterprise, label, created_at) VALUES (?, ?, ?, ?, ?)').run(hashToken(token), role, enterprise, label, now());
  }

  /** Who holds this token, or undefined for an unknown one. */
  find(token: string): TokenRecord | undefined {
    const r = this.db.prepare('SELECT role, enterprise, label FROM tokens WHERE hash = ?').get(hashToken(token)) as TokenRecord | undefined;
    return r === undefined ? undefined : { role: r.role, enterprise: r.enterprise, label: r.label };
  }

  count(role: Role): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM tokens WHERE role = ?').get(role) as { n: number }).n;
  }

  /** Removes every token with this label (e.g. the previous run's session token). */
  removeLabelled(label: string): number {
    return this.db.prepare('DELETE FROM tokens WHERE label = ?').run(label).changes;
  }
}
