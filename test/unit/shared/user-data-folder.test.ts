import { describe, expect, it } from 'vitest';
import { appDataFolder, standaloneDataFolder, userDataFolder } from '../../../shared/domain/user-data-folder.js';

describe('userDataFolder (same rule as Electron app.getPath("userData") for productName Kamiless)', () => {
  it('uses XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(userDataFolder('linux', { XDG_CONFIG_HOME: '/srv/config' }, '/home/sato')).toBe('/srv/config/Kamiless');
    expect(userDataFolder('linux', {}, '/home/sato')).toBe('/home/sato/.config/Kamiless');
    expect(userDataFolder('freebsd', {}, '/home/sato/')).toBe('/home/sato/.config/Kamiless');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec requires', () => {
    expect(userDataFolder('linux', { XDG_CONFIG_HOME: 'config' }, '/home/sato')).toBe('/home/sato/.config/Kamiless');
    expect(userDataFolder('linux', { XDG_CONFIG_HOME: '' }, '/home/sato')).toBe('/home/sato/.config/Kamiless');
  });

  it('uses ~/Library/Application Support on macOS', () => {
    expect(userDataFolder('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/sato')).toBe(
      '/Users/sato/Library/Application Support/Kamiless',
    );
  });

  it('uses %APPDATA% on Windows, else the roaming folder under the profile', () => {
    expect(userDataFolder('win32', { APPDATA: 'C:\\Users\\sato\\AppData\\Roaming' }, 'C:\\Users\\sato')).toBe(
      'C:\\Users\\sato\\AppData\\Roaming\\Kamiless',
    );
    expect(userDataFolder('win32', {}, 'C:\\Users\\sato')).toBe('C:\\Users\\sato\\AppData\\Roaming\\Kamiless');
    expect(appDataFolder('win32', { APPDATA: 'relative' }, 'C:\\Users\\sato\\')).toBe('C:\\Users\\sato\\AppData\\Roaming');
  });

  it('handles a home folder at the root', () => {
    expect(userDataFolder('linux', {}, '/')).toBe('/.config/Kamiless');
  });

  it('puts the standalone database folder in userData/data', () => {
    expect(standaloneDataFolder('linux', {}, '/home/sato')).toBe('/home/sato/.config/Kamiless/data');
    expect(standaloneDataFolder('win32', { APPDATA: 'D:\\Profiles\\sato' }, 'C:\\Users\\sato')).toBe(
      'D:\\Profiles\\sato\\Kamiless\\data',
    );
  });
});
