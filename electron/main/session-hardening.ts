import type { Session } from 'electron';
import { isAppUrl } from './app-origin.js';

/**
 * Writing plain text to the clipboard ("copy case number") is the only web
 * permission the UI needs, and only for our own pages. Notifications are not
 * granted: they go through window.kamiless.notify, which main validates.
 * Camera, microphone, location, USB, serial, openExternal, … stay denied.
 */
const allowed = new Set<string>(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return allowed.has(permission) && isAppUrl(requestingUrl);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}
