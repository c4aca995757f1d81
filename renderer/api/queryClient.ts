import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError.js';

/** Retrying a 4xx only repeats the same answer; network hiccups and 5xx get two more tries. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
