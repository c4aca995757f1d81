/**
 * The office hub's address, as typed in Settings and as stored by the desktop
 * shell. Shared so that the inline message in the renderer and the refusal in
 * main can never disagree about what is acceptable.
 */

/** Longer than any real intranet address; a cap keeps a hostile page from handing main megabytes. */
export const HUB_URL_MAX_LENGTH = 2000;

/** Why an address is not accepted; the renderer turns each into a ja/en message. */
export type HubUrlProblem = 'empty' | 'too_long' | 'not_a_url' | 'not_http' | 'credentials';

export type HubUrlCheck = { readonly ok: true; readonly hubUrl: string } | { readonly ok: false; readonly problem: HubUrlProblem };

/**
 * Accepts a plain http(s) address without credentials and normalises it to
 * origin + path without a trailing slash (query and fragment dropped), so that
 * `${hubUrl}/api/...` is always well formed. Takes `unknown` because main
 * checks what arrives over IPC with it.
 */
export function checkHubUrl(value: unknown): HubUrlCheck {
  if (typeof value !== 'string') return { ok: false, problem: 'not_a_url' };
  if (value.length > HUB_URL_MAX_LENGTH) return { ok: false, problem: 'too_long' };
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not_http' };
  // Credentials in the URL would end up in logs and error dialogs; the hub has its own sign-in.
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  return { ok: true, hubUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The hub's public health endpoint, which says whether a server is a Kamiless hub at all. */
export function hubHealthUrl(hubUrl: string): string {
  return `${hubUrl}/api/health`;
}
