import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, asElectron, resetElectronMock } from '../../helpers/electron-mock.js';
import {
  defaultWindowState,
  loadWindowState,
  rememberWindowState,
  windowStateFile,
} from '../../../electron/main/window-state.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const display = [{ x: 0, y: 0, width: 1920, height: 1040 }];
let dir: string;
let file: string;

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'kamiless-window-'));
  file = windowStateFile(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('uses the defaults when nothing was saved', () => {
    expect(loadWindowState(file, display)).toEqual(defaultWindowState);
  });

  it.each([
    '{"x":10,"y":',
    '"maximized"',
    '{"width":"wide","height":700,"maximized":false}',
    '{"width":100,"height":100,"maximized":false}',
    '{"width":1000,"height":700}',
    '{"x":1.5,"y":2,"width":1000,"height":700,"maximized":false}',
  ])('uses the defaults when the file is corrupt: %s', (content) => {
    writeFileSync(file, content);
    expect(loadWindowState(file, display)).toEqual(defaultWindowState);
  });

  it('restores saved bounds that are on a display', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    writeFileSync(file, JSON.stringify(saved));
    expect(loadWindowState(file, display)).toEqual(saved);
  });

  it.each([
    { x: 4000, y: 100 },
    { x: -1150, y: 100 },
    { x: 100, y: -200 },
    { x: 100, y: 1030 },
  ])('uses the defaults when the window would be off-screen: %j', (position) => {
    writeFileSync(file, JSON.stringify({ ...position, width: 1200, height: 800, maximized: false }));
    expect(loadWindowState(file, display)).toEqual(defaultWindowState);
  });

  it('accepts a position on a second display', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    writeFileSync(file, JSON.stringify(saved));
    expect(loadWindowState(file, [...display, { x: 1920, y: 0, width: 1920, height: 1080 }])).toEqual(saved);
  });

  it('saves the normal bounds and the maximised flag when the window closes', () => {
    const window = new FakeBrowserWindow({});
    window.maximized = true;
    rememberWindowState(asElectron<BrowserWindow>(window), file);
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 40, y: 60, width: 1100, height: 720, maximized: true });
    expect(loadWindowState(file, display)).toEqual({ x: 40, y: 60, width: 1100, height: 720, maximized: true });
  });
});
