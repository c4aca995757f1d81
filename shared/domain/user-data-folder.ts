/**
 * Where Kamiless keeps its per-user files, computed the same way Electron's
 * `app.getPath('userData')` does for productName "Kamiless", so that the
 * desktop app and the browser fallback of `npm start` share one database.
 * Pure (no Node APIs) because shared/ runs anywhere: callers pass the platform,
 * the environment and the home folder.
 */
export const PRODUCT_NAME = 'Kamiless';

export type Environment = Readonly<Record<string, string | undefined>>;

function separatorFor(platform: string): string {
  return platform === 'win32' ? '\\' : '/';
}

function isAbsoluteFor(platform: string, path: string): boolean {
  if (platform === 'win32') return /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
  return path.startsWith('/');
}

function join(platform: string, first: string, ...rest: string[]): string {
  // Trailing separators on the base ("/home/a/", "C:\\") would double up; a bare "/" becomes "".
  const base = first.replace(/[\\/]+$/, '');
  return [base, ...rest].join(separatorFor(platform));
}

/** The OS folder for application data: Electron's `app.getPath('appData')`. */
export function appDataFolder(platform: string, env: Environment, home: string): string {
  switch (platform) {
    case 'win32': {
      const appData = env['APPDATA'];
      return appData && isAbsoluteFor(platform, appData) ? appData : join(platform, home, 'AppData', 'Roaming');
    }
    case 'darwin':
      return join(platform, home, 'Library', 'Application Support');
    default: {
      // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const config = env['XDG_CONFIG_HOME'];
      return config && isAbsoluteFor(platform, config) ? config : join(platform, home, '.config');
    }
  }
}

/** `app.getPath('userData')` for productName Kamiless: settings, window state, data. */
export function userDataFolder(platform: string, env: Environment, home: string): string {
  return join(platform, appDataFolder(platform, env, home), PRODUCT_NAME);
}

/** The default data folder (database, blobs) of a standalone installation. */
export function standaloneDataFolder(platform: string, env: Environment, home: string): string {
  return join(platform, userDataFolder(platform, env, home), 'data');
}
