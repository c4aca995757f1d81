import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.js';
import { contentTypeFor, isHtml } from './content-types.js';
import { isInsideRoot, rendererRelativePath, resolveInsideRoot } from './renderer-path.js';

const INDEX = 'index.html';

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Symbolic links inside the build output must not lead out of it either. */
async function realPathInside(root: string, path: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    return isInsideRoot(realRoot, realFile);
  } catch {
    return false;
  }
}

async function fileResponse(root: string, filePath: string, method: string): Promise<Response> {
  if (!(await realPathInside(root, filePath))) return textResponse(404, 'Not found');
  const html = isHtml(filePath);
  const headers: Record<string, string> = {
    'content-type': contentTypeFor(filePath),
    'x-content-type-options': 'nosniff',
    // Hashed assets may be cached; the HTML that names them must always be fresh.
    'cache-control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
  if (html) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  const body = method === 'HEAD' ? null : new Uint8Array(await readFile(filePath));
  return new Response(body, { status: 200, headers });
}

/**
 * Serves the built renderer for a raw app:// path: files as they are, paths
 * without an extension (client-side routes such as /admin/users) as index.html,
 * anything that could leave the renderer folder refused.
 */
export async function serveRendererFile(rendererRoot: string, rawPath: string, method: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const relativePath = rendererRelativePath(rawPath);
  if (relativePath === undefined) return textResponse(403, 'Forbidden');
  const filePath = resolveInsideRoot(rendererRoot, relativePath === '' ? INDEX : relativePath);
  if (filePath === undefined) return textResponse(403, 'Forbidden');
  if (await isFile(filePath)) return fileResponse(rendererRoot, filePath, method);
  if (extname(relativePath) !== '') return textResponse(404, 'Not found');
  return fileResponse(rendererRoot, join(rendererRoot, INDEX), method);
}
