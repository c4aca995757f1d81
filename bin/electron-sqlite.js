// better-sqlite3 is compiled for the system Node.js by `npm ci`; Electron embeds another
// Node.js (another ABI), so the desktop core needs its own build of the driver. It is built
// once per Electron version into node_modules/.cache, leaving the Node.js build (used by the
// hub, the CLI and the tests) untouched, and handed to the core through KAMILESS_SQLITE_BINDING.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

export function bindingPath(root, version) {
  return join(root, 'node_modules', '.cache', 'kamiless-electron', version, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export async function ensureElectronSqlite(root) {
  const version = electronVersion();
  const binding = bindingPath(root, version);
  if (existsSync(binding)) return binding;
  const buildPath = join(root, 'node_modules', '.cache', 'kamiless-electron', version);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  console.log(`Building the database driver for Electron ${version} (first start only, about a minute)…`);
  cpSync(source, join(buildPath, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  cpSync(join(root, 'package.json'), join(buildPath, 'package.json'));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error(`the Electron build of better-sqlite3 did not produce ${binding}`);
  return binding;
}
