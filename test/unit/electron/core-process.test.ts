import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The utilityProcess entry, run against a stand-in core and a fake process.parentPort.
const core = vi.hoisted(() => ({
  startCore: vi.fn(),
  close: vi.fn(() => Promise.resolve()),
}));
vi.mock('../../../electron/app/core.js', () => ({ startCore: core.startCore }));

type PortListener = (event: { data: unknown }) => void;
const port = {
  postMessage: vi.fn((_message: unknown) => undefined),
  listeners: [] as PortListener[],
  on(_event: 'message', listener: PortListener) {
    port.listeners.push(listener);
  },
};
const withPort = process as { parentPort?: unknown };
const SECRET = 'c'.repeat(64);
let sigtermBefore: NodeJS.SignalsListener[] = [];

async function runEntry(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/app/core-process.js');
}

beforeEach(() => {
  sigtermBefore = process.listeners('SIGTERM');
  vi.clearAllMocks();
  port.listeners = [];
  withPort.parentPort = port;
  vi.stubEnv('KAMILESS_DATA', '/srv/kamiless/data');
  vi.stubEnv('KAMILESS_CORE_SECRET', SECRET);
  vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
  core.startCore.mockResolvedValue({ url: 'http://127.0.0.1:43210/', port: 43_210, close: core.close });
});

afterEach(() => {
  // The entry listens for SIGTERM; do not leave that on the test worker.
  for (const listener of process.listeners('SIGTERM')) {
    if (!sigtermBefore.includes(listener)) process.off('SIGTERM', listener);
  }
  delete withPort.parentPort;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('core utilityProcess entry', () => {
  it('starts a standalone core on a free loopback port with the secret and reports ready', async () => {
    await runEntry();
    expect(core.startCore).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/srv/kamiless/data', host: '127.0.0.1', port: 0, mode: 'standalone', secret: SECRET }),
    );
    expect(core.startCore.mock.calls[0]?.[0]).not.toHaveProperty('rendererDir');
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready', port: 43_210 });
  });

  it('reports the failure and exits 1', async () => {
    core.startCore.mockRejectedValue(new Error('SQLITE_CANTOPEN'));
    await runEntry();
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'failed', message: 'SQLITE_CANTOPEN' });
    await vi.waitFor(() => expect(process.exit).toHaveBeenCalledWith(1));
  });

  it('refuses to run without the launch secret', async () => {
    vi.stubEnv('KAMILESS_CORE_SECRET', '');
    await runEntry();
    expect(core.startCore).not.toHaveBeenCalled();
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'failed', message: expect.stringContaining('KAMILESS_CORE_SECRET') });
  });

  it('closes the core when main asks it to shut down', async () => {
    await runEntry();
    for (const listener of port.listeners) listener({ data: { type: 'shutdown' } });
    expect(core.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(process.exit).toHaveBeenCalledWith(0));
  });
});
