import { z } from 'zod';
import type { HubTestResult } from '../../shared/api/desktop-bridge.js';
import { checkHubUrl, hubHealthUrl } from '../../shared/domain/hub-url.js';

/** Long enough for a slow branch line, short enough that a wrong address does not look like a hang. */
export const HUB_TEST_TIMEOUT_MS = 5_000;
/** A health answer is a few hundred bytes; anything much larger is some other server's page. */
const HEALTH_MAX_BYTES = 64 * 1024;
const DETAIL_MAX = 300;

// Only what Settings shows and what makes a server a Kamiless hub: a hub of another
// version may add or change other fields, and the test should still recognise it.
const hubHealthSchema = z.object({
  name: z.literal('kamiless'),
  version: z.string().max(100),
  townName: z.string().max(200),
});

export type HubFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The body as text, or undefined when it is larger than `maxBytes` (then nothing more is read). */
async function readLimited(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** After a redirect, the base address that actually answered (what the user should enter). */
function answeredAt(responseUrl: string): string | undefined {
  const base = responseUrl.replace(/\/api\/health(?:[?#].*)?$/, '');
  const checked = checkHubUrl(base);
  return checked.ok ? checked.hubUrl : undefined;
}

async function askHub(hubUrl: string, fetch: HubFetch, signal: AbortSignal): Promise<HubTestResult> {
  let response: Response;
  try {
    response = await fetch(hubHealthUrl(hubUrl), {
      method: 'GET',
      // A test must reach the hub itself rather than a cached answer, and must not send this
      // app's cookies to an address typed by hand.
      headers: { accept: 'application/json', 'cache-control': 'no-cache' },
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'timeout' };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'unreachable', detail: message.slice(0, DETAIL_MAX) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'http_error', detail: `HTTP ${response.status}` };
  }
  const text = await readLimited(response, HEALTH_MAX_BYTES);
  const health = hubHealthSchema.safeParse(text === undefined ? undefined : parseJson(text));
  if (!health.success) return { ok: false, reason: 'not_kamiless' };
  // The desktop forwards every API call, POSTs included, to the saved address; redirects there
  // would turn them into GETs, so the address that answered is the one to save.
  if (response.redirected) {
    const target = answeredAt(response.url);
    return { ok: false, reason: 'redirected', ...(target === undefined ? {} : { detail: target }) };
  }
  return { ok: true, townName: health.data.townName, version: health.data.version };
}

/**
 * Fetches `<hubUrl>/api/health` and says whether a Kamiless hub answered. Never
 * throws; gives up after `HUB_TEST_TIMEOUT_MS` even if the server sent headers
 * and then stalled. `hubUrl` must already have passed checkHubUrl.
 */
export async function testHubHealth(hubUrl: string, fetch: HubFetch): Promise<HubTestResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<HubTestResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, reason: 'timeout' });
    }, HUB_TEST_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      askHub(hubUrl, fetch, controller.signal).catch((): HubTestResult =>
        // Reading the body failed part-way: a dropped connection, or our own abort.
        controller.signal.aborted ? { ok: false, reason: 'timeout' } : { ok: false, reason: 'unreachable' },
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
