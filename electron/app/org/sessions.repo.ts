import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

export interface SessionPolicy {
  /** Signed out after this long without a request. */
  idleMs: number;
  /** Signed out after this long whatever happens. */
  absoluteMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 60 * 60_000, absoluteMs: 12 * 60 * 60_000 };

export interface ActiveSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
}

interface SessionRow {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Server-side sessions. Only the token's hash is stored; `touch` is written at
 * most once a minute per session, so reads don't turn every request into a write.
 */
export function createSessionsRepo(db: Db, clock: Clock, policy: SessionPolicy = defaultSessionPolicy) {
  const insert = db.prepare(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const byHash = db.prepare('SELECT token_hash, user_id, csrf_token, last_seen_at, expires_at, revoked_at FROM sessions WHERE token_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?');
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const revokeUser = db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?');

  return {
    policy,
    create(userId: number, meta: { ip: string; userAgent: string }): { token: string; session: ActiveSession } {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = clock.now();
      const tokenHash = sha256(token);
      insert.run(tokenHash, userId, csrfToken, now, now, now + policy.absoluteMs, meta.ip, meta.userAgent.slice(0, 300));
      return { token, session: { tokenHash, userId, csrfToken } };
    },
    /** The live session for a cookie token, or null if unknown, revoked, idle too long or past its end. */
    resolve(token: string): ActiveSession | null {
      const row = byHash.get(sha256(token)) as SessionRow | undefined;
      const now = clock.now();
      if (!row || row.revoked_at !== null || now >= row.expires_at || now - row.last_seen_at >= policy.idleMs) return null;
      if (now - row.last_seen_at > 60_000) touch.run(now, row.token_hash);
      return { tokenHash: row.token_hash, userId: row.user_id, csrfToken: row.csrf_token };
    },
    revoke(tokenHash: string): void {
      revoke.run(clock.now(), tokenHash);
    },
    /** Every session of the user except `keep` (the caller's own, when they change their password). */
    revokeAllOf(userId: number, keep = ''): void {
      revokeUser.run(clock.now(), userId, keep);
    },
    purgeOld(): void {
      const dayAgo = clock.now() - 24 * 60 * 60_000;
      purge.run(dayAgo, dayAgo);
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
