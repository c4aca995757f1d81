import { errorCodes, type ErrorCode } from '../../shared/api/errors.js';

/** Failures the client detects itself, never sent by the server. */
export type ClientErrorCode = 'network' | 'invalid_response';

const knownCodes: ReadonlySet<string> = new Set<string>(errorCodes);

/**
 * A failed API call. `code` is the server's stable error code (or a client
 * code); unknown server codes are kept as strings so a newer server still
 * shows its own message.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly status: number;
  /** Dotted path of the offending input, e.g. `body.login`. */
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The server's technical detail (English), e.g. why a log file could not be imported. */
  readonly detail: string | undefined;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    field?: string | undefined;
    retryAfterSeconds?: number | undefined;
    detail?: string | undefined;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.detail = init.detail;
  }

  /** The code if the shared error table knows it. */
  get knownCode(): ErrorCode | null {
    return knownCodes.has(this.code) ? (this.code as ErrorCode) : null;
  }

  /** Last segment of `field` (`body.login` → `login`), the name of the form input. */
  get fieldName(): string | undefined {
    return this.field?.split('.').pop();
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
