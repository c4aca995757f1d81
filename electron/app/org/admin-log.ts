import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

/** Records who changed the organisation or someone's access (never who signed in: see login_attempts). */
export function createAdminLog(db: Db, clock: Clock) {
  const insert = db.prepare('INSERT INTO admin_log (at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?)');
  return {
    record(actorId: number | null, action: string, target: string, detail: Record<string, unknown> = {}): void {
      insert.run(new Date(clock.now()).toISOString(), actorId, action, target, JSON.stringify(detail));
    },
  };
}
export type AdminLog = ReturnType<typeof createAdminLog>;
