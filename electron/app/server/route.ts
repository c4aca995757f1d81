import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access, BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from '../../../shared/api/endpoint.js';
import { AppError } from '../app-error.js';
import type { SignedIn } from './auth-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; checked by the access hook and by the route-rule test. */
    access?: Access;
    endpoint?: Endpoint;
  }
}

export interface HandlerContext<E extends Endpoint> {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  /** The caller; throws `unauthenticated` on a public route without a session. */
  me(): SignedIn;
  req: FastifyRequest;
  reply: FastifyReply;
}

function parseInput<S extends z.ZodType>(schema: S | undefined, value: unknown, where: 'params' | 'query' | 'body'): z.infer<S> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? {} : value));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new AppError('validation', { field: path ? `${where}.${path}` : where, detail: issue?.message ?? 'invalid' });
}

/**
 * Registers a handler for an endpoint of shared/api: validates params, query
 * and body with its zod schemas (400 naming the field), declares its access
 * rule for the auth hook, and passes the result through the response schema
 * so nothing undeclared (a password hash, say) ever leaves the server.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  ep: E,
  handler: (ctx: HandlerContext<E>) => ResponseOf<E> | Promise<ResponseOf<E>>,
): void {
  app.route({
    method: ep.method,
    url: ep.path,
    config: { access: ep.access, endpoint: ep },
    handler: async (req, reply) => {
      const ctx: HandlerContext<E> = {
        params: parseInput(ep.params, req.params, 'params') as ParamsOf<E>,
        query: parseInput(ep.query, req.query, 'query') as QueryOf<E>,
        body: parseInput(ep.body, req.body, 'body') as BodyOf<E>,
        me: () => {
          if (!req.auth) throw new AppError('unauthenticated');
          return req.auth;
        },
        req,
        reply,
      };
      const result = await handler(ctx);
      const checked = ep.response.safeParse(result);
      if (!checked.success) {
        req.log.error({ issues: checked.error.issues, url: ep.path }, 'response does not match its schema');
        throw new AppError('internal', { detail: 'response does not match its schema' });
      }
      return checked.data;
    },
  });
}
