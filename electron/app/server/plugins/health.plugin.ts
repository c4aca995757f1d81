import type { FastifyInstance } from 'fastify';
import type { Mode } from '../../../../shared/api/auth.js';
import { api } from '../../../../shared/api/endpoints.js';
import { schemaVersion } from '../../db/migrate.js';
import type { Services } from '../../services.js';
import { route } from '../route.js';

export function healthPlugin(services: Services, info: { version: string; mode: Mode }) {
  return async (app: FastifyInstance) => {
    route(app, api.health, () => ({
      name: 'kamiless' as const,
      version: info.version,
      mode: info.mode,
      schemaVersion: schemaVersion(services.db),
      setupRequired: services.users.count() === 0,
      townName: services.settings.townName(),
    }));
  };
}
