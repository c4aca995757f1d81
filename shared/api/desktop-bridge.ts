/**
 * The only native features the desktop app offers the renderer, exposed by the
 * preload script as `window.kamiless`. Declared here (type only) so that the
 * renderer can use it without importing anything from electron/. In a plain
 * browser (hub) `window.kamiless` is undefined: feature-detect before use.
 */
export interface DesktopBridge {
  readonly isDesktop: true;
  /** The application version, e.g. "0.1.0". */
  readonly version: string;
  /** Count shown on the dock/taskbar icon (0 clears it). Integers 0..9999. */
  setBadgeCount(count: number): void;
  /** A native OS notification. Title up to 200 characters, body up to 1000. */
  notify(title: string, body: string): void;
}

/** The global name under which the preload exposes the bridge. */
export type DesktopBridgeKey = 'kamiless';
