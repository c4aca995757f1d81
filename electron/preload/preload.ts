/**
 * Sandboxed preload (bundled to CommonJS by scripts/build-electron.mjs, which
 * also inlines the two small files it shares with main).
 * Exposes exactly the DesktopBridge and nothing of ipcRenderer itself: a page
 * that could send on any channel could ask main for anything main listens to.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge, DesktopBridgeKey } from '../../shared/api/desktop-bridge.js';
import { ipcChannels } from '../main/ipc-channels.js';
import { versionFromArguments } from '../main/version-argument.js';

const bridge = {
  isDesktop: true,
  version: versionFromArguments(process.argv),
  setBadgeCount(count: number): void {
    ipcRenderer.send(ipcChannels.setBadgeCount, count);
  },
  notify(title: string, body: string): void {
    ipcRenderer.send(ipcChannels.notify, title, body);
  },
} as const satisfies DesktopBridge;

const key: DesktopBridgeKey = 'kamiless';
contextBridge.exposeInMainWorld(key, bridge);
