import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { AccountStore } from '@carnet/account-store';
import { BlobNotFoundError, FolderBlobStore, type BlobStore } from '@carnet/blob-store';
import type { EventStore } from '@carnet/event-store';
import type { ReadStore } from '@carnet/read-store';

/** The four engines the service needs, as readiness and logs name them. */
export type EngineName = 'eventStore' | 'readStore' | 'accountStore' | 'blobStore';

export const ENGINE_NAMES: EngineName[] = ['eventStore', 'readStore', 'accountStore', 'blobStore'];

/** What an operator reads in a 503 (French, with the technical name in the body next to it). */
export const ENGINE_LABELS: Record<EngineName, string> = {
  eventStore: 'le journal des événements',
  readStore: 'les lectures (read models)',
  accountStore: 'les comptes',
  blobStore: 'les documents',
};

/** A key no document ever has: asking for it proves the blob store answers. */
const ABSENT_BLOB = '00000000-0000-0000-0000-000000000000';

/**
 * One cheap round trip per engine: the log's head (one backwards read on KurrentDB), the active
 * generation of the read models, a login throttle that does not exist, and for documents either a
 * write check of their folder or a GridFS lookup of a key that does not exist.
 */
export function enginePings(engines: { events: EventStore; reads: ReadStore; accounts: AccountStore; blobs: BlobStore }): Record<EngineName, () => Promise<Record<string, unknown>>> {
  return {
    eventStore: async () => ({ engine: engines.events.engine, head: await engines.events.headPosition() }),
    readStore: async () => ({ engine: engines.reads.engine, generation: await engines.reads.activeGeneration() }),
    accountStore: async () => {
      await engines.accounts.getThrottle('health:ping');
      return {};
    },
    blobStore: async () => {
      if (engines.blobs instanceof FolderBlobStore) {
        await access(engines.blobs.root, constants.W_OK);
        return { engine: 'folder' };
      }
      try {
        await engines.blobs.get(ABSENT_BLOB);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
      }
      return { engine: 'gridfs' };
    },
  };
}

/**
 * Runs `attempt` until it succeeds, waiting 0.5 s, 1 s, 2 s… (at most 10 s) between tries, for at
 * most `seconds`: at start the engines may still be starting (compose, a rebooted host).
 */
export async function withStartRetries<T>(what: string, seconds: number, attempt: () => Promise<T>, log: (message: string) => void): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let delay = 500;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + delay > deadline) throw error;
      log(`Moteur injoignable — ${what} (essai ${tries}) : ${(error as Error).message} ; nouvel essai dans ${delay / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}
