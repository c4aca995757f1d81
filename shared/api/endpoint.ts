import type { z } from 'zod';
import type { Role } from './roles.js';

/**
 * Who may call a route. Every endpoint declares one; the server refuses to
 * register an endpoint without it and a test walks all registered routes.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'role'; readonly roles: readonly Role[] }
  /** A branch agent: `Authorization: Bearer <its source's token>`, no session, no CSRF. */
  | { readonly kind: 'sourceToken' };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Fastify-style path, e.g. `/api/users/:id`. */
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * The request body is a file's raw bytes (no JSON body schema): the handler
   * reads it as a stream after the access checks, up to `maxBytes`.
   */
  readonly upload?: { readonly contentType: string; readonly maxBytes: number };
  readonly response: R;
}

/** Identity helper that keeps the literal types of an endpoint definition. */
export function endpoint<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodType,
>(def: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return def;
}

export const publicAccess: Access = { kind: 'public' };
export const signedIn: Access = { kind: 'signedIn' };
export const sourceToken: Access = { kind: 'sourceToken' };
export function roles(...allowed: Role[]): Access {
  return { kind: 'role', roles: allowed };
}

/** GET, HEAD (Fastify adds one per GET) and OPTIONS change nothing; every other method needs the CSRF header. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : never;
export type ParamsOf<E> = E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? Infer<P> : never;
export type QueryOf<E> = E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? Infer<Q> : never;
export type BodyOf<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? Infer<B> : never;
export type ResponseOf<E> = E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? Infer<R> : never;
