import type { Account } from './account-store.port.js';

/**
 * The value the unique index of every adapter is built on: the lower-cased address, or a key of
 * its own once the account is erased, so that an erased person never blocks the address.
 */
export function emailKeyOf(account: Pick<Account, 'id' | 'email' | 'status'>): string {
  return account.status === 'erased' ? `erased:${account.id}` : account.email.trim().toLowerCase();
}
