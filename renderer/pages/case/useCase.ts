import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ActionBody, type CaseView } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { call, request } from '../../api/client.js';
import { queryKeys, type CaseListQuery } from '../../api/queryKeys.js';

/** A case as I may see it; 404 (not visible, or no such case) is not retried. */
export function useCaseView(id: number | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseView(id ?? 0),
    queryFn: () => call(api.getCase, { params: { id: id ?? 0 } }),
    enabled: enabled && id !== null,
    retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
  });
}

export function useInbox() {
  return useQuery({ queryKey: queryKeys.inbox, queryFn: () => call(api.inbox), refetchInterval: 5 * 60_000 });
}

export function useCaseList(query: CaseListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseList(query),
    queryFn: () => call(api.listCases, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Someone acted first: the server refused an action on an old version (409 stale_version). */
export function isStale(error: unknown): boolean {
  return isApiError(error) && error.code === 'stale_version';
}

/**
 * POST /api/cases/:id/actions. On success the answer (the case as it is now)
 * goes into the cache and every list is refreshed; on a stale version the
 * case and lists are refreshed too, so the screen shows the latest.
 */
export function useCaseAction() {
  const queryClient = useQueryClient();
  return useMutation<CaseView, Error, { caseId: number; body: ActionBody }>({
    mutationFn: ({ caseId, body }) => request(api.actOnCase, { params: { id: caseId }, body }),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.caseView(view.id), view);
      await queryClient.invalidateQueries({ queryKey: queryKeys.approvals, predicate: (q) => q.queryKey[2] !== 'view' || q.queryKey[3] !== view.id });
    },
    onError: async (error) => {
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: queryKeys.approvals });
    },
  });
}
