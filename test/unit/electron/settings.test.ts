import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDataFolder } from '../../../electron/main/data-folder.js';
import { loadSettings, saveHubUrl, settingsFile } from '../../../electron/main/settings.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kamiless-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function settingsWith(content: string) {
  writeFileSync(settingsFile(dir), content);
  return loadSettings(settingsFile(dir));
}

describe('desktop settings', () => {
  it('is standalone when there is no settings file', () => {
    expect(loadSettings(settingsFile(dir))).toEqual({ mode: { kind: 'standalone' } });
  });

  it('is connected to the hub given a valid http(s) URL, without a trailing slash', () => {
    expect(settingsWith('{"hubUrl":"https://hub.town.example.lg.jp/"}').mode).toEqual({
      kind: 'connected',
      hubUrl: 'https://hub.town.example.lg.jp',
    });
    expect(settingsWith('{"hubUrl":"http://10.1.2.3:4317/kamiless/"}').mode).toEqual({
      kind: 'connected',
      hubUrl: 'http://10.1.2.3:4317/kamiless',
    });
  });

  it.each(['not a url', 'ftp://hub.example.jp', 'javascript:alert(1)', 'file:///etc', 'https://user:pass@hub.example.jp', '', 42, null])(
    'falls back to standalone for the invalid hub URL %j',
    (hubUrl) => {
      expect(settingsWith(JSON.stringify({ hubUrl })).mode).toEqual({ kind: 'standalone' });
    },
  );

  it('keeps a valid data folder even when the hub URL is invalid', () => {
    const settings = settingsWith(JSON.stringify({ hubUrl: 'nope', dataDir: '/srv/kamiless' }));
    expect(settings).toEqual({ mode: { kind: 'standalone' }, dataDir: '/srv/kamiless' });
  });

  it('ignores a relative data folder', () => {
    expect(settingsWith('{"dataDir":"data"}')).toEqual({ mode: { kind: 'standalone' } });
  });

  it.each(['{not json', '[]', '"text"', 'null'])('is standalone when the file is corrupt: %s', (content) => {
    expect(settingsWith(content)).toEqual({ mode: { kind: 'standalone' } });
  });
});

describe('saving the hub URL', () => {
  it('creates the file, then switches back to standalone without losing the data folder', () => {
    saveHubUrl(settingsFile(dir), 'https://hub.town.example.lg.jp');
    expect(loadSettings(settingsFile(dir)).mode).toEqual({ kind: 'connected', hubUrl: 'https://hub.town.example.lg.jp' });

    writeFileSync(settingsFile(dir), JSON.stringify({ hubUrl: 'https://hub.town.example.lg.jp', dataDir: '/srv/kamiless' }));
    saveHubUrl(settingsFile(dir), undefined);
    expect(loadSettings(settingsFile(dir))).toEqual({ mode: { kind: 'standalone' }, dataDir: '/srv/kamiless' });
    expect(JSON.parse(readFileSync(settingsFile(dir), 'utf8'))).toEqual({ dataDir: '/srv/kamiless' });
  });

  it.each(['{not json', '[1,2]', 'null'])('replaces a corrupt file (%s) rather than failing', (content) => {
    writeFileSync(settingsFile(dir), content);
    saveHubUrl(settingsFile(dir), 'http://10.1.2.3:4317');
    expect(loadSettings(settingsFile(dir)).mode).toEqual({ kind: 'connected', hubUrl: 'http://10.1.2.3:4317' });
  });
});

describe('standalone data folder', () => {
  it('is KAMILESS_DATA, else the settings folder, else userData/data', () => {
    const standalone = { mode: { kind: 'standalone' } } as const;
    expect(resolveDataFolder({ KAMILESS_DATA: '/tmp/k' }, { ...standalone, dataDir: '/srv/k' }, '/u')).toBe('/tmp/k');
    expect(resolveDataFolder({}, { ...standalone, dataDir: '/srv/k' }, '/u')).toBe('/srv/k');
    expect(resolveDataFolder({}, standalone, '/home/sato/.config/Kamiless')).toBe('/home/sato/.config/Kamiless/data');
  });
});
