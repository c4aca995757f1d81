/**
 * Every IPC channel between preload and main, in one file: the preload bundles
 * it, main listens on it, and nothing else may use ipcRenderer.
 */
export const ipcChannels = {
  setBadgeCount: 'kamiless:set-badge-count',
  notify: 'kamiless:notify',
  getConnection: 'kamiless:get-connection',
  testHub: 'kamiless:test-hub',
  setHubUrl: 'kamiless:set-hub-url',
} as const;

export const BADGE_COUNT_MAX = 9999;
export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 1000;
