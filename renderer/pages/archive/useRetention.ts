import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/index.js';
import { call } from '../../api/client.js';

/** Under `approvals`, so a case event (a decision, a disposal elsewhere) refreshes them. */
export const retentionKeys = {
  all: ['approvals', 'retention'] as const,
  list: (fy: number | null, department: number | null) => ['approvals', 'retention', 'list', fy, department] as const,
  disposal: (caseId: number) => ['approvals', 'retention', 'case', caseId] as const,
};

/** Whether the caller may open 保存・廃棄 (admins and managers): asked once per session for non-admins. */
export function useRetentionAccess(enabled: boolean) {
  return useQuery({ queryKey: ['retention-access'], queryFn: () => call(api.retentionAccess), enabled, staleTime: Infinity });
}

export function useRetentionList(fy: number | null, department: number | null) {
  return useQuery({
    queryKey: retentionKeys.list(fy, department),
    queryFn: () => call(api.retentionList, { query: { ...(fy !== null && { fy }), ...(department !== null && { department }) } }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseDisposal(caseId: number) {
  return useQuery({ queryKey: retentionKeys.disposal(caseId), queryFn: () => call(api.caseDisposal, { params: { id: caseId } }) });
}
