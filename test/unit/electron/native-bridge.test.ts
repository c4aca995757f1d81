import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification, app, ipcMain, resetElectronMock } from '../../helpers/electron-mock.js';
import { ipcChannels } from '../../../electron/main/ipc-channels.js';
import { registerNativeBridge } from '../../../electron/main/native-bridge.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const fromApp = { senderFrame: { url: 'app://kamiless/inbox' } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };
let onClick: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  resetElectronMock();
  onClick = vi.fn<() => void>();
  registerNativeBridge({
    onNotificationClick: onClick,
    mode: { kind: 'standalone' },
    settingsFile: '/nonexistent/settings.json',
    beforeRestart: () => Promise.resolve(),
  });
});

describe('native bridge in main', () => {
  it('sets the badge count for a valid count from the app', () => {
    ipcMain.emit(ipcChannels.setBadgeCount, fromApp, 3);
    ipcMain.emit(ipcChannels.setBadgeCount, fromApp, 0);
    expect(app.setBadgeCount.mock.calls).toEqual([[3], [0]]);
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 10_000, '3', null, undefined, { n: 1 }])('ignores the badge count %j', (count) => {
    ipcMain.emit(ipcChannels.setBadgeCount, fromApp, count);
    expect(app.setBadgeCount).not.toHaveBeenCalled();
  });

  it('ignores calls from a frame that is not the app', () => {
    ipcMain.emit(ipcChannels.setBadgeCount, fromElsewhere, 3);
    ipcMain.emit(ipcChannels.setBadgeCount, { senderFrame: null }, 3);
    ipcMain.emit(ipcChannels.notify, fromElsewhere, '承認依頼', '本文');
    expect(app.setBadgeCount).not.toHaveBeenCalled();
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('shows a notification that brings the window forward when clicked', () => {
    ipcMain.emit(ipcChannels.notify, fromApp, '承認依頼が届きました', '出張命令書 (総務課)');
    const [notification] = FakeNotification.instances;
    expect(notification?.options).toEqual({ title: '承認依頼が届きました', body: '出張命令書 (総務課)' });
    expect(notification?.show).toHaveBeenCalled();
    notification?.emit('click');
    expect(onClick).toHaveBeenCalled();
  });

  it.each([
    ['', 'body'],
    ['   ', 'body'],
    ['x'.repeat(201), 'body'],
    ['title', 'x'.repeat(1001)],
    [1, 'body'],
    ['title', undefined],
  ])('refuses the notification (%j, %j)', (title, body) => {
    ipcMain.emit(ipcChannels.notify, fromApp, title, body);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('does nothing where notifications are not supported', () => {
    FakeNotification.isSupported.mockReturnValue(false);
    ipcMain.emit(ipcChannels.notify, fromApp, 'title', 'body');
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
