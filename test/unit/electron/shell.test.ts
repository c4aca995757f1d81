import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  electronMock,
  fakeEvent,
  net,
  protocol,
  resetElectronMock,
  session,
  utilityProcess,
} from '../../helpers/electron-mock.js';
import { userDataFolder } from '../../../shared/domain/user-data-folder.js';
import { ipcChannels } from '../../../electron/main/ipc-channels.js';
import { startShell } from '../../../electron/main/shell.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

let userData: string;
let paths: { coreProcess: string; preload: string; rendererRoot: string };

beforeEach(() => {
  resetElectronMock();
  vi.stubEnv('KAMILESS_DATA', '');
  userData = mkdtempSync(join(tmpdir(), 'kamiless-shell-'));
  paths = {
    coreProcess: '/opt/kamiless/dist/electron/app/core-process.js',
    preload: '/opt/kamiless/dist/electron/preload/preload.cjs',
    rendererRoot: join(userData, 'renderer'),
  };
  mkdirSync(paths.rendererRoot);
  writeFileSync(join(paths.rendererRoot, 'index.html'), '<!doctype html>');
  // As with a throwaway profile: the shell keeps the given userData.
  electronMock.setSwitch('user-data-dir');
  electronMock.setPath('userData', userData);
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

/** Starts the shell, fires 'ready' and answers for the core; returns the core's child and secret. */
async function launchStandalone(port = 4321) {
  startShell(paths, { coreTimeoutMs: 2000 });
  electronMock.ready();
  await vi.waitFor(() => expect(electronMock.forked()).toHaveLength(1));
  const child = electronMock.lastForked();
  const secret = child.call.options.env?.['KAMILESS_CORE_SECRET'] ?? '';
  child.emit('message', { type: 'ready', port });
  await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1));
  return { child, secret };
}

describe('desktop shell start-up', () => {
  it('registers app:// as a privileged scheme and takes the single-instance lock before ready', () => {
    startShell(paths);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
      },
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('uses the same userData folder as the browser fallback unless a profile is given', () => {
    resetElectronMock();
    startShell(paths);
    expect(app.setPath).toHaveBeenCalledWith('userData', userDataFolder(process.platform, process.env, homedir()));
  });

  it('quits at once when another instance is running', () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    startShell(paths);
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('starts the core, then serves app:// with the core and opens the secure window', async () => {
    const { child, secret } = await launchStandalone(4321);
    expect(child.call.modulePath).toBe(paths.coreProcess);
    expect(child.call.options.env?.['KAMILESS_DATA']).toBe(join(userData, 'data'));
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const handler = electronMock.protocolHandler('app');
    await handler(new Request('app://kamiless/api/health?x=1'));
    const [url, init] = net.fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:4321/api/health?x=1');
    expect(new Headers(init?.headers).get('x-kamiless-secret')).toBe(secret);

    const page = await handler(new Request('app://kamiless/inbox'));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");

    const window = electronMock.lastWindow();
    expect(window.options['webPreferences']).toMatchObject({ preload: paths.preload, sandbox: true, contextIsolation: true });
    expect(window.loadURL).toHaveBeenCalledWith('app://kamiless/');
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('uses a new secret on every launch', async () => {
    const first = await launchStandalone();
    resetElectronMock();
    electronMock.setSwitch('user-data-dir');
    electronMock.setPath('userData', userData);
    const second = await launchStandalone();
    expect(first.secret).not.toBe(second.secret);
  });

  it('in connected mode starts no core and sends the API to the hub without the secret', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ hubUrl: 'https://hub.town.example.lg.jp/' }));
    startShell(paths);
    electronMock.ready();
    await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1));
    expect(utilityProcess.fork).not.toHaveBeenCalled();

    await electronMock.protocolHandler('app')(new Request('app://kamiless/api/inbox'));
    const [url, init] = net.fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://hub.town.example.lg.jp/api/inbox');
    expect(new Headers(init?.headers).has('x-kamiless-secret')).toBe(false);
  });

  it('with an invalid hub URL falls back to standalone and starts the core', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ hubUrl: 'hub.town.example.lg.jp' }));
    await launchStandalone();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
  });

  it('shows the error and quits without a window when the core fails', async () => {
    startShell(paths);
    electronMock.ready();
    await vi.waitFor(() => expect(electronMock.forked()).toHaveLength(1));
    electronMock.lastForked().emit('message', { type: 'failed', message: 'disk full' });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('disk full');
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('brings the window forward when a second instance starts', async () => {
    await launchStandalone();
    const window = electronMock.lastWindow();
    window.minimized = true;
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('lets the core close its database before quitting', async () => {
    const { child } = await launchStandalone();
    const beforeQuit = fakeEvent();
    app.emit('before-quit', beforeQuit);
    expect(beforeQuit.defaultPrevented).toBe(true);
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'shutdown' });
    expect(app.quit).not.toHaveBeenCalled();

    child.emit('exit', 0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const again = fakeEvent();
    app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('on switching to a hub in Settings, stores it and restarts only after the core has closed its database', async () => {
    const { child } = await launchStandalone();
    const fromApp = { senderFrame: { url: 'app://kamiless/settings' } };
    await expect(electronMock.invoke(ipcChannels.getConnection, fromApp)).resolves.toEqual({ mode: 'standalone' });

    await expect(electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.town.example.lg.jp')).resolves.toEqual({ ok: true });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ hubUrl: 'https://hub.town.example.lg.jp' });
    await vi.waitFor(() => expect(child.postMessage).toHaveBeenCalledWith({ type: 'shutdown' }));
    expect(app.exit).not.toHaveBeenCalled();

    child.emit('exit', 0);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.relaunch).toHaveBeenCalled();
  });

  it('in connected mode reports the hub and goes back to standalone without waiting for a core', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ hubUrl: 'https://hub.town.example.lg.jp/', dataDir: '/srv/k' }));
    startShell(paths);
    electronMock.ready();
    await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1));
    const fromApp = { senderFrame: { url: 'app://kamiless/settings' } };
    await expect(electronMock.invoke(ipcChannels.getConnection, fromApp)).resolves.toEqual({
      mode: 'connected',
      hubUrl: 'https://hub.town.example.lg.jp',
    });

    await electronMock.invoke(ipcChannels.setHubUrl, fromApp, null);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.relaunch).toHaveBeenCalled();
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toEqual({ dataDir: '/srv/k' });
  });
});
