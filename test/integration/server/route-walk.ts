import type { RouteOptions } from 'fastify';
import type { Access, Endpoint } from '../../../shared/api/endpoint.js';
import { allRoles } from '../../../shared/api/roles.js';

/** One method + URL of a registered route, with what it declared. */
export interface CollectedRoute {
  method: string;
  url: string;
  access: unknown;
  endpoint: Endpoint | undefined;
}

export const label = (r: { method: string; url: string }): string => `${r.method} ${r.url}`;

/** Turns what Fastify's onRoute hook sees into one entry per method. */
export function collect(route: RouteOptions): CollectedRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const config = route.config as { access?: unknown; endpoint?: Endpoint } | undefined;
  return methods.map((method) => ({ method: String(method), url: route.url, access: config?.access, endpoint: config?.endpoint }));
}

/** A well-formed access rule, or null. */
export function accessOf(route: CollectedRoute): Access | null {
  const a = route.access as { kind?: unknown; roles?: unknown } | undefined;
  if (!a || typeof a !== 'object') return null;
  if (a.kind === 'public' || a.kind === 'signedIn' || a.kind === 'sourceToken') return a as Access;
  if (a.kind === 'role' && Array.isArray(a.roles) && a.roles.length > 0 && a.roles.every((r) => (allRoles as readonly unknown[]).includes(r))) {
    return a as Access;
  }
  return null;
}

/**
 * The rules every route must follow, as messages naming method and URL:
 * it declares a valid access rule, and an endpoint route declares the same
 * rule as its endpoint in shared/api.
 */
export function routeRuleProblems(routes: readonly CollectedRoute[]): string[] {
  const problems: string[] = [];
  for (const r of routes) {
    const access = accessOf(r);
    if (!access) {
      problems.push(`${label(r)} declares no valid config.access (found ${JSON.stringify(r.access)})`);
      continue;
    }
    if (r.endpoint && JSON.stringify(r.endpoint.access) !== JSON.stringify(access)) {
      problems.push(`${label(r)} declares ${JSON.stringify(access)} but its endpoint says ${JSON.stringify(r.endpoint.access)}`);
    }
  }
  return problems;
}

/** GET and HEAD never change state; every other method needs the CSRF token. */
export const isSafeMethod = (method: string): boolean => method === 'GET' || method === 'HEAD';

/** A concrete URL for a route pattern: `:id` becomes an existing id, a wildcard a page name. */
export function concreteUrl(url: string, id = 1): string {
  return url.replace(/:(\w+)/g, String(id)).replace(/\*$/, 'some-page');
}
