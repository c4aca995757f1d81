import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/api/errors.js';
import { ingestFileStateSchema, ingestSourceSchema, type IngestFileState } from '../../../shared/api/ingest.js';
import type { SourceFormatName } from '../../../shared/api/sources.js';

/** The hub could not be reached or is not answering well now: try again later. */
export class HubUnavailable extends Error {}

/** The hub refused the request itself; `code` is its stable error code. */
export class HubRefused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface HubClientOptions {
  hub: string;
  token: string;
  /** Aborts requests in flight when the agent stops. */
  signal?: AbortSignal;
  /** Longest wait for one answer. */
  timeoutMs?: number;
}

/** The requests a branch agent makes to the hub (`/api/ingest/*`), with its source token. */
export function createHubClient(opts: HubClientOptions) {
  const base = opts.hub.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 60_000;

  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: { json: unknown } | { bytes: Buffer }): Promise<z.infer<S>> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${opts.token}`,
          ...(body && ('json' in body ? { 'content-type': 'application/json' } : { 'content-type': 'application/octet-stream' })),
        },
        ...(body && { body: 'json' in body ? JSON.stringify(body.json) : new Uint8Array(body.bytes) }),
        signal: AbortSignal.any(signals),
      });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new HubUnavailable(`${base}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (res.ok) {
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Reported below as an unexpected answer.
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new HubRefused(res.status, 'bad_answer', `${base}${path} answered something unexpected (is ${base} a Kamiless hub of this version?)`);
      return parsed.data;
    }
    // 502–504 come from a proxy in front of a hub that is down or restarting.
    if (res.status >= 500 || res.status === 429 || res.status === 408) throw new HubUnavailable(`${base} answered ${res.status}`);
    let code = 'http_' + String(res.status);
    let message = `${base}${path} answered ${res.status}`;
    try {
      const e = errorBodySchema.parse(JSON.parse(text)).error;
      code = e.code;
      message = e.detail ? `${e.message} (${e.detail})` : e.message;
    } catch {
      // Not a Kamiless error body (a proxy's page): the status says enough.
    }
    throw new HubRefused(res.status, code, message);
  }

  return {
    hello: (info: { host: string; version: string; path: string; glob: string; format?: SourceFormatName }) =>
      call('POST', '/api/ingest/hello', ingestSourceSchema, { json: info }),
    fileState: (path: string): Promise<IngestFileState> =>
      call('GET', `/api/ingest/files?path=${encodeURIComponent(path)}`, ingestFileStateSchema),
    sendChunk: (path: string, chunk: { offset: number; restart: boolean; backlog: number; bytes: Buffer }): Promise<IngestFileState> =>
      call('POST', `/api/ingest/files?${new URLSearchParams({
        path, offset: String(chunk.offset), restart: String(chunk.restart), backlog: String(chunk.backlog),
      }).toString()}`, ingestFileStateSchema, { bytes: chunk.bytes }),
  };
}
export type HubClient = ReturnType<typeof createHubClient>;
