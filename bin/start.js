#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise the same
// standalone core served to the browser, on the same data folder.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureElectronSqlite } from './electron-sqlite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const DEFAULT_PORT = 4317;
const PORT_ATTEMPTS = 10;

function requireBuilt(...files) {
  const missing = files.filter((file) => !existsSync(join(dist, file)));
  if (missing.length === 0) return;
  console.error(`Kamiless is not built yet (missing dist/${missing[0]}): run \`npm run build\` first.`);
  process.exit(1);
}

/**
 * The Electron executable, or undefined. Importing 'electron' would throw when its
 * download was skipped, so read what its installer leaves: path.txt naming the binary in dist/.
 */
function electronBinary() {
  try {
    const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const relative = readFileSync(pathFile, 'utf8').trim();
    if (relative === '') return undefined;
    const binary = join(electronDir, 'dist', relative);
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

async function runElectron(binary) {
  requireBuilt('electron/main/main.js', 'electron/app/core-process.js', 'electron/preload/preload.cjs', 'renderer/index.html');
  const env = { ...process.env, KAMILESS_SQLITE_BINDING: await ensureElectronSqlite(root) };
  // Inherited from some tools, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function startOnFreePort(startCore, options, preferred) {
  const candidates = [...Array.from({ length: PORT_ATTEMPTS }, (_, i) => preferred + i).filter((p) => p <= 65_535), 0];
  let lastError;
  for (const port of candidates) {
    try {
      return await startCore({ ...options, port });
    } catch (error) {
      if (error?.code !== 'EADDRINUSE') throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function runInBrowser() {
  console.log(
    'Electron is not available on this machine (its binary was not downloaded); serving Kamiless in your browser instead.',
  );
  requireBuilt('electron/app/core.js', 'shared/domain/user-data-folder.js', 'renderer/index.html');
  const { startCore } = await import(pathToFileURL(join(dist, 'electron/app/core.js')).href);
  const { standaloneDataFolder } = await import(pathToFileURL(join(dist, 'shared/domain/user-data-folder.js')).href);

  const dataDir = process.env.KAMILESS_DATA || standaloneDataFolder(process.platform, process.env, homedir());
  const preferred = Number.parseInt(process.env.PORT ?? '', 10);
  const core = await startOnFreePort(
    startCore,
    {
      dataDir,
      host: '127.0.0.1',
      mode: 'standalone',
      rendererDir: join(dist, 'renderer'),
    },
    Number.isInteger(preferred) && preferred > 0 && preferred <= 65_535 ? preferred : DEFAULT_PORT,
  );
  console.log(`Kamiless: http://127.0.0.1:${core.port}/`);

  let closing = false;
  const stop = () => {
    // A second Ctrl+C leaves at once.
    if (closing) process.exit(1);
    closing = true;
    core.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (!existsSync(dist)) {
  console.error('Kamiless is not built yet: run `npm run build` first.');
  process.exit(1);
}

const binary = electronBinary();
if (binary) {
  runElectron(binary).catch((error) => {
    console.error(`Kamiless could not start the desktop app: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else {
  runInBrowser().catch((error) => {
    console.error(`Kamiless could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
