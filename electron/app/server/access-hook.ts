import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isStateChanging } from '../../../shared/api/endpoint.js';
import { AppError } from '../app-error.js';
import type { Services } from '../services.js';
import { toUser } from '../org/users.repo.js';
import { csrfHeader, secretHeader, sessionCookie } from './auth-context.js';

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One gate for every route, in this order: the desktop secret (when the core
 * serves only its own window), then the session, then CSRF on state-changing
 * requests, then the route's role rule; a branch agent's routes take its
 * source token instead of a session. A route that declares no rule is
 * refused outright, so forgetting one fails closed.
 */
export function registerAccessHook(app: FastifyInstance, services: Services, opts: { secret?: string | undefined }): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('agent', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (opts.secret !== undefined && !sameSecret(req.headers[secretHeader], opts.secret)) throw new AppError('bad_secret');
    const token = req.cookies[sessionCookie];
    if (token) {
      const session = services.sessions.resolve(token);
      const row = session ? services.users.find(session.userId) : undefined;
      req.auth = session && row?.active ? { session, user: toUser(row) } : null;
    }
  });

  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.is404) return;
    const access = req.routeOptions.config.access;
    if (!access) throw new AppError('forbidden', { detail: 'route declares no access rule' });
    if (access.kind === 'public') return;
    if (access.kind === 'sourceToken') {
      // No cookie is involved, so there is nothing for CSRF to protect.
      const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
      const source = bearer?.[1] === undefined ? undefined : services.sources.byToken(bearer[1]);
      if (!source || !source.active || source.kind !== 'agent') throw new AppError('unauthenticated', { detail: 'send the source token as Authorization: Bearer <token>' });
      req.agent = { sourceId: source.id, source: source.name };
      return;
    }
    if (!req.auth) throw new AppError('unauthenticated');
    if (isStateChanging(req.method) && !sameSecret(req.headers[csrfHeader], req.auth.session.csrfToken)) {
      throw new AppError('csrf_missing');
    }
    if (access.kind === 'role' && !access.roles.some((r) => req.auth?.user.roles.includes(r))) {
      throw new AppError('forbidden');
    }
  });
}
