import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, importMaxBytes, type ImportResult } from '../../../shared/api/index.js';
import type { FormatName } from '../../../shared/domain/printlog/format.js';
import { ApiError } from '../../api/ApiError.js';
import { call } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';
import { UploadCancelled, uploadFile } from '../../api/upload.js';

/** Where one manual import is: sending bytes, waiting for the server's import, or finished one way or another. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending'; name: string; loaded: number; total: number }
  | { phase: 'importing'; name: string; total: number; uploadId: string }
  | { phase: 'done'; name: string; result: ImportResult }
  | { phase: 'failed'; name: string; error: unknown }
  | { phase: 'cancelled'; name: string; afterSending: boolean };

/**
 * One manual import at a time, with its progress. Leaving the page does not
 * cancel it: the server finishes and the file shows in the list.
 */
export function useLogUpload(onImported: (result: ImportResult) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const sent = useRef(false);

  const start = useCallback(
    (file: File, format: FormatName | null) => {
      const name = file.name;
      if (file.size > importMaxBytes) {
        setState({ phase: 'failed', name, error: new ApiError({ code: 'too_large', message: '', status: 413 }) });
        return;
      }
      const abort = new AbortController();
      // Names this import for its progress while the answer is awaited.
      const uploadId = crypto.randomUUID();
      controller.current = abort;
      sent.current = false;
      setState({ phase: 'sending', name, loaded: 0, total: file.size });
      uploadFile(api.importLogFile, {
        query: { name, uploadId, ...(format !== null && { format }) },
        file,
        signal: abort.signal,
        onProgress: ({ loaded, total }) => {
          if (!sent.current) setState({ phase: 'sending', name, loaded, total });
        },
        onSent: () => {
          sent.current = true;
          setState({ phase: 'importing', name, total: file.size, uploadId });
        },
      })
        .then((result) => {
          setState({ phase: 'done', name, result });
          onImported(result);
        })
        .catch((error: unknown) => {
          if (error instanceof UploadCancelled) setState({ phase: 'cancelled', name, afterSending: sent.current });
          else setState({ phase: 'failed', name, error });
        })
        .finally(() => {
          if (controller.current === abort) controller.current = null;
          // Even a failed or cancelled import may have stored part of a file.
          void queryClient.invalidateQueries({ queryKey: queryKeys.printlog });
        });
    },
    [onImported, queryClient],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, reset };
}

/** How far the server has read an upload, asked every half second while it imports. */
export function useImportProgress(uploadId: string) {
  return useQuery({
    queryKey: queryKeys.importProgress(uploadId),
    queryFn: () => call(api.importProgress, { query: { uploadId } }),
    refetchInterval: 500,
    // Before the server has the file (or after it answered) there is nothing to show: keep the last figures.
    retry: false,
  });
}
