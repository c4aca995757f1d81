/**
 * The one Content-Security-Policy of the renderer, sent by the hub (browsers)
 * and by the desktop app's app:// protocol alike. 'unsafe-inline' styles only,
 * because Mantine injects style tags at run time; scripts are never inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');
