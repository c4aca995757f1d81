import { app, ipcMain, net, Notification, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { DesktopConnection, HubSaveResult, HubTestResult } from '../../shared/api/desktop-bridge.js';
import { checkHubUrl } from '../../shared/domain/hub-url.js';
import { isAppUrl } from './app-origin.js';
import { testHubHealth } from './hub-check.js';
import { BADGE_COUNT_MAX, NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX, ipcChannels } from './ipc-channels.js';
import { saveHubUrl, type ShellMode } from './settings.js';

export interface NativeBridgeOptions {
  /** Brings the window forward when a notification is clicked. */
  readonly onNotificationClick: () => void;
  /** The mode this run started in: the one that decides where the data lives until a restart. */
  readonly mode: ShellMode;
  /** settings.json in userData. */
  readonly settingsFile: string;
  /** app.exit() skips before-quit, so the shell stops the local core here, letting it close its database. */
  readonly beforeRestart: () => Promise<void>;
}

/** Only our own pages may use the bridge, even if some other frame were ever loaded. */
function fromApp(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

/** An invoke from a stranger gets a rejected promise rather than an answer it could learn from. */
function requireApp(event: IpcMainInvokeEvent): void {
  if (!fromApp(event)) throw new Error('Refused: not the Kamiless app');
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

/** The hub URL to store: a valid URL, or undefined for standalone (null); 'invalid' for anything else. */
export function parseHubUrlArgument(value: unknown): { hubUrl: string | undefined } | 'invalid' {
  if (value === null) return { hubUrl: undefined };
  const checked = checkHubUrl(value);
  return checked.ok ? { hubUrl: checked.hubUrl } : 'invalid';
}

export function connectionOf(mode: ShellMode): DesktopConnection {
  return mode.kind === 'connected' ? { mode: 'connected', hubUrl: mode.hubUrl } : { mode: 'standalone' };
}

// A notification that is garbage-collected loses its click handler, so keep it until it closes.
const shown = new Set<Notification>();

/** Listens for the preload's calls. Every argument is checked here: the page is never trusted. */
export function registerNativeBridge(options: NativeBridgeOptions): void {
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
    notification.on('click', options.onNotificationClick);
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });

  ipcMain.handle(ipcChannels.getConnection, (event): DesktopConnection => {
    requireApp(event);
    return connectionOf(options.mode);
  });

  ipcMain.handle(ipcChannels.testHub, async (event, url: unknown): Promise<HubTestResult> => {
    requireApp(event);
    const checked = checkHubUrl(url);
    if (!checked.ok) return { ok: false, reason: 'invalid_url' };
    return testHubHealth(checked.hubUrl, (target, init) => net.fetch(target, init));
  });

  let restarting = false;
  const restart = async (): Promise<void> => {
    await options.beforeRestart().catch(() => undefined);
    app.relaunch();
    app.exit(0);
  };
  ipcMain.handle(ipcChannels.setHubUrl, (event, url: unknown): HubSaveResult => {
    requireApp(event);
    const parsed = parseHubUrlArgument(url);
    if (parsed === 'invalid') return { ok: false, reason: 'invalid_url' };
    try {
      saveHubUrl(options.settingsFile, parsed.hubUrl);
    } catch {
      return { ok: false, reason: 'write_failed' };
    }
    // Answer first, so the page can say "restarting"; a second click must not start a second restart.
    if (!restarting) {
      restarting = true;
      setTimeout(() => void restart(), 0);
    }
    return { ok: true };
  });
}
