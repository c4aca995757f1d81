import type { User } from '../../../shared/api/org.js';
import type { ActiveSession } from '../org/sessions.repo.js';

/** The caller of a request, resolved once from the session cookie. */
export interface SignedIn {
  session: ActiveSession;
  user: User;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: SignedIn | null;
  }
}

export const sessionCookie = 'kamiless_session';
export const csrfHeader = 'x-csrf-token';
export const secretHeader = 'x-kamiless-secret';
