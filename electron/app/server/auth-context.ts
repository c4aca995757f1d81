import type { User } from '../../../shared/api/org.js';
import type { ActiveSession } from '../org/sessions.repo.js';

/** The caller of a request, resolved once from the session cookie. */
export interface SignedIn {
  session: ActiveSession;
  user: User;
}

/** A branch agent, resolved from its source's token on `sourceToken` routes. */
export interface AgentCaller {
  sourceId: number;
  source: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: SignedIn | null;
    agent: AgentCaller | null;
  }
}

export const sessionCookie = 'kamiless_session';
export const csrfHeader = 'x-csrf-token';
export const secretHeader = 'x-kamiless-secret';
