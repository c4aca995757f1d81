import { type Endpoint, type ParamsOf, type QueryOf } from '../../shared/api/index.js';
import { uiLanguage } from '../i18n/language.js';
import { ApiError } from './ApiError.js';
import { toApiError, type CallResult } from './client.js';
import { csrfToken, setCsrfToken } from './csrf.js';
import { announceSessionExpired } from './sessionEvents.js';
import { buildQuery, fillPath } from './url.js';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions<E extends Endpoint> {
  query?: QueryOf<E>;
  params?: ParamsOf<E>;
  /** A multipart endpoint sends it as the form field `file`, with this name. */
  file: Blob & { name?: string };
  /** Bytes sent so far; fetch cannot report this, which is why uploads use XMLHttpRequest. */
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte is sent; the server is now working on them. */
  onSent?: () => void;
  signal?: AbortSignal;
}

export class UploadCancelled extends Error {
  override readonly name = 'UploadCancelled';
  constructor() {
    super('upload cancelled');
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends a file to an upload endpoint of `shared/api` — as the raw body, or as
 * the field `file` of a multipart form when the endpoint says so — and returns
 * the parsed response, with the same errors as `call`. Aborting the signal
 * cancels the upload (and, once sent, the server's work on it).
 */
export function uploadFile<E extends Endpoint>(endpoint: E, opts: UploadOptions<E>): Promise<CallResult<E>> {
  const spec = endpoint.upload;
  if (!spec) throw new Error(`${endpoint.method} ${endpoint.path} takes no upload`);
  const loose: unknown = opts.query ?? {};
  const params: unknown = opts.params;
  const url = fillPath(endpoint.path, params as Readonly<Record<string, unknown>> | undefined) + buildQuery(loose as Readonly<Record<string, unknown>>);
  const multipart = spec.contentType === 'multipart/form-data';

  return new Promise<CallResult<E>>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new UploadCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open(endpoint.method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', uiLanguage());
    // A form's content type carries its boundary: the browser writes it.
    if (!multipart) xhr.setRequestHeader('content-type', spec.contentType);
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);

    const onAbort = () => xhr.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => opts.signal?.removeEventListener('abort', onAbort);

    xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : opts.file.size });
    xhr.upload.onload = () => opts.onSent?.();
    xhr.onabort = () => {
      cleanup();
      reject(new UploadCancelled());
    };
    xhr.onerror = () => {
      cleanup();
      reject(new ApiError({ code: 'network', message: 'Network error', status: 0 }));
    };
    xhr.onload = () => {
      cleanup();
      const payload = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = toApiError(xhr.status, payload);
        if (error.status === 401 && error.code === 'unauthenticated') {
          setCsrfToken(null);
          announceSessionExpired();
        }
        return reject(error);
      }
      const parsed = endpoint.response.safeParse(payload);
      if (!parsed.success) {
        return reject(new ApiError({ code: 'invalid_response', message: `${endpoint.method} ${endpoint.path}: ${parsed.error.message}`, status: xhr.status }));
      }
      resolve(parsed.data as CallResult<E>);
    };
    if (multipart) {
      const form = new FormData();
      form.append('file', opts.file, opts.file.name ?? 'file');
      xhr.send(form);
    } else {
      xhr.send(opts.file);
    }
  });
}
