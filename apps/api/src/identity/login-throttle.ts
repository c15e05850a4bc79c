import type { Throttle } from '@carnet/account-store';

export interface ThrottleLimits {
  /** Failures within the window that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/** 5 failures on one account within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** An address may fail on many accounts (an office behind one IP), but not on hundreds: 30 per 15 minutes. */
export const IP_LIMITS: ThrottleLimits = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export const accountThrottleKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipThrottleKey = (ip: string) => `ip:${ip}`;

/** Seconds until the key may try again; 0 when it is not locked at `now`. */
export function retryAfterSeconds(throttle: Throttle | null, now: Date): number {
  if (!throttle?.lockedUntil) return 0;
  const ms = Date.parse(throttle.lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The throttle after one more failure at `now`: a new window once the previous one is over. */
export function recordFailure(throttle: Throttle | null, key: string, now: Date, limits: ThrottleLimits): Throttle {
  const windowOver = !throttle || now.getTime() - Date.parse(throttle.windowStartedAt) >= limits.windowMs;
  const failures = windowOver ? 1 : throttle.failures + 1;
  const windowStartedAt = windowOver ? now.toISOString() : throttle.windowStartedAt;
  const lockedUntil = failures >= limits.maxFailures ? new Date(now.getTime() + limits.lockMs).toISOString() : null;
  return { key, failures, windowStartedAt, lockedUntil };
}

/** « N minutes », rounded up, never « 0 minute ». */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
