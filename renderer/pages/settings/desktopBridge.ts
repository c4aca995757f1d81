import type { DesktopBridge } from '../../../shared/api/desktop-bridge.js';

/** window.kamiless in the desktop app; undefined in a plain browser, where the hub serves this UI. */
export function desktopBridge(): DesktopBridge | undefined {
  return (window as Window & { kamiless?: DesktopBridge }).kamiless;
}
