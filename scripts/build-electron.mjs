// Bundles the preload script. A sandboxed preload can only be one CommonJS file
// (it may require 'electron' but nothing from disk), so tsc's ESM output will not do.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'electron/preload/preload.ts')],
  outfile: join(root, 'dist/electron/preload/preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 39 ships Node 22.
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
