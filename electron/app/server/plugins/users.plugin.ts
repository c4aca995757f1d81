import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { AppError } from '../../app-error.js';
import { hashPassword, isTooWeak } from '../../org/passwords.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

export function usersPlugin(services: Services) {
  const { users, sessions, adminLog } = services;
  return async (app: FastifyInstance) => {
    route(app, api.listUsers, ({ query }) => ({ ...users.search(query), page: query.page, pageSize: query.pageSize }));

    route(app, api.createUser, async ({ body, me }) => {
      if (isTooWeak(body.password, body.login)) throw new AppError('password_too_weak', { field: 'body.password' });
      const { password, ...input } = body;
      const user = users.create(input, await hashPassword(password));
      adminLog.record(me().user.id, 'user.create', `user:${user.id}`, { login: user.login, roles: user.roles });
      return user;
    });

    route(app, api.updateUser, ({ params, body, me }) => {
      const before = users.get(params.id);
      const user = users.update(params.id, body);
      // Losing access takes effect now, not when the old session times out.
      const rolesChanged = body.roles !== undefined && [...body.roles].sort().join() !== [...before.roles].sort().join();
      if (!user.active || rolesChanged) sessions.revokeAllOf(user.id);
      adminLog.record(me().user.id, 'user.update', `user:${user.id}`, body);
      return user;
    });

    route(app, api.resetPassword, async ({ params, body, me }) => {
      const user = users.get(params.id);
      if (isTooWeak(body.newPassword, user.login)) throw new AppError('password_too_weak', { field: 'body.newPassword' });
      users.setPasswordHash(user.id, await hashPassword(body.newPassword));
      sessions.revokeAllOf(user.id);
      adminLog.record(me().user.id, 'user.password-reset', `user:${user.id}`);
      return { ok: true as const };
    });
  };
}
