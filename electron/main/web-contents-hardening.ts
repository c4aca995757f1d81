import { shell, type App, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';

function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Keeps a webContents on app://kamiless/: other navigations are cancelled,
 * new windows are never created (web links go to the user's browser instead,
 * other schemes such as file: or smb: nowhere), <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Applies the hardening to every webContents the app ever creates, including ones made by Chromium. */
export function hardenAllWebContents(electronApp: App): void {
  electronApp.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
