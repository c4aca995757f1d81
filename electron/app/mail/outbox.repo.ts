import type { OutboxStatus } from '../../../shared/api/mail.js';
import type { Db } from '../db/connection.js';

export interface QueuedMail {
  noticeKey: string;
  userId: number | null;
  to: string;
  subject: string;
  body: string;
}

export interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: string;
}

/** The `mail_outbox` table: what waits to be sent, what was, and what was given up on. */
export function createOutboxRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO mail_outbox (notice_key, user_id, to_address, subject, body, next_attempt_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notice_key) DO NOTHING`),
    due: db.prepare(`SELECT id, to_address, subject, body, attempts, created_at FROM mail_outbox
      WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`),
    sent: db.prepare(`UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, smtp_response = ?, last_error = '' WHERE id = ?`),
    retry: db.prepare('UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?'),
    giveUp: db.prepare(`UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`),
    retryNow: db.prepare(`UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = ?
      WHERE status = 'failed' OR (status = 'queued' AND last_error <> '')`),
    counts: db.prepare('SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status'),
    failures: db.prepare(`SELECT id, to_address, subject, status, attempts, last_error, created_at, next_attempt_at FROM mail_outbox
      WHERE last_error <> '' AND status IN ('queued', 'failed') ORDER BY id DESC LIMIT ?`),
  };
  return {
    /** Queues a mail due at `dueMs`; a notice already queued (same key) is left as it is. Answers whether a row was added. */
    add(mail: QueuedMail, dueMs: number, createdAt: string): boolean {
      return s.insert.run(mail.noticeKey, mail.userId, mail.to, mail.subject, mail.body, dueMs, createdAt).changes === 1;
    },
    due(nowMs: number, limit: number): OutboxRow[] {
      return s.due.all(nowMs, limit) as OutboxRow[];
    },
    markSent(id: number, at: string, response: string): void {
      s.sent.run(at, response, id);
    },
    markRetry(id: number, nextMs: number, error: string): void {
      s.retry.run(nextMs, error, id);
    },
    markFailed(id: number, error: string): void {
      s.giveUp.run(error, id);
    },
    /**
     * Every mail given up on, or waiting for its next try after a failure, is due at `nowMs` with its tries counted
     * afresh (its last error stays until it is sent). Answers how many.
     */
    retryNow(nowMs: number): number {
      return s.retryNow.run(nowMs).changes;
    },
    status(lastFailures = 10): OutboxStatus {
      const counts = { queued: 0, sent: 0, failed: 0 };
      for (const r of s.counts.all() as { status: keyof typeof counts; n: number }[]) counts[r.status] = r.n;
      const rows = s.failures.all(lastFailures) as {
        id: number; to_address: string; subject: string; status: 'queued' | 'failed'; attempts: number; last_error: string; created_at: string; next_attempt_at: number;
      }[];
      return {
        ...counts,
        lastFailures: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at,
          nextAttemptAt: r.status === 'queued' ? new Date(r.next_attempt_at).toISOString() : null,
        })),
      };
    },
  };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
