import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { MongoAccountStore, SqliteAccountStore, type AccountStore } from '@carnet/account-store';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config.js';

/** Injection token of the account store port. */
export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');

/** Same engine choice as the read models: MongoDB when MONGO_URL is set, else SQLite in DATA_DIR. */
export async function openAccountStore(config: AppConfig): Promise<AccountStore> {
  if (config.readStore.engine === 'mongodb') {
    return MongoAccountStore.connect({ url: config.readStore.url, dbName: config.readStore.dbName });
  }
  return new SqliteAccountStore(join(config.dataDir, 'accounts.sqlite'));
}

export const accountStoreProvider: Provider = {
  provide: ACCOUNT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => openAccountStore(config),
};

/** Closes the account store when the application stops. */
@Injectable()
export class AccountStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ACCOUNT_STORE) private readonly store: AccountStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
