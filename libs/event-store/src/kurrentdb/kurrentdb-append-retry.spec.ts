import { afterEach, describe, expect, it } from '@jest/globals';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError, type AppendResult } from '../event-store.port.js';
import { testEvent } from '../testing/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/**
 * The retry policy of appends, without a server (none runs here; the contract suite covers the
 * rest against a real one): one try of the append is replaced by a script of outcomes.
 */
type Try = () => Promise<AppendResult>;

function storeWith(tries: Try[], appendAttempts = 4): { store: KurrentDbEventStore; calls: () => number } {
  const store = new KurrentDbEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', retryMs: 1, appendAttempts });
  let calls = 0;
  (store as unknown as { appendOnce: Try }).appendOnce = () => tries[Math.min(calls++, tries.length - 1)]();
  return { store, calls: () => calls };
}

const ok: Try = async () => ({ nextExpectedRevision: 0, position: 7, written: true });
const unavailable: Try = async () => {
  throw new UnavailableError(undefined, 'server unavailable');
};

describe('KurrentDB appends', () => {
  const stores: KurrentDbEventStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  describe('when the server is unavailable for a moment', () => {
    it('tries again and answers what the try that went through answered', async () => {
      const { store, calls } = storeWith([unavailable, unavailable, ok]);
      stores.push(store);
      await expect(store.appendToStream('project-1', [testEvent()], 'no_stream')).resolves.toEqual({ nextExpectedRevision: 0, position: 7, written: true });
      expect(calls()).toBe(3);
    });
  });

  describe('when the server stays unavailable', () => {
    it('gives up after the configured number of tries with the server’s error', async () => {
      const { store, calls } = storeWith([unavailable], 4);
      stores.push(store);
      await expect(store.appendToStream('project-1', [testEvent()], 'no_stream')).rejects.toBeInstanceOf(UnavailableError);
      expect(calls()).toBe(4);
    });
  });

  describe('when the stream is not at the expected revision', () => {
    it('does not try again: a conflict is an answer, not an outage', async () => {
      const { store, calls } = storeWith([
        async () => {
          throw new WrongExpectedRevisionError('project-1', 0, 3);
        },
      ]);
      stores.push(store);
      await expect(store.appendToStream('project-1', [testEvent()], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(calls()).toBe(1);
    });
  });
});
