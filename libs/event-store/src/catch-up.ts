import type { RecordedEvent, Subscription, SubscriptionHandler } from './event-store.port.js';

/** Reads one page of the log strictly after a position. */
export type PageReader = (after: number, maxCount: number) => Promise<RecordedEvent[]>;

export interface CatchUpOptions {
  after: number;
  batchSize: number;
  /** Resolves when new events may be there (a local append) or after `pollMs`, whichever comes first. */
  waitForMore: (pollMs: number) => Promise<void>;
  pollMs?: number;
  /** Delay before a retry after an error, doubled up to 5 s. */
  retryMs?: number;
}

/**
 * A catch-up subscription over any pageable log: reads pages from the last delivered position,
 * hands them to the handler one at a time, then waits for more. After an error (the store was
 * unreachable, the handler failed) it reports it and resumes from the last batch the handler
 * accepted, so nothing is skipped and nothing is delivered out of order.
 */
export function catchUpSubscription(read: PageReader, handler: SubscriptionHandler, options: CatchUpOptions): Subscription {
  let position = options.after;
  let running = true;
  const pollMs = options.pollMs ?? 250;
  const baseRetry = options.retryMs ?? 100;
  const loop = (async () => {
    let retry = baseRetry;
    while (running) {
      try {
        const page = await read(position, options.batchSize);
        if (!running) break;
        if (page.length === 0) {
          await options.waitForMore(pollMs);
          continue;
        }
        await handler.onEvents(page);
        position = page[page.length - 1].position;
        retry = baseRetry;
      } catch (error) {
        handler.onError?.(error as Error);
        await new Promise((resolve) => setTimeout(resolve, retry));
        retry = Math.min(retry * 2, 5000);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
