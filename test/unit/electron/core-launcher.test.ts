import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, electronMock, resetElectronMock, utilityProcess } from '../../helpers/electron-mock.js';
import { CoreStartError, launchCore } from '../../../electron/main/core-launcher.js';
import { startCoreOrQuit } from '../../../electron/main/core-startup.js';
import { newLaunchSecret } from '../../../electron/main/launch-secret.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const SECRET = 'f'.repeat(64);
const options = { modulePath: '/opt/kamiless/dist/electron/app/core-process.js', dataDir: '/srv/kamiless/data', secret: SECRET };

beforeEach(resetElectronMock);
afterEach(() => {
  vi.useRealTimers();
});

describe('launch secret', () => {
  it('is 32 random bytes in hex, new for every launch', () => {
    const first = newLaunchSecret();
    const second = newLaunchSecret();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toBe(second);
  });
});

describe('launchCore', () => {
  it('forks the core process by path with the data folder and secret in its environment', async () => {
    const started = launchCore({ ...options, env: { PATH: '/usr/bin', UNSET: undefined } });
    const child = electronMock.lastForked();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(child.call.modulePath).toBe(options.modulePath);
    expect(child.call.options).toMatchObject({
      serviceName: 'Kamiless core',
      env: { PATH: '/usr/bin', KAMILESS_DATA: '/srv/kamiless/data', KAMILESS_CORE_SECRET: SECRET },
    });
    expect(child.call.options.env).not.toHaveProperty('UNSET');
    child.emit('message', { type: 'ready', port: 43_210 });
    const core = await started;
    expect(core.port).toBe(43_210);
    expect(core.baseUrl).toBe('http://127.0.0.1:43210');
  });

  it('waits for "ready" and ignores anything else the process says', async () => {
    vi.useFakeTimers();
    let resolved = false;
    const started = launchCore({ ...options, timeoutMs: 1000 }).then((core) => {
      resolved = true;
      return core;
    });
    const child = electronMock.lastForked();
    for (const noise of ['ready', { type: 'ready' }, { type: 'ready', port: 0 }, { type: 'ready', port: 70_000 }, { type: 'hello' }, null]) {
      child.emit('message', noise);
    }
    await vi.advanceTimersByTimeAsync(500);
    expect(resolved).toBe(false);
    child.emit('message', { type: 'ready', port: 5000 });
    await expect(started).resolves.toMatchObject({ port: 5000 });
  });

  it('fails with the reason the core gives and kills it', async () => {
    const started = launchCore(options);
    const child = electronMock.lastForked();
    child.emit('message', { type: 'failed', message: 'SQLITE_CANTOPEN: unable to open database file' });
    await expect(started).rejects.toMatchObject({ reason: 'SQLITE_CANTOPEN: unable to open database file' });
    expect(child.kill).toHaveBeenCalled();
  });

  it('fails when the process exits before it is ready', async () => {
    const started = launchCore(options);
    electronMock.lastForked().emit('exit', 3);
    await expect(started).rejects.toBeInstanceOf(CoreStartError);
    await expect(started).rejects.toMatchObject({ reason: expect.stringContaining('code 3') });
  });

  it('gives up after the timeout (20 s by default) and kills the process', async () => {
    vi.useFakeTimers();
    const started = launchCore(options);
    const outcome = started.catch((error: unknown) => error);
    const child = electronMock.lastForked();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(child.kill).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(CoreStartError);
    expect((error as CoreStartError).reason).toContain('20 s');
    expect(child.kill).toHaveBeenCalled();
  });

  it('stops by asking the core to shut down, and kills it if it does not exit in time', async () => {
    vi.useFakeTimers();
    const started = launchCore(options);
    const child = electronMock.lastForked();
    child.emit('message', { type: 'ready', port: 5000 });
    const core = await started;

    const polite = core.stop(1000);
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'shutdown' });
    child.emit('exit', 0);
    await polite;
    expect(child.kill).not.toHaveBeenCalled();

    const second = launchCore(options);
    const stubborn = electronMock.lastForked();
    stubborn.emit('message', { type: 'ready', port: 5001 });
    const stopping = (await second).stop(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await stopping;
    expect(stubborn.kill).toHaveBeenCalled();
  });
});

describe('startCoreOrQuit', () => {
  it('shows a Japanese and English error with the reason and data folder, then quits', async () => {
    const started = startCoreOrQuit(options);
    electronMock.lastForked().emit('message', { type: 'failed', message: 'database is locked' });
    await expect(started).resolves.toBeUndefined();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toContain('Kamiless');
    expect(content).toContain('コアを起動できませんでした');
    expect(content).toContain('The Kamiless core did not start');
    expect(content).toContain('database is locked');
    expect(content).toContain('/srv/kamiless/data');
    expect(app.quit).toHaveBeenCalled();
  });

  it('reports a timeout the same way', async () => {
    vi.useFakeTimers();
    const started = startCoreOrQuit({ ...options, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(started).resolves.toBeUndefined();
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('5 s');
    expect(app.quit).toHaveBeenCalled();
  });

  it('returns the running core, and quits with a message if it later crashes', async () => {
    const started = startCoreOrQuit(options);
    const child = electronMock.lastForked();
    child.emit('message', { type: 'ready', port: 4444 });
    await expect(started).resolves.toMatchObject({ port: 4444 });
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    child.emit('exit', 134);
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('コアが予期せず停止しました');
    expect(app.quit).toHaveBeenCalled();
  });
});
