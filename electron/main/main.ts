/** Electron main entry (package.json "main": dist/electron/main/main.js). */
import { appPaths } from './app-paths.js';
import { startShell } from './shell.js';

startShell(appPaths());
