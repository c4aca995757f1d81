import type { Db } from '../db/connection.js';

export function createSettingsRepo(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get(key: string): string | null {
      const row = get.get(key) as { value: string } | undefined;
      return row?.value ?? null;
    },
    set(key: string, value: string): void {
      put.run(key, value);
    },
    townName(): string {
      return this.get('town.name') ?? '';
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
