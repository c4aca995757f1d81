import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The path part of an app:// URL as it arrived, before any URL parsing could
 * normalise "..": Chromium normalises too, but this must hold even if it did not.
 */
export function rawPathOf(url: string): string {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i, '');
  return withoutOrigin.split(/[?#]/, 1)[0] ?? '';
}

/**
 * The renderer-relative file path for a raw URL path, or undefined when the
 * path could escape the root: undecodable, NUL, backslash (a separator on
 * Windows), drive or stream colon, or any "." / ".." segment after decoding.
 */
export function rendererRelativePath(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (/[\0\\:]/.test(decoded)) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  return segments.join('/');
}

/** True when `full` is `root` itself or lies below it. */
export function isInsideRoot(root: string, full: string): boolean {
  const fromRoot = relative(resolve(root), resolve(full));
  return fromRoot === '' || (fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot));
}

/** Joins and checks containment once more, so a flaw above cannot read outside the root. */
export function resolveInsideRoot(root: string, relativePath: string): string | undefined {
  const full = resolve(root, relativePath);
  return isInsideRoot(root, full) ? full : undefined;
}
