import { errorStatus, type ErrorCode } from '../../shared/api/errors.js';

/**
 * The one error type of the core. `code` is stable (clients match on it);
 * `field` names the offending input (`body.login`) so the UI can put the
 * message under the right input.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** stale_version: the resource as it is now. */
  readonly current: unknown;

  constructor(code: ErrorCode, opts: { field?: string; detail?: string; retryAfterSeconds?: number; current?: unknown } = {}) {
    super(opts.detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.current = opts.current;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
