/**
 * What index.html's classic script (public/early-start.js) started before any
 * of the app's code arrived: the session check's two requests. The PDF it may
 * have started is taken over in components/pdf/pdfWorker.ts.
 */
export type EarlyAnswers = Partial<Record<'/api/health' | '/api/me', Promise<Response>>>;

declare global {
  interface Window {
    kamilessEarlyAnswers?: EarlyAnswers;
  }
}

/** The early answers, taken once (a later check asks the server again). */
export function takeEarlyAnswers(): EarlyAnswers {
  const early = window.kamilessEarlyAnswers ?? {};
  delete window.kamilessEarlyAnswers;
  return early;
}

/**
 * Whether this tab is signed in, by the early /api/me's status alone: its body
 * stays unread for whoever takes the answers next. Null when there is no early
 * answer or it failed (the app then checks and explains).
 */
export async function earlySignedIn(): Promise<boolean | null> {
  const me = window.kamilessEarlyAnswers?.['/api/me'];
  if (!me) return null;
  try {
    return (await me).ok;
  } catch {
    return null;
  }
}
