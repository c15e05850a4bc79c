/** How long a shutdown waits for work under way (an e-mail, a digest round, an anchor) before closing the stores anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Waits for `work` to settle, or for `ms` at most: a stalled mail server must not hold a shutdown
 * past what a process manager allows (a container gets 10 s after SIGTERM by default). Never throws.
 */
export async function settleWithin(work: Promise<unknown> | null, ms = SHUTDOWN_GRACE_MS): Promise<'settled' | 'timed_out'> {
  if (!work) return 'settled';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'settled' as const, () => 'settled' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
