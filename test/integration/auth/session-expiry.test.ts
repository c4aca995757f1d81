import { describe, expect, it } from 'vitest';
import { defaultSessionPolicy } from '../../../electron/app/org/sessions.repo.js';
import { errorOf, signIn, testApp } from '../../helpers/test-app.js';

const { idleMs, absoluteMs } = defaultSessionPolicy;
const minute = 60_000;

describe('session expiry', () => {
  it('ends a session left idle for policy.idleMs', async () => {
    const { app, clock } = await testApp();
    const admin = await signIn(app, 'admin');
    clock.advance(idleMs - minute);
    expect((await admin.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    // The request above counted as activity: the idle time starts again.
    clock.advance(idleMs - minute);
    expect((await admin.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    clock.advance(idleMs);
    const res = await admin.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });

  it('ends an idle session at exactly idleMs, and keeps it a moment before', async () => {
    const { app, clock } = await testApp();
    const admin = await signIn(app, 'admin');
    const other = await signIn(app, 'admin');
    clock.advance(idleMs - 1);
    expect((await other.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    clock.advance(1);
    expect((await admin.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('ends a busy session after policy.absoluteMs whatever the activity', async () => {
    const { app, clock } = await testApp();
    const admin = await signIn(app, 'admin');
    let elapsed = 0;
    while (elapsed + 30 * minute < absoluteMs) {
      clock.advance(30 * minute);
      elapsed += 30 * minute;
      const res = await admin.inject({ method: 'GET', url: '/api/me' });
      expect(res.statusCode, `after ${elapsed / minute} minutes`).toBe(200);
    }
    expect(elapsed).toBeGreaterThan(absoluteMs - 30 * minute - 1);
    clock.advance(absoluteMs - elapsed);
    const res = await admin.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
    // A new sign-in starts a new session.
    const again = await signIn(app, 'admin');
    expect((await again.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('refuses state-changing requests of an expired session with 401, not a CSRF error', async () => {
    const { app, clock } = await testApp();
    const admin = await signIn(app, 'admin');
    clock.advance(idleMs + 1);
    const res = await admin.inject({ method: 'POST', url: '/api/org/positions', payload: { name: '係長', rank: 30 } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('unauthenticated');
  });
});
