import {
  keepPreviousData,
  useMutation,
  useQuery,
  queryOptions,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, type Endpoint, type SessionInfo } from '../../shared/api/index.js';
import { isApiError } from './ApiError.js';
import { call, receive, request, type CallInput, type CallResult } from './client.js';
import { setCsrfToken } from './csrf.js';
import { queryKeys, type LogFileListQuery, type UserListQuery } from './queryKeys.js';

export const healthQuery = queryOptions({ queryKey: queryKeys.health, queryFn: () => call(api.health), staleTime: 60_000 });

/** The health check with an answer already under way (index.html's early script). */
export const fetchHealthFrom = async (answer: Promise<Response>): Promise<CallResult<typeof api.health>> =>
  (await receive(api.health, answer)) as CallResult<typeof api.health>;


export function useHealth() {
  return useQuery(healthQuery);
}

/** The signed-in session, or null when nobody is signed in (401 from /api/me); `answer` when the request is already under way. */
export async function fetchSession(answer?: Promise<Response>): Promise<SessionInfo | null> {
  try {
    return answer ? ((await receive(api.me, answer)) as SessionInfo) : await call(api.me);
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: queryKeys.session, queryFn: () => fetchSession(), staleTime: Infinity, retry: false });

export function useSession() {
  return useQuery(sessionQuery);
}

export function useSites() {
  return useQuery({ queryKey: queryKeys.sites, queryFn: () => call(api.listSites) });
}

export function useDepartments() {
  return useQuery({ queryKey: queryKeys.departments, queryFn: () => call(api.listDepartments) });
}

export function usePositions() {
  return useQuery({ queryKey: queryKeys.positions, queryFn: () => call(api.listPositions) });
}

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: queryKeys.userList(query),
    queryFn: () => call(api.listUsers, { query }),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function usePrintlogSummary() {
  return useQuery({ queryKey: queryKeys.printlogSummary, queryFn: () => call(api.printlogSummary) });
}

export function useLogFiles(query: LogFileListQuery) {
  return useQuery({
    queryKey: queryKeys.logFiles(query),
    queryFn: () => call(api.listLogFiles, { query }),
    placeholderData: keepPreviousData,
  });
}

interface ApiMutationOptions<E extends Endpoint> {
  /** Queries to refetch once the change is saved. */
  invalidate?: readonly QueryKey[];
  onSuccess?: (data: CallResult<E>) => void;
}

/** A mutation on one endpoint that refreshes the listed queries when it succeeds. */
export function useApiMutation<E extends Endpoint>(endpoint: E, options: ApiMutationOptions<E> = {}) {
  const queryClient = useQueryClient();
  return useMutation<CallResult<E>, Error, CallInput<E>>({
    mutationFn: (input) => request(endpoint, input),
    onSuccess: async (data) => {
      options.onSuccess?.(data);
      await Promise.all(
        (options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
