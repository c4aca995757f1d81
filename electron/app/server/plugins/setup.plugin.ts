import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { AppError } from '../../app-error.js';
import { hashPassword, isTooWeak } from '../../org/passwords.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';
import { startSession } from '../session-cookie.js';

/**
 * First-run set-up over HTTP: only while the town has no user at all, so it
 * can never be used to add an administrator to a running town.
 */
export function setupPlugin(services: Services, opts: { secureCookies: boolean }) {
  return async (app: FastifyInstance) => {
    route(app, api.setup, async ({ body, req, reply }) => {
      if (services.users.count() > 0) throw new AppError('setup_already_done');
      if (isTooWeak(body.admin.password, body.admin.login)) throw new AppError('password_too_weak', { field: 'body.admin.password' });
      const hash = await hashPassword(body.admin.password);
      const id = services.db.transaction(() => {
        if (services.users.count() > 0) throw new AppError('setup_already_done');
        services.settings.set('town.name', body.townName);
        const user = services.users.create(
          { login: body.admin.login, name: body.admin.name, kana: '', email: '', departmentId: null, positionId: null, roles: ['admin', 'dx', 'clerk'] },
          hash,
        );
        services.adminLog.record(user.id, 'setup', 'town', { townName: body.townName });
        return user.id;
      })();
      return startSession(services, req, reply, id, opts.secureCookies);
    });
  };
}
