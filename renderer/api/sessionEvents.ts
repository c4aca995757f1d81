/**
 * Raised when the server says the session is gone (expired, signed out
 * elsewhere, user deactivated). The app listens and sends the user to /login;
 * the client itself knows nothing about routing.
 */
export const SESSION_EXPIRED = 'session-expired';

export const sessionEvents = new EventTarget();

export function announceSessionExpired(): void {
  sessionEvents.dispatchEvent(new Event(SESSION_EXPIRED));
}

export function onSessionExpired(listener: () => void): () => void {
  sessionEvents.addEventListener(SESSION_EXPIRED, listener);
  return () => sessionEvents.removeEventListener(SESSION_EXPIRED, listener);
}
