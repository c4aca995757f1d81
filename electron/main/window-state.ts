import { join } from 'node:path';
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';
import { readJsonFile, writeJsonFile } from './json-file.js';

export const MIN_WINDOW_WIDTH = 800;
export const MIN_WINDOW_HEIGHT = 560;
const WINDOW_STATE_FILE = 'window-state.json';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_WINDOW_WIDTH).max(20_000),
  height: z.number().int().min(MIN_WINDOW_HEIGHT).max(20_000),
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1280, height: 800, maximized: false };

export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

/** Enough of the window's top strip must show on some display to grab it with the mouse. */
function isReachable(state: WindowState, workAreas: readonly Rectangle[]): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width } = state;
  return workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const titleBarVisible = y >= area.y && y + 40 <= area.y + area.height;
    return overlapX >= 100 && titleBarVisible;
  });
}

/** The saved bounds, or the defaults when the file is missing, corrupt, or would open off-screen (a display was unplugged). */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  const parsed = windowStateSchema.safeParse(readJsonFile(file));
  if (!parsed.success || !isReachable(parsed.data, workAreas)) return defaultWindowState;
  return parsed.data;
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeJsonFile(file, state);
  } catch {
    // Losing the window position is not worth an error on quit.
  }
}

/** Saves the normal (un-maximised) bounds and the maximised flag when the window closes. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(file, { ...bounds, maximized: window.isMaximized() });
  });
}
