import { describe, expect, it } from '@jest/globals';
import { ACCOUNT_LIMITS, IP_LIMITS, minutesText, retryAfterSeconds } from './login-throttle.js';
import { reserve, type Throttle } from '@carnet/account-store';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, 0) + minutes * 60_000);

function fail(times: number, start = 0, limits = ACCOUNT_LIMITS, step = 1): Throttle | null {
  let t: Throttle | null = null;
  for (let i = 0; i < times; i++) t = reserve(t, 'account:a@b.fr', at(start + i * step), limits).throttle;
  return t;
}

describe('login throttling', () => {
  describe('when an account failed 4 times within 15 minutes', () => {
    it('is not locked', () => {
      const t = fail(4);
      expect(t?.failures).toBe(4);
      expect(retryAfterSeconds(t, at(4))).toBe(0);
    });
  });

  describe('when it fails a 5th time', () => {
    const t = fail(5); // failures at minutes 0..4

    it('is locked for 15 minutes from that failure', () => {
      expect(t?.lockedUntil).toBe(at(19).toISOString());
      expect(retryAfterSeconds(t, at(4))).toBe(15 * 60);
      expect(retryAfterSeconds(t, at(18.5))).toBe(30);
    });

    it('is free again once the lock is over, with a new window', () => {
      expect(retryAfterSeconds(t, at(19))).toBe(0);
      const next = reserve(t, 'account:a@b.fr', at(20), ACCOUNT_LIMITS);
      expect(next.allowed).toBe(true);
      expect(next.throttle).toEqual({ key: 'account:a@b.fr', failures: 1, windowStartedAt: at(20).toISOString(), lockedUntil: null });
    });
  });

  describe('when a 6th attempt comes while locked', () => {
    it('is refused and not counted', () => {
      const t = fail(5);
      expect(reserve(t, 'account:a@b.fr', at(6), ACCOUNT_LIMITS)).toEqual({ allowed: false, throttle: t });
    });
  });

  describe('when failures are spread over more than 15 minutes', () => {
    it('starts a new window and never locks', () => {
      const t = fail(10, 0, ACCOUNT_LIMITS, 4); // one every 4 minutes
      expect(t?.lockedUntil).toBeNull();
      expect(t?.failures).toBeLessThan(5);
    });
  });

  describe('an IP address', () => {
    it('is locked at its 30th failure within the window, not before', () => {
      expect(retryAfterSeconds(fail(29, 0, IP_LIMITS, 0.1), at(3))).toBe(0);
      expect(retryAfterSeconds(fail(30, 0, IP_LIMITS, 0.1), at(3))).toBeGreaterThan(0);
    });
  });

  it('says the wait in whole minutes, rounded up', () => {
    expect(minutesText(900)).toBe('15 minutes');
    expect(minutesText(61)).toBe('2 minutes');
    expect(minutesText(30)).toBe('1 minute');
  });
});
