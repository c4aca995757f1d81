import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/app/core.js';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy.js';
import { createDemoTown } from '../../../electron/app/demo/demo.js';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { migrate } from '../../../electron/app/db/migrate.js';
import { systemClock } from '../../../electron/app/clock.js';
import { databaseFile, pidFile } from '../../../electron/app/data-folder.js';

const password = 'core-test-password';

async function dataWithTown(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-core-'));
  const db = openDatabase(databaseFile(dir));
  migrate(db);
  await createDemoTown(db, systemClock, password);
  db.close();
  return dir;
}

function selfSigned(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

function httpsPost(url: string, body: unknown): Promise<{ status: number; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('startCore', () => {
  it('serves the API on a free port, records its pid while running and removes it on close', async () => {
    const dir = await dataWithTown();
    const core = await startCore({ dataDir: dir, host: '127.0.0.1', port: 0, mode: 'hub', logger: false });
    expect(existsSync(pidFile(dir))).toBe(true);
    const health = (await (await fetch(`${core.url}api/health`)).json()) as { townName: string; mode: string };
    expect(health).toMatchObject({ townName: '北広島町', mode: 'hub' });
    await core.close();
    expect(existsSync(pidFile(dir))).toBe(false);
  });

  it('refuses every request without the per-launch secret when one is set (desktop core)', async () => {
    const dir = await dataWithTown();
    const core = await startCore({ dataDir: dir, host: '127.0.0.1', port: 0, mode: 'standalone', secret: 'a'.repeat(64), logger: false });
    try {
      const without = await fetch(`${core.url}api/health`);
      expect(without.status).toBe(403);
      expect(((await without.json()) as { error: { code: string } }).error.code).toBe('bad_secret');
      const wrong = await fetch(`${core.url}api/health`, { headers: { 'x-kamiless-secret': 'b'.repeat(64) } });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${core.url}api/health`, { headers: { 'x-kamiless-secret': 'a'.repeat(64) } });
      expect(right.status).toBe(200);
    } finally {
      await core.close();
    }
  });

  it('serves HTTPS with --tls-cert/--tls-key and then marks the session cookie Secure', async () => {
    const dir = await dataWithTown();
    const tls = selfSigned(dir);
    const core = await startCore({ dataDir: dir, host: '127.0.0.1', port: 0, mode: 'hub', tls, logger: false });
    try {
      expect(core.url).toMatch(/^https:/);
      const res = await httpsPost(`${core.url}api/auth/login`, { login: 'admin', password });
      expect(res.status).toBe(200);
      const cookie = res.setCookie.join(';');
      expect(cookie).toMatch(/kamiless_session=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
    } finally {
      await core.close();
    }
  });
});

describe('serving the UI', () => {
  it('serves index.html for client routes with the CSP, assets as files, and JSON 404s under /api', async () => {
    const dir = await dataWithTown();
    const ui = join(dir, 'ui');
    mkdirSync(join(ui, 'assets'), { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>紙レス</title>');
    writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the UI folder');
    const core = await startCore({ dataDir: dir, host: '127.0.0.1', port: 0, mode: 'hub', rendererDir: ui, logger: false });
    try {
      const page = await fetch(`${core.url}admin/users`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('紙レス');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const asset = await fetch(`${core.url}assets/app.js`);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      const api404 = await fetch(`${core.url}api/nothing-here`);
      expect(api404.status).toBe(404);
      expect(((await api404.json()) as { error: { code: string } }).error.code).toBe('not_found');
      for (const path of ['..%2fsecret.txt', '%2e%2e/secret.txt', 'assets/..%2f..%2fsecret.txt']) {
        const res = await fetch(`${core.url}${path}`);
        expect(await res.text(), path).not.toContain('outside the UI folder');
      }
    } finally {
      await core.close();
    }
  });
});
