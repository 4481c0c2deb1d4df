import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a token, hex: tokens are stored only as this. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token: 32 bytes, base64url (43 characters), prefixed with its role's letter. */
export function newToken(role: 'planner' | 'enterprise'): string {
  return `${role === 'planner' ? 'p' : 'e'}_${randomBytes(32).toString('base64url')}`;
}
