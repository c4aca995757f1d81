import { join, resolve } from 'node:path';
import type { DesktopSettings } from './settings.js';

/**
 * The standalone data folder: KAMILESS_DATA (tests, IT-managed installs), then
 * the folder chosen in settings, then userData/data, which is also where the
 * browser fallback of `npm start` looks (shared/domain/user-data-folder.ts).
 */
export function resolveDataFolder(env: NodeJS.ProcessEnv, settings: DesktopSettings, userDataDir: string): string {
  const fromEnv = env['KAMILESS_DATA'];
  return fromEnv ? resolve(fromEnv) : (settings.dataDir ?? join(userDataDir, 'data'));
}
