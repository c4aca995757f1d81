import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import {
  FakeSession,
  FakeWebContents,
  app,
  asElectron,
  electronMock,
  fakeEvent,
  resetElectronMock,
  shell,
} from '../../helpers/electron-mock.js';
import { createMainWindow } from '../../../electron/main/secure-window.js';
import { hardenAllWebContents, hardenWebContents } from '../../../electron/main/web-contents-hardening.js';
import { hardenSession } from '../../../electron/main/session-hardening.js';
import { defaultWindowState } from '../../../electron/main/window-state.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

beforeEach(resetElectronMock);

describe('main window', () => {
  it('is created with the Electron security checklist and the preload', () => {
    createMainWindow({ preloadPath: '/opt/kamiless/dist/electron/preload/preload.cjs', state: defaultWindowState, version: '1.2.3' });
    const window = electronMock.lastWindow();
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/opt/kamiless/dist/electron/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      additionalArguments: ['--kamiless-version=1.2.3'],
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://kamiless/');
  });

  it('opens at the remembered bounds, maximised if it was, once ready to show', () => {
    createMainWindow({ preloadPath: '/p.cjs', state: { x: 10, y: 20, width: 1000, height: 700, maximized: true }, version: '1' });
    const window = electronMock.lastWindow();
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('lets the OS place the window when no position is remembered', () => {
    createMainWindow({ preloadPath: '/p.cjs', state: defaultWindowState, version: '1' });
    expect(electronMock.lastWindow().options).not.toHaveProperty('x');
  });
});

describe('webContents hardening', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(asElectron<WebContents>(contents));
    return contents;
  }

  it.each(['https://evil.example/', 'http://127.0.0.1:4317/', 'file:///etc/passwd', 'app://kamiless.evil/', 'app://other/', 'javascript:alert(1)'])(
    'cancels navigation to %s',
    (url) => {
      const contents = hardened();
      const event = fakeEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
      const redirect = fakeEvent(url);
      contents.emit('will-redirect', redirect, url);
      expect(redirect.defaultPrevented).toBe(true);
    },
  );

  it.each(['app://kamiless/', 'app://kamiless/admin/users?x=1'])('allows navigation inside the app: %s', (url) => {
    const contents = hardened();
    const event = fakeEvent(url);
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies every new window and opens only web links in the browser', () => {
    const contents = hardened();
    const open = contents.windowOpenHandler;
    expect(open?.({ url: 'https://www.town.example.lg.jp/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.town.example.lg.jp/');

    shell.openExternal.mockClear();
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://server/share', 'app://kamiless/x', 'ms-settings:']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('hardens every webContents the app creates', () => {
    hardenAllWebContents(asElectron<App>(app));
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const event = fakeEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('session permissions', () => {
  function hardenedSession(): FakeSession {
    const session = new FakeSession();
    hardenSession(asElectron<Session>(session));
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies %s requests',
    (permission) => {
      const session = hardenedSession();
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, { requestingUrl: 'app://kamiless/' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://kamiless')).toBe(false);
    },
  );

  it('allows writing text to the clipboard for the app only', () => {
    const session = hardenedSession();
    const callback = vi.fn();
    session.permissionRequestHandler?.({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://kamiless/cases' });
    expect(callback).toHaveBeenCalledWith(true);
    expect(session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://kamiless')).toBe(true);
    expect(session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});
