import type { FastifyInstance } from 'fastify';
import type { CaseEventData, EventHub, ServerEventName, ServerEvents } from '../event-hub.js';

export interface EventsPluginOptions {
  hub: EventHub;
  /** A comment line this often keeps proxies and the browser from closing an idle stream. */
  heartbeatMs?: number;
}

/**
 * What one signed-in user receives of an event: a case event only if they are
 * in its audience, with only their own notices (who else was told what is not
 * theirs to know); everything else as it is.
 */
export function forUser(name: ServerEventName, data: ServerEvents[ServerEventName], userId: number | null): unknown {
  if (name !== 'case') return data;
  const c = data as CaseEventData;
  if (userId === null || !c.audience.includes(userId)) return null;
  return { caseId: c.caseId, number: c.number, title: c.title, state: c.state, version: c.version, notify: c.notify.filter((n) => n.userId === userId) };
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
        const userId = req.auth?.user.id ?? null;
        const unsubscribe = opts.hub.subscribe((name, data) => {
          const sent = forUser(name, data, userId);
          if (sent !== null) res.write(`event: ${name}\ndata: ${JSON.stringify(sent)}\n\n`);
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
