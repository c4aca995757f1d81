/**
 * The one stand-in for the 'electron' module in unit tests (its binary is not
 * installed here, and unit tests must not need it). Use it with
 *
 *   vi.mock('electron', () => import('../../helpers/electron-mock.js'));
 *
 * and import the same module to drive and inspect it. The fakes only record
 * what the shell passes in and let tests fire events; the behaviour under test
 * is always the shell's own code. Call resetElectronMock() in beforeEach.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';

export interface FakeEvent {
  readonly url: string;
  preventDefault: () => void;
  defaultPrevented: boolean;
}

/** An Electron event object (`event.preventDefault()`), optionally with `url`. */
export function fakeEvent(url = ''): FakeEvent {
  const event: FakeEvent = {
    url,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      event.defaultPrevented = true;
    }),
  };
  return event;
}

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler ?? undefined;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler ?? undefined;
  });
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly session = new FakeSession();
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  destroyed = false;
  minimized = false;
  maximized = false;
  normalBounds = { x: 40, y: 60, width: 1100, height: 720 };
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly isMinimized = vi.fn(() => this.minimized);
  readonly isMaximized = vi.fn(() => this.maximized);
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly getNormalBounds = vi.fn(() => this.normalBounds);

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export interface ForkCall {
  readonly modulePath: string;
  readonly args: readonly string[];
  readonly options: { env?: Record<string, string>; serviceName?: string };
}

/** A utilityProcess child: tests emit 'message' / 'exit' on it. */
export class FakeUtilityProcess extends EventEmitter {
  readonly postMessage = vi.fn((_message: unknown) => undefined);
  readonly kill = vi.fn(() => true);
  constructor(readonly call: ForkCall) {
    super();
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static readonly isSupported = vi.fn(() => true);
  readonly show = vi.fn();
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
}

const forked: FakeUtilityProcess[] = [];

/** Resolves the promise of app.whenReady(); tests call it when they want 'ready'. */
let fireReady: () => void = () => undefined;
let readyPromise: Promise<void> = new Promise<void>(() => undefined);

function newReadyPromise(): void {
  readyPromise = new Promise<void>((resolve) => {
    fireReady = resolve;
  });
}

const paths = new Map<string, string>();
const switches = new Set<string>();

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly whenReady = vi.fn(() => readyPromise);
  readonly getPath = vi.fn((name: string) => paths.get(name) ?? tmpdir());
  readonly setPath = vi.fn((name: string, value: string) => {
    paths.set(name, value);
  });
  readonly getVersion = vi.fn(() => '0.1.0-test');
  readonly quit = vi.fn();
  readonly relaunch = vi.fn();
  readonly exit = vi.fn((_code?: number) => undefined);
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly setBadgeCount = vi.fn((_count?: number) => true);
  readonly setAppUserModelId = vi.fn();
  readonly commandLine = { hasSwitch: vi.fn((name: string) => switches.has(name)) };
}

// ---- the named exports the shell imports from 'electron' ----

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const Notification = FakeNotification;
export type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: `on` listeners via the EventEmitter, `handle` handlers kept by channel. */
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly handle = vi.fn((channel: string, handler: InvokeHandler) => {
    // As in Electron: a second handler for one channel is a bug, not an override.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}

export const ipcMain = new FakeIpcMain();
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => undefined),
};
export const net = { fetch: vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response('net.fetch'))) };
export const session = { defaultSession: new FakeSession() };
export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
};
export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: ForkCall['options'] = {}) => {
    const child = new FakeUtilityProcess({ modulePath, args, options });
    forked.push(child);
    return child;
  }),
};
export const contextBridge = { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => undefined) };
export const ipcRenderer = {
  send: vi.fn((_channel: string, ..._args: unknown[]) => undefined),
  invoke: vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined)),
};

// ---- helpers for tests ----

export const electronMock = {
  /** Fires app 'ready' (resolves whenReady). */
  ready(): void {
    fireReady();
  },
  /** The children utilityProcess.fork created, oldest first. */
  forked(): readonly FakeUtilityProcess[] {
    return forked;
  },
  lastForked(): FakeUtilityProcess {
    const child = forked.at(-1);
    if (child === undefined) throw new Error('utilityProcess.fork was not called');
    return child;
  },
  lastWindow(): FakeBrowserWindow {
    const window = FakeBrowserWindow.instances.at(-1);
    if (window === undefined) throw new Error('no BrowserWindow was created');
    return window;
  },
  /** The handler registered with protocol.handle for a scheme. */
  protocolHandler(scheme: string): (request: Request) => Promise<Response> {
    const call = protocol.handle.mock.calls.find(([registered]) => registered === scheme);
    if (call === undefined) throw new Error(`protocol.handle('${scheme}') was not called`);
    return call[1];
  },
  /**
   * Calls what main registered with ipcMain.handle, as ipcRenderer.invoke
   * would: the answer resolves, a thrown error rejects.
   */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  },
  setPath(name: string, value: string): void {
    paths.set(name, value);
  },
  setSwitch(name: string): void {
    switches.add(name);
  },
};

/** Casts a fake to the Electron type a function under test expects. */
export function asElectron<T>(fake: object): T {
  return fake as T;
}

export function resetElectronMock(): void {
  vi.clearAllMocks();
  for (const emitter of [app, ipcMain]) emitter.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.invoke.mockImplementation(() => Promise.resolve(undefined));
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  app.relaunch.mockImplementation(() => undefined);
  app.exit.mockImplementation(() => undefined);
  FakeNotification.isSupported.mockImplementation(() => true);
  net.fetch.mockImplementation(() => Promise.resolve(new Response('net.fetch')));
  session.defaultSession = new FakeSession();
  FakeBrowserWindow.instances = [];
  FakeNotification.instances = [];
  forked.length = 0;
  paths.clear();
  switches.clear();
  newReadyPromise();
}
