import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, electronMock, net, resetElectronMock } from '../../helpers/electron-mock.js';
import { ipcChannels } from '../../../electron/main/ipc-channels.js';
import { registerNativeBridge, type NativeBridgeOptions } from '../../../electron/main/native-bridge.js';
import { loadSettings, settingsFile } from '../../../electron/main/settings.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const fromApp = { senderFrame: { url: 'app://kamiless/settings' } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };

const healthAnswer = {
  name: 'kamiless',
  version: '0.3.1',
  mode: 'hub',
  schemaVersion: 2,
  setupRequired: false,
  townName: '紙レス町',
};

let dir: string;
let file: string;
let beforeRestart: ReturnType<typeof vi.fn<() => Promise<void>>>;

function register(mode: NativeBridgeOptions['mode'] = { kind: 'standalone' }): void {
  registerNativeBridge({ onNotificationClick: () => undefined, mode, settingsFile: file, beforeRestart });
}

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json' } });
}

/** A server that accepts the connection and never answers; only an abort ends the wait. */
function hangingFetch(_url: string, init?: RequestInit): Promise<Response> {
  return new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new Error('net::ERR_ABORTED')));
  });
}

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'kamiless-hub-'));
  file = settingsFile(dir);
  beforeRestart = vi.fn(() => Promise.resolve());
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('getConnection', () => {
  it('reports the mode this run started in', async () => {
    register({ kind: 'connected', hubUrl: 'https://hub.town.example.lg.jp' });
    await expect(electronMock.invoke(ipcChannels.getConnection, fromApp)).resolves.toEqual({
      mode: 'connected',
      hubUrl: 'https://hub.town.example.lg.jp',
    });
  });

  it('reports standalone', async () => {
    register();
    await expect(electronMock.invoke(ipcChannels.getConnection, fromApp)).resolves.toEqual({ mode: 'standalone' });
  });

  it('refuses a frame that is not the app', async () => {
    register();
    await expect(electronMock.invoke(ipcChannels.getConnection, fromElsewhere)).rejects.toThrow(/Refused/);
    await expect(electronMock.invoke(ipcChannels.getConnection, { senderFrame: null })).rejects.toThrow(/Refused/);
  });
});

describe('testHub', () => {
  beforeEach(() => register());

  it('reports the town name and version of a Kamiless hub, asking its health endpoint', async () => {
    net.fetch.mockImplementation(() => Promise.resolve(jsonResponse(healthAnswer)));
    const result = await electronMock.invoke(ipcChannels.testHub, fromApp, ' https://hub.town.example.lg.jp/kamiless/ ');
    expect(result).toEqual({ ok: true, townName: '紙レス町', version: '0.3.1' });
    expect(net.fetch).toHaveBeenCalledTimes(1);
    const [url, init] = net.fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://hub.town.example.lg.jp/kamiless/api/health');
    expect(init?.credentials).toBe('omit');
  });

  it('recognises a hub of another version that answers with fewer or more fields', async () => {
    net.fetch.mockImplementation(() =>
      Promise.resolve(jsonResponse({ name: 'kamiless', version: '9.0.0', townName: '', extra: { a: 1 } })),
    );
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, 'http://10.1.2.3:4317')).resolves.toEqual({
      ok: true,
      townName: '',
      version: '9.0.0',
    });
  });

  it.each([
    ['another JSON service', () => jsonResponse({ name: 'grafana', version: '10', townName: 'x' })],
    ['a health answer without a version', () => jsonResponse({ name: 'kamiless', townName: 'x' })],
    ['an HTML page', () => new Response('<!doctype html><title>Welcome to nginx</title>', { headers: { 'content-type': 'text/html' } })],
    ['an empty body', () => new Response(null)],
    ['a huge body, even one that looks like a health answer', () => jsonResponse({ ...healthAnswer, pad: 'x'.repeat(200_000) })],
  ])('says that %s is not a Kamiless hub', async (_name, answer) => {
    net.fetch.mockImplementation(() => Promise.resolve(answer()));
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, 'https://www.example.jp')).resolves.toEqual({
      ok: false,
      reason: 'not_kamiless',
    });
  });

  it('reports an HTTP error with its status', async () => {
    net.fetch.mockImplementation(() => Promise.resolve(jsonResponse(healthAnswer, { status: 503 })));
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, 'https://hub.example.jp')).resolves.toEqual({
      ok: false,
      reason: 'http_error',
      detail: 'HTTP 503',
    });
  });

  it('reports a network failure with the error message', async () => {
    net.fetch.mockImplementation(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')));
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, 'https://nohub.example.jp')).resolves.toEqual({
      ok: false,
      reason: 'unreachable',
      detail: 'net::ERR_NAME_NOT_RESOLVED',
    });
  });

  it('gives up after 5 seconds when the server does not answer, and aborts the request', async () => {
    vi.useFakeTimers();
    net.fetch.mockImplementation(hangingFetch);
    let settled: unknown;
    void electronMock.invoke(ipcChannels.testHub, fromApp, 'https://slow.example.jp').then((result) => {
      settled = result;
    });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toEqual({ ok: false, reason: 'timeout' });
    expect(net.fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('gives up when the server sends headers and then stalls in the body', async () => {
    vi.useFakeTimers();
    net.fetch.mockImplementation(() =>
      Promise.resolve(new Response(new ReadableStream<Uint8Array>({ start: () => undefined }))),
    );
    let settled: unknown;
    void electronMock.invoke(ipcChannels.testHub, fromApp, 'https://slow.example.jp').then((result) => {
      settled = result;
    });
    await vi.advanceTimersByTimeAsync(5_100);
    expect(settled).toEqual({ ok: false, reason: 'timeout' });
  });

  it('does not accept a hub reached through a redirect, and names the address that answered', async () => {
    net.fetch.mockImplementation(() => {
      const response = jsonResponse(healthAnswer);
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: 'https://hub.town.example.lg.jp/api/health' });
      return Promise.resolve(response);
    });
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, 'http://hub.town.example.lg.jp')).resolves.toEqual({
      ok: false,
      reason: 'redirected',
      detail: 'https://hub.town.example.lg.jp',
    });
  });

  it.each([
    42,
    null,
    undefined,
    { href: 'https://hub.example.jp' },
    ['https://hub.example.jp'],
    '',
    'hub.example.jp',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://hub.example.jp',
    'https://user:pass@hub.example.jp',
    'https://user@hub.example.jp',
    `https://hub.example.jp/${'a'.repeat(2000)}`,
  ])('refuses %j without any request', async (url) => {
    await expect(electronMock.invoke(ipcChannels.testHub, fromApp, url)).resolves.toEqual({
      ok: false,
      reason: 'invalid_url',
    });
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the app, without any request', async () => {
    await expect(electronMock.invoke(ipcChannels.testHub, fromElsewhere, 'https://hub.example.jp')).rejects.toThrow(/Refused/);
    expect(net.fetch).not.toHaveBeenCalled();
  });
});

