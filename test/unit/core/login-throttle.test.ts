import { describe, expect, it } from 'vitest';
import { createLoginThrottle, type ThrottlePolicy } from '../../../electron/app/org/login-throttle.js';
import { testClock, testDb } from '../../helpers/test-app.js';

const policy: ThrottlePolicy = { windowMs: 15 * 60_000, perLogin: 5, perAddress: 20, lockMs: 15 * 60_000 };
const ip = '192.0.2.1';

function setUp(p: ThrottlePolicy = policy) {
  const db = testDb();
  const clock = testClock();
  const throttle = createLoginThrottle(db, clock, p);
  const failAt = (login: string, times: number, gapMs = 0, from = ip) => {
    for (let i = 0; i < times; i++) {
      if (i > 0) clock.advance(gapMs);
      throttle.record(login, from, false);
    }
  };
  return { db, clock, throttle, failAt };
}

describe('login throttle, per account', () => {
  it('lets attempts through until perLogin failures', () => {
    const { throttle, failAt } = setUp();
    failAt('taro', policy.perLogin - 1);
    expect(throttle.retryAfter('taro', ip)).toBeNull();
    failAt('taro', 1);
    expect(throttle.retryAfter('taro', ip)).toBe(policy.lockMs / 1000);
  });

  it('locks when the failures span exactly the window, not when they span more', () => {
    const gap = policy.windowMs / (policy.perLogin - 1);
    const exact = setUp();
    exact.failAt('taro', policy.perLogin, gap);
    expect(exact.throttle.retryAfter('taro', ip)).toBe(policy.lockMs / 1000);

    const spread = setUp();
    spread.failAt('taro', policy.perLogin - 1, gap);
    spread.clock.advance(gap + 1);
    spread.throttle.record('taro', ip, false);
    expect(spread.throttle.retryAfter('taro', ip)).toBeNull();
  });

  it('runs the lock from the newest failure and lifts it exactly lockMs later', () => {
    const { clock, throttle, failAt } = setUp();
    failAt('taro', policy.perLogin, 1000);
    clock.advance(policy.lockMs - 1500);
    expect(throttle.retryAfter('taro', ip)).toBe(2);
    clock.advance(1000);
    expect(throttle.retryAfter('taro', ip)).toBe(1);
    clock.advance(500);
    expect(throttle.retryAfter('taro', ip)).toBeNull();
  });

  it('forgets failures before the last success', () => {
    const { clock, throttle, failAt } = setUp();
    failAt('taro', policy.perLogin - 1);
    clock.advance(1000);
    throttle.record('taro', ip, true);
    clock.advance(1000);
    failAt('taro', policy.perLogin - 1);
    expect(throttle.retryAfter('taro', ip)).toBeNull();
    failAt('taro', 1);
    expect(throttle.retryAfter('taro', ip)).not.toBeNull();
  });

  it('treats the login case-insensitively and keeps other logins apart', () => {
    const { throttle, failAt } = setUp();
    failAt('Taro', 2);
    failAt('TARO', policy.perLogin - 2);
    expect(throttle.retryAfter('taro', ip)).not.toBeNull();
    expect(throttle.retryAfter('hanako', '192.0.2.99')).toBeNull();
  });

  it('counts failures for one account from every address', () => {
    const { throttle } = setUp();
    for (let i = 0; i < policy.perLogin; i++) throttle.record('taro', `203.0.113.${i}`, false);
    expect(throttle.retryAfter('taro', '203.0.113.200')).toBe(policy.lockMs / 1000);
  });
});

describe('login throttle, per address', () => {
  it('blocks an address after perAddress failures across logins, for every login', () => {
    const { throttle } = setUp();
    for (let i = 0; i < policy.perAddress - 1; i++) throttle.record(`user${i}`, ip, false);
    expect(throttle.retryAfter('someone', ip)).toBeNull();
    throttle.record('user-last', ip, false);
    expect(throttle.retryAfter('someone', ip)).toBe(policy.lockMs / 1000);
    expect(throttle.retryAfter('someone', '192.0.2.2')).toBeNull();
  });

  it('is not lifted by a success on one account', () => {
    const { throttle } = setUp();
    for (let i = 0; i < policy.perAddress; i++) throttle.record(`user${i}`, ip, false);
    throttle.record('user0', ip, true);
    expect(throttle.retryAfter('user0', ip)).not.toBeNull();
  });

  it('does not block when the failures span more than the window', () => {
    const { clock, throttle } = setUp();
    const gap = Math.ceil(policy.windowMs / (policy.perAddress - 1));
    for (let i = 0; i < policy.perAddress; i++) {
      if (i > 0) clock.advance(gap);
      throttle.record(`user${i}`, ip, false);
    }
    // (perAddress - 1) gaps of just over windowMs / (perAddress - 1) span more than the window.
    expect(gap * (policy.perAddress - 1)).toBeGreaterThan(policy.windowMs);
    expect(throttle.retryAfter('someone', ip)).toBeNull();
  });

  it('blocks when the same failures fit in the window', () => {
    const { clock, throttle } = setUp();
    const gap = Math.floor(policy.windowMs / (policy.perAddress - 1));
    for (let i = 0; i < policy.perAddress; i++) {
      if (i > 0) clock.advance(gap);
      throttle.record(`user${i}`, ip, false);
    }
    expect(throttle.retryAfter('someone', ip)).toBe(policy.lockMs / 1000);
  });
});

describe('purgeOld', () => {
  it('drops attempts older than a day and keeps a current lock', () => {
    const { db, clock, throttle, failAt } = setUp();
    failAt('old', 3);
    clock.advance(25 * 60 * 60_000);
    failAt('taro', policy.perLogin);
    throttle.purgeOld();
    expect((db.prepare('SELECT count(*) AS n FROM login_attempts').get() as { n: number }).n).toBe(policy.perLogin);
    expect(throttle.retryAfter('taro', ip)).not.toBeNull();
  });
});
