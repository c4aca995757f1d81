import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/app-paths.js';

describe('built file locations', () => {
  it('finds the core, preload and renderer relative to dist/electron/main/', () => {
    const dist = resolve('/opt/kamiless/resources/app.asar/dist');
    const paths = appPaths(pathToFileURL(join(dist, 'electron', 'main', 'main.js')).href);
    expect(paths).toEqual({
      coreProcess: join(dist, 'electron', 'app', 'core-process.js'),
      preload: join(dist, 'electron', 'preload', 'preload.cjs'),
      rendererRoot: join(dist, 'renderer'),
    });
  });
});
