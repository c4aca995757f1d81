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
  /** Where this app's data lives for this run: its own core, or the office hub. */
  getConnection(): Promise<DesktopConnection>;
  /** Asks main to fetch `<url>/api/health` (about 5 s at most) and says whether a Kamiless hub answered. */
  testHub(url: string): Promise<HubTestResult>;
  /**
   * Stores the hub URL (null: back to standalone) and restarts the app in that
   * mode. On success the app exits soon after, so the promise may never settle.
   */
  setHubUrl(url: string | null): Promise<HubSaveResult>;
}

export type DesktopConnection = { readonly mode: 'standalone' } | { readonly mode: 'connected'; readonly hubUrl: string };

/**
 * Why a hub test failed, as codes the renderer words in ja/en:
 * - invalid_url: refused before any request (see shared/domain/hub-url.ts)
 * - unreachable: no HTTP answer (DNS, refused connection, TLS); `detail` has the network error
 * - timeout: no complete answer in time
 * - http_error: an HTTP error status; `detail` is e.g. "HTTP 503"
 * - redirected: the server sent us elsewhere; `detail` is the address that answered, to enter instead
 * - not_kamiless: something answered, but not a Kamiless hub
 */
export type HubTestFailure = 'invalid_url' | 'unreachable' | 'timeout' | 'http_error' | 'redirected' | 'not_kamiless';

export type HubTestResult =
  | { readonly ok: true; readonly townName: string; readonly version: string }
  | { readonly ok: false; readonly reason: HubTestFailure; readonly detail?: string };

/** invalid_url: refused by main's own check; write_failed: settings.json could not be written. */
export type HubSaveFailure = 'invalid_url' | 'write_failed';

export type HubSaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: HubSaveFailure };

/** The global name under which the preload exposes the bridge. */
export type DesktopBridgeKey = 'kamiless';
