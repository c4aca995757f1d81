import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api, type SessionInfo } from '../../shared/api/index.js';
import { isApiError } from '../api/ApiError.js';
import { call } from '../api/client.js';
import { setCsrfToken } from '../api/csrf.js';
import { useSession } from '../api/hooks.js';
import { queryKeys } from '../api/queryKeys.js';

/** Keeps the session query in step with sign-in and sign-out, and drops another user's cached data. */
export function useSessionActions() {
  const queryClient = useQueryClient();

  const signedIn = useCallback(
    (session: SessionInfo) => {
      queryClient.setQueryData(queryKeys.session, session);
    },
    [queryClient],
  );

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({
      predicate: (query) => query.queryKey[0] !== queryKeys.health[0] && query.queryKey[0] !== queryKeys.session[0],
    });
    queryClient.setQueryData(queryKeys.session, null);
  }, [queryClient]);

  return { signedIn, signedOut };
}

/**
 * Signs out of this session (or all of them). A 401 means the server had
 * already ended the session, which is the result we wanted; other failures
 * keep the user signed in so the cookie and the screen never disagree.
 */
export function useSignOut(everywhere = false) {
  const { signedOut } = useSessionActions();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await (everywhere ? call(api.logoutEverywhere) : call(api.logout));
      } catch (error) {
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      signedOut();
      // A plain /login, not "back to where you were": the next person at a
      // shared PC should not land on the previous user's page.
      void navigate('/login', { replace: true });
    },
  });
}

/** The session of a page behind RequireSession; anywhere else this is a programming error. */
export function useCurrentSession(): SessionInfo {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession used outside RequireSession');
  return data;
}