describe('setHubUrl', () => {
  beforeEach(() => register());

  it('stores the normalised URL, lets the core stop, then relaunches and exits', async () => {
    const order: string[] = [];
    beforeRestart.mockImplementation(() => {
      order.push('beforeRestart');
      return Promise.resolve();
    });
    app.relaunch.mockImplementation(() => order.push('relaunch'));
    app.exit.mockImplementation(() => {
      order.push('exit');
    });

    const result = await electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.town.example.lg.jp/');
    expect(result).toEqual({ ok: true });
    expect(loadSettings(file).mode).toEqual({ kind: 'connected', hubUrl: 'https://hub.town.example.lg.jp' });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(order).toEqual(['beforeRestart', 'relaunch', 'exit']);
  });

  it('clears the URL for null, keeping the other settings', async () => {
    writeFileSync(file, JSON.stringify({ hubUrl: 'https://hub.example.jp', dataDir: '/srv/kamiless', future: 1 }));
    await expect(electronMock.invoke(ipcChannels.setHubUrl, fromApp, null)).resolves.toEqual({ ok: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ dataDir: '/srv/kamiless', future: 1 });
    expect(loadSettings(file)).toEqual({ mode: { kind: 'standalone' }, dataDir: '/srv/kamiless' });
    await vi.waitFor(() => expect(app.relaunch).toHaveBeenCalled());
  });

  it('still restarts when stopping the core fails', async () => {
    beforeRestart.mockImplementation(() => Promise.reject(new Error('core did not stop')));
    await electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.example.jp');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(app.relaunch).toHaveBeenCalled();
  });

  it('restarts once however often it is asked', async () => {
    await electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.example.jp');
    await electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.example.jp');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledTimes(1);
  });

  it.each([
    42,
    undefined,
    true,
    { url: 'https://hub.example.jp' },
    '',
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'https://user:pass@hub.example.jp',
    `https://hub.example.jp/${'a'.repeat(2000)}`,
  ])('refuses %j and neither writes nor restarts', async (url) => {
    writeFileSync(file, '{"hubUrl":"https://hub.example.jp"}');
    await expect(electronMock.invoke(ipcChannels.setHubUrl, fromApp, url)).resolves.toEqual({
      ok: false,
      reason: 'invalid_url',
    });
    expect(readFileSync(file, 'utf8')).toBe('{"hubUrl":"https://hub.example.jp"}');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('says so, and does not restart, when the settings cannot be written', async () => {
    resetElectronMock();
    file = join(dir, 'missing-folder', 'settings.json');
    register();
    await expect(electronMock.invoke(ipcChannels.setHubUrl, fromApp, 'https://hub.example.jp')).resolves.toEqual({
      ok: false,
      reason: 'write_failed',
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.relaunch).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the app, and writes nothing', async () => {
    await expect(electronMock.invoke(ipcChannels.setHubUrl, fromElsewhere, 'https://evil.example')).rejects.toThrow(/Refused/);
    expect(loadSettings(file).mode).toEqual({ kind: 'standalone' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.relaunch).not.toHaveBeenCalled();
  });
});
