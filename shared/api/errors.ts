import { z } from 'zod';

/**
 * Stable error codes: clients and acceptance tests match on these, so never
 * rename one. Each maps once to an HTTP status (here) and to ja/en text
 * (shared/i18n/errors.ts).
 */
export const errorStatus = {
  validation: 400,
  password_too_weak: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_current_password: 400,
  forbidden: 403,
  csrf_missing: 403,
  bad_secret: 403,
  not_found: 404,
  unknown_reference: 400,
  last_admin: 409,
  conflict: 409,
  duplicate: 409,
  setup_already_done: 409,
  in_use: 409,
  /** A branch agent sent bytes past the end of what the hub holds: it asks again where to resume. */
  offset_mismatch: 409,
  /** An upload larger than its endpoint accepts. */
  too_large: 413,
  /** A log file that could not be imported: format not recognised, unreadable, a mapping missing. */
  import_failed: 422,
  rate_limited: 429,
  internal: 500,
  /** Desktop: the window could not reach its core or the hub. */
  server_unreachable: 502,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Dotted path of the offending input field, e.g. `body.login`. */
    field: z.string().optional(),
    /** Technical detail for integrators (English), e.g. the schema's complaint. */
    detail: z.string().optional(),
    retryAfterSeconds: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
