import { Menu, dialog, type MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly onAbout: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The application menu in Japanese; roles keep the native shortcuts (⌘C / Ctrl+C …). */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'バージョン情報', click: options.onAbout };

  const macAppMenu: MenuItemConstructorOptions = {
    label: 'Kamiless',
    submenu: [
      about,
      separator,
      { role: 'services', label: 'サービス' },
      separator,
      { role: 'hide', label: 'Kamiless を隠す' },
      { role: 'hideOthers', label: 'ほかを隠す' },
      { role: 'unhide', label: 'すべてを表示' },
      separator,
      { role: 'quit', label: 'Kamiless を終了' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'ファイル',
    submenu: mac ? [{ role: 'close', label: 'ウィンドウを閉じる' }] : [{ role: 'quit', label: '終了' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: '編集',
    submenu: [
      { role: 'undo', label: '元に戻す' },
      { role: 'redo', label: 'やり直す' },
      separator,
      { role: 'cut', label: '切り取り' },
      { role: 'copy', label: 'コピー' },
      { role: 'paste', label: '貼り付け' },
      { role: 'selectAll', label: 'すべて選択' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '表示',
    submenu: [
      { role: 'reload', label: '再読み込み' },
      { role: 'forceReload', label: '強制再読み込み' },
      // Developer tools in a clerk's installed copy only invite pasting unknown scripts.
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools', label: '開発者ツール' } as const]),
      separator,
      { role: 'resetZoom', label: '実際のサイズ' },
      { role: 'zoomIn', label: '拡大' },
      { role: 'zoomOut', label: '縮小' },
      separator,
      { role: 'togglefullscreen', label: '全画面表示' },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: 'ウィンドウ',
    submenu: [
      { role: 'minimize', label: '最小化' },
      ...(mac ? [{ role: 'zoom', label: 'ズーム' } as const, separator, { role: 'front', label: 'すべてを手前に移動' } as const] : []),
      ...(mac ? [] : [{ role: 'close', label: '閉じる' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = { label: 'ヘルプ', submenu: [about] };

  return [...(mac ? [macAppMenu] : []), file, edit, view, window, help];
}

export interface AboutInfo {
  readonly version: string;
  readonly versions: Readonly<Record<string, string | undefined>>;
}

export function aboutDetail(info: AboutInfo): string {
  return [
    `バージョン / Version ${info.version}`,
    `Electron ${info.versions['electron'] ?? '-'}`,
    `Chromium ${info.versions['chrome'] ?? '-'}`,
    `Node.js ${info.versions['node'] ?? '-'}`,
  ].join('\n');
}

export function showAbout(info: AboutInfo): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'バージョン情報',
    message: '紙レス Kamiless',
    detail: aboutDetail(info),
    buttons: ['OK'],
  });
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(options)));
}
