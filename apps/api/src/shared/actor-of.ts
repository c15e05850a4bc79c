import type { Account } from '@carnet/account-store';
import type { Actor, Seat } from '@carnet/domain';

/**
 * The actor an account is now: Département, auditor and partner accounts by their kind, working for
 * `departement` (the instance's: accounts do not name one yet, issue #17); a commune account by the
 * seat it holds — without one it keeps its identity but no commune, so every unpublished file is
 * closed to it. One function, so login answers and requests never disagree.
 */
export function actorOf(account: Account, seat: { communeInsee: string; seat: Seat } | null, departement: string): Actor {
  const base = { id: account.id, displayName: account.displayName, organisationId: account.organisationId };
  if (account.kind !== 'commune') return { ...base, role: account.kind, communeInsee: null, departement };
  return { ...base, role: seat?.seat === 'mayor' ? 'commune_mayor' : 'commune_member', communeInsee: seat?.communeInsee ?? null };
}
