import { desktopBridge } from '../settings/desktopBridge.js';

/**
 * The approval desk's one seam to the desktop app (window.kamiless, the
 * preload bridge): an OS notification for each case notice and the inbox
 * count on the dock/taskbar icon. In a plain browser both do nothing; the
 * toast and the "(3)" in the tab title are the browser's share.
 */
export function desktopCaseNotice(title: string, body: string): void {
  desktopBridge()?.notify(title.slice(0, 200), body.slice(0, 1000));
}

export function desktopInboxCount(count: number): void {
  desktopBridge()?.setBadgeCount(Math.max(0, Math.min(9999, Math.trunc(count))));
}
