import type { ErrorCode } from '../../shared/api/errors.js';
import { errorText } from '../../shared/i18n/errors.js';

/** Where /api/* requests of the window go: the private core or the office hub. */
export type ApiTarget =
  | { readonly kind: 'core'; readonly baseUrl: string; readonly secret: string }
  | { readonly kind: 'hub'; readonly baseUrl: string };

/**
 * `duplex` (required by fetch for a streamed body) is missing from the DOM typings,
 * `cache` from Node's; net.fetch honours both.
 */
export type StreamingRequestInit = RequestInit & {
  duplex?: 'half';
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';
};
export type FetchLike = (url: string, init: StreamingRequestInit) => Promise<Response>;
export type IncomingRequest = Pick<Request, 'url' | 'method' | 'headers' | 'body'>;

export const CORE_SECRET_HEADER = 'x-kamiless-secret';

const hopByHop = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'host'];

const requestHeadersToDrop = new Set([
  ...hopByHop,
  // Cookies live in the session's jar under the core's or hub's own origin (credentials: 'include'):
  // Chromium does not store Set-Cookie from custom-protocol responses (electron/electron#27981),
  // and a cookie the renderer held for app://kamiless must not leak from the core to the hub.
  'cookie',
  CORE_SECRET_HEADER,
  // With an Origin header net.fetch makes a CORS-mode request from app://kamiless, which the
  // core would have to allow; the request is ours, not the page's, so it goes without.
  'origin',
  'referer',
  // Chromium computes these itself for the new request (net.fetch buffers the body first).
  'content-length',
  'accept-encoding',
]);
// net.fetch hands over the body already decoded, so the encoding and length no longer apply.
const responseHeadersToDrop = new Set([...hopByHop, 'set-cookie', 'content-encoding', 'content-length']);

function keepRequestHeader(name: string): boolean {
  const lower = name.toLowerCase();
  // Sec-Fetch-* and client hints describe the page's request; net.fetch would turn Sec-Fetch-Mode into CORS checks.
  return !requestHeadersToDrop.has(lower) && !lower.startsWith('sec-');
}

export function joinUrl(baseUrl: string, pathAndQuery: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${pathAndQuery}`;
}

function forwardedHeaders(incoming: Headers, target: ApiTarget): Headers {
  const headers = new Headers();
  incoming.forEach((value, name) => {
    if (keepRequestHeader(name)) headers.append(name, value);
  });
  // The secret goes to the private core only, never over the network to a hub.
  if (target.kind === 'core') headers.set(CORE_SECRET_HEADER, target.secret);
  return headers;
}

function unavailable(error: unknown): Response {
  const body = {
    error: {
      code: 'server_unreachable' satisfies ErrorCode,
      message: errorText.server_unreachable.ja,
      detail: error instanceof Error ? error.message : String(error),
    },
  };
  return Response.json(body, { status: 502 });
}

/**
 * Sends an /api request on to the target with method, headers and body intact
 * (bodies stream, duplex 'half') and returns the answer's body stream untouched,
 * so server-sent events arrive as they are written.
 */
export async function forwardApiRequest(
  request: IncomingRequest,
  pathAndQuery: string,
  target: ApiTarget,
  fetch: FetchLike,
): Promise<Response> {
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
  const init: StreamingRequestInit = {
    method: request.method,
    headers: forwardedHeaders(request.headers, target),
    credentials: 'include',
    // The renderer keeps its own caches; a second HTTP cache in main could serve stale case data.
    cache: 'no-store',
    ...(hasBody ? { body: request.body, duplex: 'half' as const } : {}),
  };
  let upstream: Response;
  try {
    upstream = await fetch(joinUrl(target.baseUrl, pathAndQuery), init);
  } catch (error) {
    return unavailable(error);
  }
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!responseHeadersToDrop.has(name.toLowerCase())) headers.append(name, value);
  });
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers });
}
