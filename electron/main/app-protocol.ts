import { APP_HOST } from './app-origin.js';
import { forwardApiRequest, type ApiTarget, type FetchLike, type IncomingRequest } from './api-forward.js';
import { rawPathOf } from './renderer-path.js';
import { serveRendererFile } from './renderer-files.js';

export interface AppProtocolOptions {
  /** The built renderer, dist/renderer. */
  readonly rendererRoot: string;
  readonly api: ApiTarget;
  /** net.fetch in the app; injected so the handler runs in plain Node tests. */
  readonly fetch: FetchLike;
}

export type AppProtocolHandler = (request: IncomingRequest) => Promise<Response>;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The handler behind `protocol.handle('app', …)`: /api/* to the core or hub, the rest from the renderer build. */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (url.host.toLowerCase() !== APP_HOST) return new Response('Not found', { status: 404 });
    const rawPath = rawPathOf(request.url);
    if (isApiPath(url.pathname) && isApiPath(rawPath)) {
      return forwardApiRequest(request, `${url.pathname}${url.search}`, options.api, options.fetch);
    }
    return serveRendererFile(options.rendererRoot, rawPath, request.method);
  };
}
