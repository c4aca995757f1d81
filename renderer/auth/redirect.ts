/** Where everyone starts: the inbox is the first thing an approver needs. */
export const HOME_PATH = '/inbox';

/** Where a signed-out user was going, so sign-in can take them there. */
export interface LoginRedirectState {
  from?: string;
}

/** Only same-app paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeTarget(state: unknown): string {
  const from: LoginRedirectState['from'] =
    typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string'
      ? state.from
      : undefined;
  const inside = from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login');
  return inside && from !== '/' ? from : HOME_PATH;
}
