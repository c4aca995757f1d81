import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { AppError } from '../../app-error.js';
import { dummyHash, hashPassword, isTooWeak, verifyPassword } from '../../org/passwords.js';
import { toUser } from '../../org/users.repo.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';
import { clearSessionCookie, startSession } from '../session-cookie.js';

export function authPlugin(services: Services, opts: { secureCookies: boolean }) {
  const { users, sessions, throttle } = services;
  return async (app: FastifyInstance) => {
    route(app, api.login, async ({ body, req, reply }) => {
      const wait = throttle.retryAfter(body.login, req.ip);
      if (wait !== null) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      const creds = users.credentialsFor(body.login);
      const ok = await verifyPassword(body.password, creds?.passwordHash ?? dummyHash);
      // An inactive user is told the same as a wrong password: no hint that the login exists.
      if (!creds || !ok || !creds.active) {
        throttle.record(body.login, req.ip, false);
        throw new AppError('invalid_credentials', { field: 'body.password' });
      }
      throttle.record(body.login, req.ip, true);
      throttle.purgeOld();
      sessions.purgeOld();
      return startSession(services, req, reply, creds.id, opts.secureCookies);
    });

    route(app, api.logout, ({ me, reply }) => {
      sessions.revoke(me().session.tokenHash);
      clearSessionCookie(reply, opts.secureCookies);
      return { ok: true as const };
    });

    route(app, api.logoutEverywhere, ({ me, reply }) => {
      const { session } = me();
      sessions.revokeAllOf(session.userId);
      sessions.revoke(session.tokenHash);
      clearSessionCookie(reply, opts.secureCookies);
      return { ok: true as const };
    });

    route(app, api.me, ({ me }) => {
      const { user, session } = me();
      return { user, csrfToken: session.csrfToken };
    });

    route(app, api.changePassword, async ({ me, body, req }) => {
      const { user, session } = me();
      // Same limit as sign-in: a borrowed session must not become a way to guess the password.
      const wait = throttle.retryAfter(user.login, req.ip);
      if (wait !== null) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      const creds = users.credentialsFor(user.login);
      if (!creds || !(await verifyPassword(body.currentPassword, creds.passwordHash))) {
        throttle.record(user.login, req.ip, false);
        throw new AppError('wrong_current_password', { field: 'body.currentPassword' });
      }
      if (isTooWeak(body.newPassword, user.login)) throw new AppError('password_too_weak', { field: 'body.newPassword' });
      users.setPasswordHash(user.id, await hashPassword(body.newPassword));
      sessions.revokeAllOf(user.id, session.tokenHash);
      services.adminLog.record(user.id, 'password.change', `user:${user.id}`);
      return { ok: true as const };
    });

    route(app, api.setPreferences, ({ me, body }) => {
      const { user, session } = me();
      users.setLanguage(user.id, body.language);
      return { user: toUser(users.get(user.id)), csrfToken: session.csrfToken };
    });
  };
}
