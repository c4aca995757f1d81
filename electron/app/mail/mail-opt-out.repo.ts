import type { Db } from '../db/connection.js';

/** Users who turned their own mail notices off; everyone else with an address receives them. */
export function createMailOptOutRepo(db: Db) {
  const s = {
    has: db.prepare('SELECT 1 FROM mail_opt_out WHERE user_id = ?'),
    add: db.prepare('INSERT INTO mail_opt_out (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING'),
    remove: db.prepare('DELETE FROM mail_opt_out WHERE user_id = ?'),
  };
  return {
    wantsMail(userId: number): boolean {
      return s.has.get(userId) === undefined;
    },
    set(userId: number, wantsMail: boolean): void {
      (wantsMail ? s.remove : s.add).run(userId);
    },
  };
}
export type MailOptOutRepo = ReturnType<typeof createMailOptOutRepo>;
