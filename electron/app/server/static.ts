import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy.js';
import { AppError } from '../app-error.js';


/**
 * Serves the built renderer to browsers (hub, or `npm start` without Electron).
 * Paths without a file fall back to index.html so client routes like
 * /admin/users survive a reload; unknown /api paths stay JSON 404s.
 */
export async function registerRenderer(app: FastifyInstance, rendererDir: string | undefined): Promise<void> {
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    return payload;
  });

  const haveRenderer = rendererDir !== undefined && existsSync(`${rendererDir}/index.html`);
  if (haveRenderer) {
    await app.register(fastifyStatic, { root: rendererDir, serve: false });
  }

  app.route({
    method: 'GET',
    url: '/*',
    config: { access: { kind: 'public' } },
    handler: async (req, reply) => {
      const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
      if (path.startsWith('/api/') || path === '/api') throw new AppError('not_found');
      if (!haveRenderer) {
        return reply.type('text/plain; charset=utf-8').status(503).send('The Kamiless UI is not built: run `npm run build`.');
      }
      const file = path.replace(/^\/+/, '');
      const looksLikeFile = /\.[a-z0-9]+$/i.test(file);
      if (looksLikeFile) {
        // @fastify/static refuses paths that leave its root.
        const cache = file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        return reply.header('cache-control', cache).sendFile(file);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    },
  });
  app.setNotFoundHandler((_req, _reply) => {
    throw new AppError('not_found');
  });
}
