import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../../shared/api/errors.js';
import { describeError, pickLanguage } from '../../../shared/i18n/errors.js';
import { AppError } from '../app-error.js';

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as Partial<FastifyError>;
  // Fastify's own 4xx (malformed JSON, wrong content type, body too large) are the caller's input errors.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation', { field: 'body', detail: fe.message ?? 'bad request' });
  }
  return new AppError('internal');
}

/** The one mapping from AppError to HTTP status and to the caller's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(err);
    if (e.code === 'internal') req.log.error({ err }, 'internal error');
    const lang = pickLanguage(req.headers['accept-language']);
    const body: ErrorBody = { error: { code: e.code, message: describeError(e.code, lang, e.field) } };
    if (e.field) body.error.field = e.field;
    if (e.code !== 'internal' && e.message !== e.code) body.error.detail = e.message;
    if (e.current !== undefined) body.error.current = e.current;
    if (e.retryAfterSeconds !== undefined) {
      body.error.retryAfterSeconds = e.retryAfterSeconds;
      void reply.header('retry-after', String(e.retryAfterSeconds));
    }
    void reply.status(e.status).send(body);
  });
}
