import type { FastifyInstance } from 'fastify';
import type { EventHub } from '../event-hub.js';

export interface EventsPluginOptions {
  hub: EventHub;
  /** A comment line this often keeps proxies and the browser from closing an idle stream. */
  heartbeatMs?: number;
}

/** The path of the event stream; a route of its own (not a JSON endpoint of shared/api). */
export const eventsPath = '/api/events';

/**
 * GET /api/events: a server-sent event stream of what changes on the hub
 * (`event: printlog`, data JSON), for signed-in users; the browser's
 * EventSource reconnects by itself after a drop.
 */
export function eventsPlugin(opts: EventsPluginOptions) {
  return async (app: FastifyInstance) => {
    const open = new Set<() => void>();
    app.addHook('onClose', async () => {
      for (const end of open) end();
    });
    app.route({
      method: 'GET',
      url: eventsPath,
      config: { access: { kind: 'signedIn' } },
      handler: async (req, reply) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // nginx and similar would otherwise hold events back until a buffer fills.
          'x-accel-buffering': 'no',
        });
        res.write('retry: 3000\n\n');
        const unsubscribe = opts.hub.subscribe((name, data) => {
          res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
        });
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs ?? 25_000);
        heartbeat.unref();
        const end = () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(end);
          if (!res.writableEnded) res.end();
        };
        open.add(end);
        req.raw.on('close', end);
      },
    });
  };
}
