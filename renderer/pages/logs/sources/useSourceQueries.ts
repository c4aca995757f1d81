import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, type PreviewBody, type SourceStatus } from '../../../../shared/api/index.js';
import { call } from '../../../api/client.js';
import { queryKeys, type RejectedListQuery } from '../../../api/queryKeys.js';

/** The sources' status, refreshed every few seconds: jobs, lag and agents move while the page is open. */
export const SOURCES_REFRESH_MS = 5000;

export function useSources() {
  return useQuery({
    queryKey: queryKeys.sources,
    queryFn: () => call(api.listSources),
    refetchInterval: SOURCES_REFRESH_MS,
  });
}

/**
 * The watchers import while the page is open, which the other figures of the
 * page (the cards, the file list, open rejected lines) do not poll for: when a
 * refresh of the sources shows new files, jobs or rejected lines, those are
 * refetched too.
 */
export function useFollowSourceImports(items: readonly SourceStatus[] | undefined): void {
  const queryClient = useQueryClient();
  const signature = items ? items.map((s) => `${s.id}:${s.files}:${s.jobs}:${s.rejected}`).join(',') : null;
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (signature === null) return;
    if (previous.current !== null && previous.current !== signature) {
      for (const queryKey of [queryKeys.printlogSummary, [...queryKeys.printlog, 'files'], [...queryKeys.printlog, 'rejected']]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    }
    previous.current = signature;
  }, [signature, queryClient]);
}

/** What the preview is asked for; the sample's bytes are named by its pick id so the cache key stays small. */
export interface PreviewRequest {
  body: PreviewBody;
  sampleId: number | null;
}

/** Waits this long after the last change before asking the hub: typing a glob should not send a request per key. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** The request as a string: equal requests give equal keys, whatever object they come in. */
function previewKey(request: PreviewRequest): string {
  const { sample: _bytes, ...rest } = request.body;
  return JSON.stringify([rest, request.sampleId]);
}

/**
 * The preview of a sample or a folder's first file, asked for again
 * (debounced) whenever the request changes; null asks nothing. The previous
 * answer stays on screen while the next one loads, so the table does not flicker.
 */
export function usePreview(request: PreviewRequest | null) {
  // The key is debounced, not the request: a request object is new on every
  // render, and debouncing it would re-render forever.
  const key = request ? previewKey(request) : null;
  const [debouncedKey] = useDebouncedValue(key, PREVIEW_DEBOUNCE_MS);
  // The request behind the key, for the fetch; always the one of the latest render.
  const latest = useRef(request);
  latest.current = request;
  return useQuery({
    queryKey: queryKeys.sourcePreview(debouncedKey),
    queryFn: () => {
      const current = latest.current;
      if (!current) throw new Error('preview without a request');
      return call(api.previewSource, { body: current.body });
    },
    enabled: debouncedKey !== null && debouncedKey === key,
    placeholderData: keepPreviousData,
    retry: false,
    // A folder's first file grows while the hub writes it; a preview a minute old is still good enough.
    staleTime: 60_000,
  });
}

/** Which rejected lines to list: one file's, or every file's of one source. */
export type RejectedFilter = { kind: 'file'; id: number; name: string } | { kind: 'source'; id: number; name: string };

export function useRejectedLinesOf(filter: RejectedFilter, page: number, pageSize: number) {
  const query: RejectedListQuery =
    filter.kind === 'file' ? { fileId: filter.id, page, pageSize } : { sourceId: filter.id, page, pageSize };
  return useQuery({
    queryKey: queryKeys.rejectedLines(query),
    queryFn: () => call(api.listRejectedLines, { query }),
    placeholderData: keepPreviousData,
  });
}
