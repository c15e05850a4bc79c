import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountStoreContract } from '../testing/account-store.contract.js';
import { SqliteAccountStore } from './sqlite-account-store.js';

accountStoreContract('SqliteAccountStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-as-'));
  const filename = join(dir, 'accounts.sqlite');
  const store = new SqliteAccountStore(filename);
  const opened: SqliteAccountStore[] = [store];
  return {
    store,
    async reopen() {
      const other = new SqliteAccountStore(filename);
      opened.push(other);
      return other;
    },
    async cleanup() {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
