import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { resolveDataFolder } from '../data-folder.js';
import { startCore } from '../core.js';
import { CliError } from './io.js';
import { parsePort } from './options.js';

/** The built UI under the package root, whether this file runs compiled (dist/…) or from source (tsx). */
function builtRendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'renderer');
}
const rendererDir = builtRendererDir();

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

export function hubCommand(program: Command): void {
  program
    .command('hub')
    .description('run the office hub: the API and the web UI for browsers and connected desktops')
    .option('--data <dir>', 'data folder (default: $KAMILESS_DATA, else the desktop app\'s folder)')
    .option('--port <n>', 'TCP port', parsePort, 4317)
    .option('--host <address>', 'address to listen on; a LAN address is an explicit choice', '127.0.0.1')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (cookies become Secure)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--trust-proxy', 'behind a reverse proxy: take the client address from X-Forwarded-For (sign-in limits are per address)')
    .action(async (opts: { data?: string; port: number; host: string; tlsCert?: string; tlsKey?: string; trustProxy?: boolean }) => {
      if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new CliError('--tls-cert and --tls-key go together', 2);
      if (!isLoopback(opts.host) && isIP(opts.host) === 0 && opts.host !== '0.0.0.0') {
        throw new CliError(`--host ${opts.host}: give an IP address of this machine (or 127.0.0.1)`, 2);
      }
      const dataDir = resolveDataFolder(opts.data);
      const core = await startCore({
        dataDir, host: opts.host, port: opts.port, mode: 'hub', rendererDir, trustProxy: opts.trustProxy === true,
        ...(opts.tlsCert && opts.tlsKey && { tls: { cert: opts.tlsCert, key: opts.tlsKey } }),
      });
      console.log(`Kamiless hub: ${core.url}  (data: ${dataDir})`);
      if (!isLoopback(opts.host)) console.log(`Listening on ${opts.host}: other machines on the network can reach this hub.`);
      if (!opts.tlsCert && !isLoopback(opts.host)) console.log('Without --tls-cert/--tls-key, passwords cross the network unencrypted.');
      const stop = () => void core.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
