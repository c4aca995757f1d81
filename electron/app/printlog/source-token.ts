import { createHash, randomBytes } from 'node:crypto';

/**
 * The token a branch agent presents for its source. Only its SHA-256 is
 * stored, so a copied database (or backup) cannot be used to send logs as
 * that source; the token itself is shown once, when the source is created.
 */
export function newSourceToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSourceToken(token) };
}

export function hashSourceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
