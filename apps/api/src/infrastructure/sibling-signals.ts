import cluster from 'node:cluster';
import { SqliteEventStore, type EventStore } from '@carnet/event-store';
import type { ProjectionRunner } from '@carnet/read-store';

/**
 * Wake-ups between the processes of one machine (WORKERS=n, ADR 0024). Without them, the
 * projections process finds an HTTP process's appends at its next read of the shared log
 * (EVENT_POLL_MS, 25 ms) and the HTTP processes find the new checkpoint at their next read of it
 * (every 20 ms): up to 45 ms added to what a person reads right after writing. Each process now
 * tells the primary when it committed events or projected a batch, and the primary passes it on to
 * the others, which read at once. The polls stay: they are what instances on other machines, and a
 * lost message, rely on.
 */
export type SiblingSignal = { carnet: 'appended' } | { carnet: 'projected' };

export const isSiblingSignal = (message: unknown): message is SiblingSignal =>
  typeof message === 'object' && message !== null && ((message as SiblingSignal).carnet === 'appended' || (message as SiblingSignal).carnet === 'projected');

/** In a WORKERS process: sends this process's commits and batches, and reads at once on the others'. Returns how to stop. */
export function linkSiblings(events: EventStore, runner: Pick<ProjectionRunner, 'observe' | 'wake'>): () => void {
  if (!cluster.isWorker || !process.send) return () => undefined;
  // One message per kind and turn of the event loop, however many commits it saw.
  const due = new Set<SiblingSignal['carnet']>();
  const flush = () => {
    for (const kind of due) {
      // A closing channel (the process stopping) loses the message: the others' polls cover it.
      if (process.connected) process.send!({ carnet: kind } satisfies SiblingSignal, undefined, undefined, () => undefined);
    }
    due.clear();
  };
  const signal = (kind: SiblingSignal['carnet']) => {
    if (due.size === 0) setImmediate(flush);
    due.add(kind);
  };
  const sqlite = events instanceof SqliteEventStore ? events : null;
  const onMessage = (message: unknown) => {
    if (!isSiblingSignal(message)) return;
    if (message.carnet === 'appended') sqlite?.wake();
    else runner.wake();
  };
  process.on('message', onMessage);
  // KurrentDB pushes new events to its subscribers: only the embedded log needs telling.
  const stopCommits = sqlite ? sqlite.observeCommits(() => signal('appended')) : () => undefined;
  const stopBatches = runner.observe(() => signal('projected'));
  return () => {
    stopCommits();
    stopBatches();
    process.off('message', onMessage);
  };
}
