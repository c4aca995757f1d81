/**
 * The CSRF token of the current session. It lives in memory only: the session
 * cookie is HTTP-only, and a reload fetches the token again from GET /api/me.
 */
let token: string | null = null;

export function csrfToken(): string | null {
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
}
