import { api, type Attachment } from '../../../shared/api/index.js';
import { ApiError } from '../../api/ApiError.js';
import { toApiError } from '../../api/client.js';
import { csrfToken, setCsrfToken } from '../../api/csrf.js';
import { announceSessionExpired } from '../../api/sessionEvents.js';
import type { UploadProgress } from '../../api/upload.js';
import { UploadCancelled } from '../../api/upload.js';
import { fillPath } from '../../api/url.js';
import { uiLanguage } from '../../i18n/language.js';

export interface AttachmentUpload {
  caseId: number;
  file: File;
  /** Bytes sent so far (XMLHttpRequest: fetch cannot report upload progress). */
  onProgress?: (progress: UploadProgress) => void;
  /** Every byte is sent; the hub now checks the file (and turns a scan into PDF pages). */
  onSent?: () => void;
  signal?: AbortSignal;
}

/**
 * POST /api/cases/:id/attachments as multipart/form-data (field `file`), with
 * progress. The browser writes the content type with its boundary. Errors are
 * the ApiError every other call throws; a cancelled upload is UploadCancelled.
 */
export function uploadAttachment({ caseId, file, onProgress, onSent, signal }: AttachmentUpload): Promise<Attachment> {
  const endpoint = api.addAttachment;
  const url = fillPath(endpoint.path, { id: caseId });
  return new Promise<Attachment>((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open(endpoint.method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', uiLanguage());
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => signal?.removeEventListener('abort', onAbort);

    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onSent?.();
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
      let payload: unknown;
      try {
        payload = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        payload = undefined;
      }
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
      resolve(parsed.data);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
