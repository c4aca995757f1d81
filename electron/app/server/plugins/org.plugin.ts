import type { FastifyInstance } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

/** Sites, departments and positions. Changes are logged with the acting admin. */
export function orgPlugin(services: Services) {
  const { sites, departments, positions, adminLog } = services;
  return async (app: FastifyInstance) => {
    route(app, api.updateTown, ({ body, me }) => {
      services.settings.set('town.name', body.townName);
      adminLog.record(me().user.id, 'town.update', 'town', body);
      return { townName: services.settings.townName() };
    });

    route(app, api.listSites, () => sites.list());
    route(app, api.createSite, ({ body, me }) => {
      const site = sites.create(body);
      adminLog.record(me().user.id, 'site.create', `site:${site.id}`, body);
      return site;
    });
    route(app, api.updateSite, ({ params, body, me }) => {
      const site = sites.update(params.id, body);
      adminLog.record(me().user.id, 'site.update', `site:${site.id}`, body);
      return site;
    });

    route(app, api.listDepartments, () => departments.list());
    route(app, api.createDepartment, ({ body, me }) => {
      const dept = departments.create(body);
      adminLog.record(me().user.id, 'department.create', `department:${dept.id}`, body);
      return dept;
    });
    route(app, api.updateDepartment, ({ params, body, me }) => {
      const dept = departments.update(params.id, body);
      adminLog.record(me().user.id, 'department.update', `department:${dept.id}`, body);
      return dept;
    });

    route(app, api.listPositions, () => positions.list());
    route(app, api.createPosition, ({ body, me }) => {
      const position = positions.create(body);
      adminLog.record(me().user.id, 'position.create', `position:${position.id}`, body);
      return position;
    });
    route(app, api.updatePosition, ({ params, body, me }) => {
      const position = positions.update(params.id, body);
      adminLog.record(me().user.id, 'position.update', `position:${position.id}`, body);
      return position;
    });
  };
}
