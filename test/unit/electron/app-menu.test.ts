import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { Menu, dialog, resetElectronMock } from '../../helpers/electron-mock.js';
import { aboutDetail, appMenuTemplate, installAppMenu, showAbout } from '../../../electron/main/app-menu.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

beforeEach(resetElectronMock);

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => submenu(item).map((entry) => entry.role ?? '')).filter(Boolean);
}

describe('application menu', () => {
  it('has the Japanese top-level menus on Windows and Linux', () => {
    const template = appMenuTemplate({ platform: 'win32', isPackaged: true, onAbout: vi.fn() });
    expect(template.map((item) => item.label)).toEqual(['ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
  });

  it('starts with the application menu on macOS', () => {
    const template = appMenuTemplate({ platform: 'darwin', isPackaged: true, onAbout: vi.fn() });
    expect(template.map((item) => item.label)).toEqual(['Kamiless', 'ファイル', '編集', '表示', 'ウィンドウ', 'ヘルプ']);
  });

  it('keeps native roles (and shortcuts) for editing, reload and zoom, with Japanese labels', () => {
    const template = appMenuTemplate({ platform: 'linux', isPackaged: true, onAbout: vi.fn() });
    expect(roles(template)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'quit']),
    );
    const copy = submenu(template[1]).find((item) => item.role === 'copy');
    expect(copy?.label).toBe('コピー');
  });

  it('offers developer tools only in development', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', isPackaged: true, onAbout: vi.fn() }))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate({ platform: 'linux', isPackaged: false, onAbout: vi.fn() }))).toContain('toggleDevTools');
  });

  it('opens バージョン情報 from the help menu', () => {
    const onAbout = vi.fn();
    const template = appMenuTemplate({ platform: 'win32', isPackaged: true, onAbout });
    const about = submenu(template.at(-1)).find((item) => item.label === 'バージョン情報');
    expect(about).toBeDefined();
    (about?.click as (() => void) | undefined)?.();
    expect(onAbout).toHaveBeenCalled();
  });

  it('shows the versions in the about box and installs the menu', () => {
    expect(aboutDetail({ version: '0.1.0', versions: { electron: '39.8.10', chrome: '142', node: '22' } })).toContain('Electron 39.8.10');
    showAbout({ version: '0.1.0', versions: {} });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'バージョン情報', message: '紙レス Kamiless' }));
    installAppMenu({ platform: 'linux', isPackaged: true, onAbout: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });
});
