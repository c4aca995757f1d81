import { utilityProcess } from 'electron';
import { parseCoreMessage, shutdownMessage } from './core-messages.js';

export const CORE_START_TIMEOUT_MS = 20_000;
const CORE_STOP_GRACE_MS = 5_000;

export interface CoreLaunchOptions {
  /** Path of the built dist/electron/app/core-process.js. */
  readonly modulePath: string;
  readonly dataDir: string;
  readonly secret: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** The core running in its utilityProcess, listening on 127.0.0.1:port. */
export interface CoreProcess {
  readonly port: number;
  readonly baseUrl: string;
  /** Asks the core to close its database, and kills it if it has not exited in time. */
  stop(graceMs?: number): Promise<void>;
  /** Called when the core exits without being asked to (a crash after start-up). */
  onUnexpectedExit(listener: (code: number) => void): void;
}

/** Why the core did not start; `reason` is shown to the user. */
export class CoreStartError extends Error {
  constructor(readonly reason: string) {
    super(`The Kamiless core did not start: ${reason}`);
    this.name = 'CoreStartError';
  }
}

function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export function launchCore(options: CoreLaunchOptions): Promise<CoreProcess> {
  const timeoutMs = options.timeoutMs ?? CORE_START_TIMEOUT_MS;
  const child = utilityProcess.fork(options.modulePath, [], {
    env: {
      ...definedEnv(options.env ?? process.env),
      KAMILESS_DATA: options.dataDir,
      KAMILESS_CORE_SECRET: options.secret,
    },
    serviceName: 'Kamiless core',
    stdio: 'inherit',
  });

  return new Promise<CoreProcess>((resolve, reject) => {
    const giveUp = (reason: string): void => {
      cleanUp();
      child.kill();
      reject(new CoreStartError(reason));
    };
    const onMessage = (raw: unknown): void => {
      const message = parseCoreMessage(raw);
      if (message === undefined) return;
      if (message.type === 'failed') {
        giveUp(message.message);
        return;
      }
      cleanUp();
      resolve(running(child, message.port));
    };
    const onExit = (code: number): void => giveUp(`the core process exited with code ${code} before it was ready`);
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000);
      giveUp(`${seconds} 秒以内に応答がありませんでした (no answer within ${seconds} s)`);
    }, timeoutMs);
    function cleanUp(): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

type CoreChild = ReturnType<typeof utilityProcess.fork>;

function running(child: CoreChild, port: number): CoreProcess {
  let exited = false;
  let stopping = false;
  const exitListeners: Array<(code: number) => void> = [];
  child.once('exit', (code: number) => {
    exited = true;
    if (!stopping) for (const listener of exitListeners) listener(code);
  });

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
    stop(graceMs = CORE_STOP_GRACE_MS) {
      stopping = true;
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.postMessage(shutdownMessage);
      });
    },
  };
}
