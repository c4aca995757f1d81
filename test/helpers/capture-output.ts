import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Captures what a CLI command prints (console and the raw streams commander
 * writes to) for the tests of one file; `out`/`err` are cleared before each test.
 */
export function captureOutput(): { out: string[]; err: string[]; stdout(): string } {
  const captured = { out: [] as string[], err: [] as string[], stdout: () => captured.out.join('\n') };
  beforeEach(() => {
    captured.out.length = 0;
    captured.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void captured.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void captured.err.push(a.join(' ')));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (captured.out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (captured.err.push(String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
