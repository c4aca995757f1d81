import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/index.js';
import { isApiError } from '../../api/ApiError.js';
import { call } from '../../api/client.js';
import { queryKeys } from '../../api/queryKeys.js';

/** Document types (文書種別) with their route templates; they change rarely. */
export function useDocumentTypes() {
  return useQuery({ queryKey: queryKeys.documentTypes, queryFn: () => call(api.listDocumentTypes), staleTime: 5 * 60_000 });
}

const notOn4xx = (count: number, error: Error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2;

/** The case being drafted or revised; the same cache entry as the case page's. */
export function useDraftCase(id: number | null) {
  return useQuery({
    queryKey: queryKeys.caseView(id ?? 0),
    queryFn: () => call(api.getCase, { params: { id: id ?? 0 } }),
    enabled: id !== null,
    retry: notOn4xx,
  });
}

/**
 * The route this draft would take now (POST /api/cases/route-preview), kept on
 * screen while the next one loads so the list does not flicker as the amount
 * is typed. `input` null: not enough to ask yet (no type, or the amount the
 * type needs is missing).
 */
export function useRoutePreview(input: { typeId: number; amount: number | null; consultDepartmentIds: number[] } | null) {
  return useQuery({
    queryKey: input ? queryKeys.routePreview(input.typeId, input.amount, input.consultDepartmentIds) : ['routePreview', 'none'],
    queryFn: () =>
      call(api.previewRoute, {
        body: { typeId: input?.typeId ?? 0, amount: input?.amount ?? null, consultDepartmentIds: input?.consultDepartmentIds ?? [] },
      }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: notOn4xx,
    staleTime: 30_000,
  });
}
