import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './app-origin.js';
import { VERSION_ARGUMENT } from './version-argument.js';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, type WindowState } from './window-state.js';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly state: WindowState;
  /** Handed to the sandboxed preload, which cannot ask `app` for it. */
  readonly version: string;
}

/** The Electron security checklist, in one place: nothing of Node reaches the page. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const { x, y, width, height } = options.state;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: '紙レス Kamiless',
    backgroundColor: '#ffffff',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      additionalArguments: [`${VERSION_ARGUMENT}${options.version}`],
    },
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_START_URL);
  return window;
}
