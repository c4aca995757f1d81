import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Built files the shell needs, found relative to dist/electron/main/ (also inside app.asar). */
export interface AppPaths {
  readonly coreProcess: string;
  readonly preload: string;
  readonly rendererRoot: string;
}

export function appPaths(moduleUrl: string = import.meta.url): AppPaths {
  const at = (relative: string): string => resolve(fileURLToPath(new URL(relative, moduleUrl)));
  return {
    coreProcess: at('../app/core-process.js'),
    preload: at('../preload/preload.cjs'),
    rendererRoot: at('../../renderer'),
  };
}
