import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../../shared/api/desktop-bridge.js';
import { contextBridge, ipcRenderer } from '../../helpers/electron-mock.js';
import { ipcChannels } from '../../../electron/main/ipc-channels.js';
import { versionFromArguments } from '../../../electron/main/version-argument.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

let bridge: DesktopBridge;

// The preload acts on import, once, as in a real window.
beforeAll(async () => {
  const original = process.argv;
  process.argv = ['electron', '--kamiless-version=1.4.0'];
  try {
    await import('../../../electron/preload/preload.js');
  } finally {
    process.argv = original;
  }
  const calls = contextBridge.exposeInMainWorld.mock.calls;
  expect(calls).toHaveLength(1);
  expect(calls[0]?.[0]).toBe('kamiless');
  bridge = calls[0]?.[1] as DesktopBridge;
});

describe('preload bridge', () => {
  it('exposes only the typed window.kamiless object', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'getConnection',
      'isDesktop',
      'notify',
      'setBadgeCount',
      'setHubUrl',
      'testHub',
      'version',
    ]);
    expect(bridge.isDesktop).toBe(true);
    expect(bridge.version).toBe('1.4.0');
  });

  it('sends calls on the fixed channels', () => {
    ipcRenderer.send.mockClear();
    bridge.setBadgeCount(5);
    bridge.notify('承認依頼', '本文');
    expect(ipcRenderer.send.mock.calls).toEqual([
      [ipcChannels.setBadgeCount, 5],
      [ipcChannels.notify, '承認依頼', '本文'],
    ]);
  });

  it('asks main on the fixed channels and hands back its answers', async () => {
    ipcRenderer.invoke.mockImplementation((channel: string) =>
      Promise.resolve(channel === ipcChannels.getConnection ? { mode: 'standalone' } : { ok: true }),
    );
    await expect(bridge.getConnection()).resolves.toEqual({ mode: 'standalone' });
    await expect(bridge.testHub('https://hub.example.jp')).resolves.toEqual({ ok: true });
    await expect(bridge.setHubUrl(null)).resolves.toEqual({ ok: true });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannels.getConnection],
      [ipcChannels.testHub, 'https://hub.example.jp'],
      [ipcChannels.setHubUrl, null],
    ]);
  });

  it('does not trust a missing or strange version argument', () => {
    expect(versionFromArguments(['electron'])).toBe('0.0.0');
    expect(versionFromArguments(['electron', '--kamiless-version=<img src=x>'])).toBe('0.0.0');
    expect(versionFromArguments(['electron', '--kamiless-version=0.1.0-beta.2'])).toBe('0.1.0-beta.2');
  });
});
