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
  /** E-approval: the case changed since the caller loaded it; the body carries it as it is now. */
  stale_version: 409,
  /** E-approval: not possible in the case's state (approving a withdrawn case, recalling after the next person acted). */
  wrong_state: 409,
  /** E-approval: nothing on the case waits for the caller. */
  not_your_turn: 403,
  /** E-approval: the caller may not do this (not the drafter, not a proxy or deputy of the assignee). */
  not_entitled: 403,
  /** E-approval: the caller's step expects another action (a 合議 step is agreed to, not approved). */
  wrong_action: 400,
  comment_required: 400,
  /** 代決 without the reason the approver is absent. */
  reason_required: 400,
  /** A send-back to a step that is not an earlier step that acted. */
  invalid_target: 400,
  /** Nobody holds a post the route needs (no 課長 in the department). */
  route_unresolvable: 422,
  /** An attachment that is not a readable PDF (or image). */
  invalid_file: 422,
  rate_limited: 429,
  internal: 500,
  /** Desktop: the window could not reach its core or the hub. */
  server_unreachable: 502,
  /** The case was disposed (廃棄) at the end of its retention period: its record stays, its files are gone. */
  disposed: 410,
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
    /** stale_version: the resource as it is now, so the client can show it without another request. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
