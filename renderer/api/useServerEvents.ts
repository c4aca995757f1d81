import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useCaseNotices } from '../pages/inbox/useCaseNotices.js';
import { queryKeys } from './queryKeys.js';

/** The hub's event stream (electron/app/server/plugins/events.plugin.ts). */
const eventsUrl = '/api/events';

/** Bursts of commits (a large file being read) refresh the screen at most this often. */
const REFRESH_EVERY_MS = 500;

/**
 * Follows the hub's server-sent events (the signed-in layout mounts it): when jobs are stored
 * anywhere (a watched folder, a branch agent, someone's upload), what shows
 * print-log figures is fetched again, the paper KPI (紙削減) included: its
 * rollups are rebuilt from the stored jobs, so the dashboard follows a watched
 * log line within a second. EventSource reconnects by itself; without
 * it (an old WebView) the screens still refresh on their own timers.
 */
export function useServerEvents(): void {
  const queryClient = useQueryClient();
  // E-approval: a case I am on changed (only such cases reach me); its notices become toasts.
  const onCaseNotices = useCaseNotices();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource(eventsUrl);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onPrintlog = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: queryKeys.printlog });
        void queryClient.invalidateQueries({ queryKey: queryKeys.kpi });
      }, REFRESH_EVERY_MS);
    };
    source.addEventListener('printlog', onPrintlog);
    const onCase = (event: MessageEvent<unknown>) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.approvals });
      onCaseNotices(event.data);
    };
    source.addEventListener('case', onCase);
    // Some case reached 決裁 (anyone's): the e-approval effect on 紙削減 counts it.
    const onDecided = () => void queryClient.invalidateQueries({ queryKey: queryKeys.kpi });
    source.addEventListener('decided', onDecided);
    return () => {
      source.removeEventListener('printlog', onPrintlog);
      source.removeEventListener('case', onCase);
      source.removeEventListener('decided', onDecided);
      source.close();
      if (timer !== null) clearTimeout(timer);
    };
  }, [queryClient, onCaseNotices]);
}
