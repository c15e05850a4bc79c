import type { Throttle, ThrottleLimits } from '@carnet/account-store';

const MINUTE = 60_000;

/** 5 attempts on one account within 15 minutes lock it for 15 minutes (a success starts again from 0). */
export const ACCOUNT_LIMITS: ThrottleLimits = { maxAttempts: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** An address may fail on many accounts (an office behind one IP), but not on hundreds: 30 per 15 minutes. */
export const IP_LIMITS: ThrottleLimits = { maxAttempts: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export const accountThrottleKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipThrottleKey = (ip: string) => `ip:${ip}`;

/** Seconds until the key may try again; 0 when it is not locked at `now`. */
export function retryAfterSeconds(throttle: Throttle | null, now: Date): number {
  if (!throttle?.lockedUntil) return 0;
  const ms = Date.parse(throttle.lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** « N minutes », rounded up, never « 0 minute ». */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
