import { Inject, Injectable } from '@nestjs/common';
import type { ActorRole, ActorView } from '@carnet/contracts';
import type { Account, AccountStore } from '@carnet/account-store';
import { ACCOUNT_STORE } from '../infrastructure/tokens.js';

const ERASED = 'Personne effacée';
const UNKNOWN = 'Personne inconnue';

/**
 * Names of people, looked up at read time from the account store: events and read models only
 * hold ids, so erasing a person's account is enough to make their name disappear everywhere.
 */
@Injectable()
export class PeopleDirectory {
  constructor(@Inject(ACCOUNT_STORE) private readonly accounts: AccountStore) {}

  /** The accounts of these people (absent ones are simply missing). */
  async get(ids: Iterable<string>): Promise<Map<string, Account>> {
    return this.accounts.getAccounts([...new Set(ids)]);
  }

  /** A function giving the view of each person among `ids`, loaded in one call. */
  async viewer(ids: Iterable<string>): Promise<(id: string, role: string) => ActorView> {
    const found = await this.accounts.getAccounts([...new Set(ids)]);
    return (id, role) => {
      const account = found.get(id);
      const name = !account ? (id === 'system' ? 'Plateforme' : UNKNOWN) : account.status === 'erased' ? ERASED : account.displayName;
      return { id, name, role: role as ActorRole, ...(account?.roleForm && account.status !== 'erased' ? { roleForm: account.roleForm } : {}) };
    };
  }
}
