/** The privileged scheme and host the window is served from (never http://localhost). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kamiless';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** True for URLs of our own origin; a prefix test on the raw string would accept "app://kamiless.evil/". */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}
