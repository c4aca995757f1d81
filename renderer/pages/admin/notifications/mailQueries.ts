import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../shared/api/endpoints.js';
import { call } from '../../../api/client.js';

export const mailKeys = {
  settings: ['mail', 'settings'] as const,
  outbox: ['mail', 'outbox'] as const,
  reminder: ['approvals', 'settings'] as const,
  mine: ['mail', 'me'] as const,
};

export function useMailSettings() {
  return useQuery({ queryKey: mailKeys.settings, queryFn: () => call(api.mailSettings) });
}

/** Refreshed every half minute while the page is open: the sender works in the background. */
export function useOutbox() {
  return useQuery({ queryKey: mailKeys.outbox, queryFn: () => call(api.mailOutbox), refetchInterval: 30_000 });
}

export function useReminderSetting() {
  return useQuery({ queryKey: mailKeys.reminder, queryFn: () => call(api.approvalSettings) });
}

export function useMyMail() {
  return useQuery({ queryKey: mailKeys.mine, queryFn: () => call(api.myMail) });
}
