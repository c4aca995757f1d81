import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '../../../../shared/api/endpoints.js';
import { AppError } from '../../app-error.js';
import { ChunkTooLarge, type IngestStore } from '../../printlog/ingest-store.js';
import type { Services } from '../../services.js';
import type { AgentCaller } from '../auth-context.js';
import { route } from '../route.js';

export interface IngestPluginOptions {
  store: IngestStore;
}

function agentOf(req: FastifyRequest): AgentCaller {
  // The access hook sets it on every sourceToken route before a handler runs.
  if (!req.agent) throw new AppError('unauthenticated');
  return req.agent;
}

/**
 * What branch agents call (`kamiless agent`): they say who they are, ask how
 * much of a file the hub holds, and send the rest. The hub keeps the bytes as
 * a copy its watcher reads like a watched folder.
 */
export function ingestPlugin(services: Services, opts: IngestPluginOptions) {
  return async (app: FastifyInstance) => {
    route(app, api.ingestHello, ({ body, req }) => {
      const agent = agentOf(req);
      const source = services.sources.byId(agent.sourceId);
      if (!source) throw new AppError('unauthenticated');
      if (body.format !== undefined && source.format !== 'auto' && body.format !== source.format) {
        throw new AppError('conflict', {
          field: 'body.format',
          detail: `the hub reads source ${source.name} as ${source.format}, not ${body.format}: change --format, or the source's format on the hub`,
        });
      }
      services.sources.agentSeen(source.id, { host: body.host, version: body.version, folder: body.path });
      return { source: source.name, format: source.format, siteCode: source.siteCode };
    });

    route(app, api.ingestFileState, async ({ query, req }) => {
      const agent = agentOf(req);
      services.sources.agentSeen(agent.sourceId, {});
      return opts.store.state(agent.sourceId, query.path);
    });

    // In a context of its own, so that only this route takes raw bytes.
    await app.register(async (upload) => {
      const ep = api.ingestChunk;
      const spec = ep.upload;
      if (!spec) throw new Error(`${ep.path} declares no upload`);
      upload.addContentTypeParser(spec.contentType, (_req, payload, done) => done(null, payload));

      route(upload, ep, async ({ query, req, reply }) => {
        const agent = agentOf(req);
        if (!(req.body instanceof Readable)) throw new AppError('validation', { field: 'body', detail: `send the bytes as ${spec.contentType}` });
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > spec.maxBytes) {
          void reply.header('connection', 'close');
          throw new AppError('too_large', { field: 'body', detail: `a chunk may carry at most ${spec.maxBytes} bytes` });
        }
        try {
          const state = await opts.store.append(agent.sourceId, query.path, { offset: query.offset, restart: query.restart, body: req.body, maxBytes: spec.maxBytes });
          services.sources.agentSeen(agent.sourceId, query.backlog === undefined ? {} : { backlog: query.backlog });
          return state;
        } catch (err) {
          if (err instanceof ChunkTooLarge) {
            void reply.header('connection', 'close');
            throw new AppError('too_large', { field: 'body', detail: err.message });
          }
          // The agent went away mid-chunk; what arrived is kept, and nobody is left to read a 500.
          if (req.raw.destroyed && !(err instanceof AppError)) throw new AppError('validation', { field: 'body', detail: 'the chunk ended early' });
          throw err;
        }
      });
    });
  };
}
