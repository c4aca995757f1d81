/**
 * Entry of the Electron utilityProcess that runs the core for the desktop app.
 * Electron main starts this file by path and waits for `{ type: 'ready', port }`.
 * It must not import 'electron': `process.parentPort` is all it needs.
 */
import { startCore } from './core.js';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

type ToMain = { type: 'ready'; port: number } | { type: 'failed'; message: string };

const parentPort = (process as { parentPort?: ParentPort }).parentPort;

function send(message: ToMain): void {
  parentPort?.postMessage(message);
}

function fail(message: string): void {
  send({ type: 'failed', message });
  // postMessage is asynchronous: exiting at once could drop the reason main shows to the user.
  setTimeout(() => process.exit(1), 200);
}

const dataDir = process.env['KAMILESS_DATA'];
const secret = process.env['KAMILESS_CORE_SECRET'];

if (!dataDir) {
  fail('KAMILESS_DATA is not set');
} else if (!secret || secret.length < 32) {
  // Without the secret any local program could use the loopback port: refuse to run open.
  fail('KAMILESS_CORE_SECRET is missing or too short');
} else {
  try {
    const core = await startCore({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      mode: 'standalone',
      secret,
      ...(process.env['KAMILESS_SQLITE_BINDING'] && { sqliteBinding: process.env['KAMILESS_SQLITE_BINDING'] }),
    });
    send({ type: 'ready', port: core.port });

    let closing = false;
    const shutdown = (): void => {
      if (closing) return;
      closing = true;
      core.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    // Main asks first (kill() on Windows is TerminateProcess, which would skip closing the database).
    parentPort?.on('message', (event) => {
      const data = event.data;
      if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'shutdown') shutdown();
    });
    process.once('SIGTERM', shutdown);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
