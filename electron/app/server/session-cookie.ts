import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '../../../shared/api/auth.js';
import type { Services } from '../services.js';
import { toUser } from '../org/users.repo.js';
import { sessionCookie } from './auth-context.js';

/** Starts a session for `userId`, sets its cookie and returns what the client needs. */
export function startSession(services: Services, req: FastifyRequest, reply: FastifyReply, userId: number, secure: boolean): SessionInfo {
  const { token, session } = services.sessions.create(userId, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
  // A browser-session cookie (no Max-Age): closing the browser on a shared counter PC signs out.
  void reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  return { user: toUser(services.users.get(userId)), csrfToken: session.csrfToken };
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
