import { app, ipcMain, Notification, type IpcMainEvent } from 'electron';
import { isAppUrl } from './app-origin.js';
import { BADGE_COUNT_MAX, NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX, ipcChannels } from './ipc-channels.js';

/** Only our own pages may use the bridge, even if some other frame were ever loaded. */
function fromApp(event: IpcMainEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

export function parseBadgeCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= BADGE_COUNT_MAX
    ? value
    : undefined;
}

export function parseNotification(title: unknown, body: unknown): { title: string; body: string } | undefined {
  if (typeof title !== 'string' || typeof body !== 'string') return undefined;
  if (title.trim() === '' || title.length > NOTIFICATION_TITLE_MAX || body.length > NOTIFICATION_BODY_MAX) return undefined;
  return { title, body };
}

// A notification that is garbage-collected loses its click handler, so keep it until it closes.
const shown = new Set<Notification>();

/** Listens for the preload's calls; `onNotificationClick` brings the window forward. */
export function registerNativeBridge(onNotificationClick: () => void): void {
  ipcMain.on(ipcChannels.setBadgeCount, (event, count: unknown) => {
    const valid = parseBadgeCount(count);
    if (!fromApp(event) || valid === undefined) return;
    app.setBadgeCount(valid);
  });
  ipcMain.on(ipcChannels.notify, (event, title: unknown, body: unknown) => {
    const valid = parseNotification(title, body);
    if (!fromApp(event) || valid === undefined || !Notification.isSupported()) return;
    const notification = new Notification({ title: valid.title, body: valid.body });
    shown.add(notification);
    notification.on('click', onNotificationClick);
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
}
