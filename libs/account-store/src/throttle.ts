import type { Throttle } from './account-store.port.js';

/** How many attempts one throttle key may make, within which window, and how long it is locked after. */
export interface ThrottleLimits {
  /** Attempts within the window: the one that reaches it is still checked, and locks the key. */
  maxAttempts: number;
  windowMs: number;
  lockMs: number;
}

/** The outcome of reserving an attempt: whether it may be checked, and the key's counter after it. */
export interface AttemptReservation {
  allowed: boolean;
  throttle: Throttle;
}

/**
 * The rule every adapter applies atomically in `reserveAttempt` (ADR 0020): refused while the key is
 * locked; otherwise counted (a new window once the previous one is over or its lock has ended), and
 * the attempt that reaches `maxAttempts` locks the key for `lockMs`.
 */
export function reserve(current: Throttle | null, key: string, now: Date, limits: ThrottleLimits): AttemptReservation {
  const at = now.getTime();
  if (current?.lockedUntil && Date.parse(current.lockedUntil) > at) return { allowed: false, throttle: current };
  const fresh = !current || at - Date.parse(current.windowStartedAt) >= limits.windowMs || current.lockedUntil !== null;
  const failures = fresh ? 1 : current.failures + 1;
  const windowStartedAt = fresh ? now.toISOString() : current.windowStartedAt;
  const lockedUntil = failures >= limits.maxAttempts ? new Date(at + limits.lockMs).toISOString() : null;
  return { allowed: failures <= limits.maxAttempts, throttle: { key, failures, windowStartedAt, lockedUntil } };
}

/**
 * The counter after giving back one reserved attempt (a login that succeeded). A counter only
 * reaches its limit with the attempt that locks it, so one less is below it: the lock is lifted.
 */
export function release(current: Throttle): Throttle {
  return { ...current, failures: Math.max(0, current.failures - 1), lockedUntil: null };
}
