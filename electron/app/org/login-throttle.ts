import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

export interface ThrottlePolicy {
  windowMs: number;
  /** Failures for one login within the window that lock it. */
  perLogin: number;
  /** Failures from one address within the window that block it (password spraying). */
  perAddress: number;
  lockMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = { windowMs: 15 * 60_000, perLogin: 5, perAddress: 20, lockMs: 15 * 60_000 };

/**
 * Sign-in rate limit per account and per address, kept in the database so a
 * restart does not lift a lock. A success clears the account's count.
 */
export function createLoginThrottle(db: Db, clock: Clock, policy: ThrottlePolicy = defaultThrottlePolicy) {
  const record = db.prepare('INSERT INTO login_attempts (login, ip, at, success) VALUES (?, ?, ?, ?)');
  const lastSuccess = db.prepare('SELECT max(id) AS id FROM login_attempts WHERE login = ? AND success = 1');
  // Counted by id after the last success, not by time: a success and a failure can share a millisecond.
  const loginFailures = db.prepare('SELECT at FROM login_attempts WHERE login = ? AND success = 0 AND id > ? AND at > ? ORDER BY id DESC LIMIT ?');
  const addressFailures = db.prepare('SELECT at FROM login_attempts WHERE ip = ? AND success = 0 AND at > ? ORDER BY id DESC LIMIT ?');
  const purge = db.prepare('DELETE FROM login_attempts WHERE at < ?');

  /**
   * Locked when the newest `limit` failures fall within one window; the lock
   * runs from the newest of them. Refused attempts are not recorded, so
   * hammering a locked account does not extend its lock.
   */
  const lockedUntil = (failures: { at: number }[], limit: number): number | null => {
    const newest = failures[0]?.at;
    const oldest = failures[limit - 1]?.at;
    if (newest === undefined || oldest === undefined || newest - oldest > policy.windowMs) return null;
    return newest + policy.lockMs;
  };

  return {
    policy,
    /** Seconds to wait, or null when the attempt may go ahead. */
    retryAfter(login: string, ip: string): number | null {
      const now = clock.now();
      const horizon = now - policy.windowMs - policy.lockMs;
      const afterId = (lastSuccess.get(login) as { id: number | null }).id ?? 0;
      const untilLogin = lockedUntil(loginFailures.all(login, afterId, horizon, policy.perLogin) as { at: number }[], policy.perLogin);
      const untilIp = lockedUntil(addressFailures.all(ip, horizon, policy.perAddress) as { at: number }[], policy.perAddress);
      const until = Math.max(untilLogin ?? 0, untilIp ?? 0);
      return until > now ? Math.ceil((until - now) / 1000) : null;
    },
    record(login: string, ip: string, success: boolean): void {
      record.run(login, ip, clock.now(), success ? 1 : 0);
    },
    purgeOld(): void {
      purge.run(clock.now() - 24 * 60 * 60_000);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
