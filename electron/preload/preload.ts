/**
 * Sandboxed preload (bundled to CommonJS by scripts/build-electron.mjs, which
 * also inlines the two small files it shares with main).
 * Exposes exactly the DesktopBridge and nothing of ipcRenderer itself: a page
 * that could send on any channel could ask main for anything main listens to.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  DesktopBridge,
  DesktopBridgeKey,
  DesktopConnection,
  HubSaveResult,
  HubTestResult,
} from '../../shared/api/desktop-bridge.js';
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
  // The casts only name what main answers on these channels; main checks every argument itself.
  getConnection(): Promise<DesktopConnection> {
    return ipcRenderer.invoke(ipcChannels.getConnection) as Promise<DesktopConnection>;
  },
  testHub(url: string): Promise<HubTestResult> {
    return ipcRenderer.invoke(ipcChannels.testHub, url) as Promise<HubTestResult>;
  },
  setHubUrl(url: string | null): Promise<HubSaveResult> {
    return ipcRenderer.invoke(ipcChannels.setHubUrl, url) as Promise<HubSaveResult>;
  },
} as const satisfies DesktopBridge;

const key: DesktopBridgeKey = 'kamiless';
contextBridge.exposeInMainWorld(key, bridge);
