import { homedir } from 'node:os';
import { app, BrowserWindow, dialog, net, protocol, screen, session } from 'electron';
import { userDataFolder } from '../../shared/domain/user-data-folder.js';
import { APP_SCHEME } from './app-origin.js';
import { installAppMenu, showAbout } from './app-menu.js';
import type { AppPaths } from './app-paths.js';
import { createAppProtocolHandler } from './app-protocol.js';
import type { ApiTarget } from './api-forward.js';
import type { CoreProcess } from './core-launcher.js';
import { startCoreOrQuit } from './core-startup.js';
import { resolveDataFolder } from './data-folder.js';
import { newLaunchSecret } from './launch-secret.js';
import { registerNativeBridge } from './native-bridge.js';
import { createMainWindow } from './secure-window.js';
import { hardenSession } from './session-hardening.js';
import { loadSettings, settingsFile } from './settings.js';
import { hardenAllWebContents } from './web-contents-hardening.js';
import { loadWindowState, rememberWindowState, windowStateFile } from './window-state.js';

export const APP_USER_MODEL_ID = 'jp.kamiless.app';

export interface ShellOptions {
  /** Tests shorten the wait for the core. */
  readonly coreTimeoutMs?: number;
}

/**
 * Wires the desktop shell. Everything that must happen before `ready` (userData,
 * scheme privileges, the single-instance lock) happens synchronously here.
 */
export function startShell(paths: AppPaths, options: ShellOptions = {}): void {
  // The same folder the browser fallback of `npm start` uses, whatever the package name is in
  // development; an explicit --user-data-dir (throwaway test profiles) still wins.
  if (!app.commandLine.hasSwitch('user-data-dir')) {
    app.setPath('userData', userDataFolder(process.platform, process.env, homedir()));
  }
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
  // Two instances would run two cores on one database.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let mainWindow: BrowserWindow | undefined;
  let core: CoreProcess | undefined;

  const focusMainWindow = (): void => {
    if (mainWindow === undefined || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', focusMainWindow);
  hardenAllWebContents(app);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  /** Lets the core close its database; resolves at once when there is none (connected, or already stopped). */
  const stopCore = (): Promise<void> => {
    const stopping = core;
    core = undefined;
    return stopping === undefined ? Promise.resolve() : stopping.stop();
  };
  app.on('before-quit', (event) => {
    if (core === undefined) return;
    // Let the core close its database first, then quit for real.
    event.preventDefault();
    void stopCore().finally(() => app.quit());
  });

  const openWindow = (userData: string): void => {
    const stateFile = windowStateFile(userData);
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    mainWindow = createMainWindow({
      preloadPath: paths.preload,
      state: loadWindowState(stateFile, workAreas),
      version: app.getVersion(),
    });
    rememberWindowState(mainWindow, stateFile);
  };

  const onReady = async (): Promise<void> => {
    const userData = app.getPath('userData');
    const settingsPath = settingsFile(userData);
    const settings = loadSettings(settingsPath);
    hardenSession(session.defaultSession);

    let api: ApiTarget;
    if (settings.mode.kind === 'connected') {
      // Connected desktops keep no data of their own: no local core.
      api = { kind: 'hub', baseUrl: settings.mode.hubUrl };
    } else {
      const secret = newLaunchSecret();
      const started = await startCoreOrQuit({
        modulePath: paths.coreProcess,
        dataDir: resolveDataFolder(process.env, settings, userData),
        secret,
        ...(options.coreTimeoutMs === undefined ? {} : { timeoutMs: options.coreTimeoutMs }),
      });
      if (started === undefined) return;
      core = started;
      api = { kind: 'core', baseUrl: started.baseUrl, secret };
    }

    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ rendererRoot: paths.rendererRoot, api, fetch: (url, init) => net.fetch(url, init) }),
    );
    installAppMenu({
      platform: process.platform,
      isPackaged: app.isPackaged,
      onAbout: () => showAbout({ version: app.getVersion(), versions: process.versions }),
    });
    registerNativeBridge({
      onNotificationClick: focusMainWindow,
      mode: settings.mode,
      settingsFile: settingsPath,
      beforeRestart: stopCore,
    });
    openWindow(userData);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow(userData);
    });
  };

  app.whenReady().then(onReady).catch((error: unknown) => {
    dialog.showErrorBox('Kamiless', `起動できませんでした。 / Kamiless could not start.\n\n${String(error)}`);
    app.quit();
  });
}
