import type { z } from 'zod';
import {
  api,
  errorBodySchema,
  isStateChanging,
  sessionSchema,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
} from '../../shared/api/index.js';
import { uiLanguage } from '../i18n/language.js';
import { ApiError } from './ApiError.js';
import { csrfToken, setCsrfToken } from './csrf.js';
import { announceSessionExpired } from './sessionEvents.js';
import { buildQuery, fillPath } from './url.js';

/** An input part is required when the endpoint declares it and absent otherwise. */
type Part<K extends string, T> = [T] extends [never]
  ? { readonly [P in K]?: undefined }
  : { readonly [P in K]: T };

export type CallInput<E> = Part<'params', ParamsOf<E>> & Part<'query', QueryOf<E>> & Part<'body', BodyOf<E>>;

type CallArgs<E> = [ParamsOf<E>, QueryOf<E>, BodyOf<E>] extends [never, never, never]
  ? [input?: CallInput<E>]
  : [input: CallInput<E>];

export type CallResult<E extends Endpoint> = z.output<E['response']>;

interface LooseInput {
  readonly params?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

/**
 * The auth calls answer 401 as part of their normal job (probe, wrong
 * password, signing out a session that already ended); on any other call a
 * 401 means "your session has ended".
 */
const AUTH_PATHS: ReadonlySet<string> = new Set(
  [api.me, api.login, api.setup, api.logout, api.logoutEverywhere].map((e) => e.path),
);

/**
 * Calls one endpoint of `shared/api` and returns its parsed response.
 * Throws ApiError for every failure, so callers handle one error type.
 */
export async function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<CallResult<E>> {
  // CallArgs already checked the shape against the endpoint; from here on the
  // request is built generically.
  const input: unknown = args[0];
  const data = await send(endpoint, (input ?? {}) as LooseInput);
  return data as CallResult<E>;
}

/** `call` with the input always passed: handy where the input is itself generic (mutations). */
export function request<E extends Endpoint>(endpoint: E, input: CallInput<E>): Promise<CallResult<E>> {
  const loose: unknown = input;
  return send(endpoint, loose as LooseInput) as Promise<CallResult<E>>;
}

async function send(endpoint: Endpoint, input: LooseInput): Promise<unknown> {
  const url = fillPath(endpoint.path, input.params) + buildQuery(input.query);

  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': uiLanguage(),
  };
  const init: RequestInit = { method: endpoint.method, credentials: 'same-origin', headers };
  if (input.body !== undefined) {
    // Only with a body: Fastify refuses an empty body labelled as JSON.
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(input.body);
  }
  const token = csrfToken();
  if (isStateChanging(endpoint.method) && token) headers['x-csrf-token'] = token;

  return receive(endpoint, fetch(url, init));
}

/** An endpoint's answer, checked and parsed as `call` does; also for a request started elsewhere (index.html's early script). */
export async function receive(endpoint: Endpoint, answer: Promise<Response>): Promise<unknown> {
  let response: Response;
  try {
    response = await answer;
  } catch (cause) {
    throw new ApiError({
      code: 'network',
      message: cause instanceof Error ? cause.message : 'Network error',
      status: 0,
    });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.status === 401 && error.code === 'unauthenticated' && !AUTH_PATHS.has(endpoint.path)) {
      setCsrfToken(null);
      announceSessionExpired();
    }
    throw error;
  }

  const parsed = endpoint.response.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      code: 'invalid_response',
      message: `${endpoint.method} ${endpoint.path}: ${parsed.error.message}`,
      status: response.status,
    });
  }
  rememberCsrfToken(endpoint, parsed.data);
  return parsed.data;
}

/** Sign-in, set-up, /me and preferences hand out the session's CSRF token. */
function rememberCsrfToken(endpoint: Endpoint, data: unknown): void {
  if (endpoint.response !== sessionSchema) return;
  const session = sessionSchema.safeParse(data);
  if (session.success) setCsrfToken(session.data.csrfToken);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An error answer (any status) as the one error type callers handle; exported for the upload client. */
export function toApiError(status: number, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, field, retryAfterSeconds, detail } = parsed.data.error;
    return new ApiError({ code, message, status, field, retryAfterSeconds, detail });
  }
  // A proxy or a crashed core answers without our error body.
  return new ApiError({ code: 'internal', message: `HTTP ${status}`, status });
}
