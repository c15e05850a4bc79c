import { join } from 'node:path';
import { KurrentDbEventStore, SqliteEventStore, type EventStore } from '@carnet/event-store';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@carnet/read-store';
import { MongoAccountStore, SqliteAccountStore, type AccountStore } from '@carnet/account-store';
import { FolderBlobStore, GridFsBlobStore, type BlobStore } from '@carnet/blob-store';
import type { AppConfig } from '../config.js';

/** Opens the configured event store: SQLite in DATA_DIR by default, KurrentDB when KURRENTDB_URL is set. */
export function openEventStore(config: AppConfig): EventStore {
  return config.eventStore.engine === 'kurrentdb'
    ? new KurrentDbEventStore({ connectionString: config.eventStore.url })
    : new SqliteEventStore({ filename: join(config.dataDir, 'events.sqlite'), pollMs: config.instances.eventPollMs });
}

/** Opens the configured read store: SQLite in DATA_DIR by default, MongoDB when MONGO_URL is set. */
export async function openReadStore(config: AppConfig): Promise<ReadStore> {
  if (config.readStore.engine === 'mongodb') {
    return MongoReadStore.connect({ url: config.readStore.url, dbName: config.readStore.dbName });
  }
  return new SqliteReadStore(join(config.dataDir, 'read-models.sqlite'));
}

/** Opens the account store (people, credentials, sessions — kept out of the log): SQLite in DATA_DIR, MongoDB when MONGO_URL is set. */
export async function openAccountStore(config: AppConfig): Promise<AccountStore> {
  if (config.readStore.engine === 'mongodb') {
    return MongoAccountStore.connect({ url: config.readStore.url, dbName: config.readStore.dbName });
  }
  return new SqliteAccountStore(join(config.dataDir, 'accounts.sqlite'));
}

/** Opens the blob store of document bytes: a folder `DATA_DIR/documents` by default, GridFS (bucket `documents`) when MONGO_URL is set. */
export async function openBlobStore(config: AppConfig): Promise<BlobStore> {
  if (config.readStore.engine === 'mongodb') {
    return GridFsBlobStore.connect({ url: config.readStore.url, dbName: config.readStore.dbName, bucketName: 'documents' });
  }
  return new FolderBlobStore(join(config.dataDir, 'documents'));
}
