import type { Account } from '@carnet/account-store';
import { departementOfCommune, type Actor, type Seat } from '@carnet/domain';

/**
 * The actor an account is now: Département, auditor and partner accounts by their kind, working for
 * the Département their account names, else the instance's home one (`homeDepartement`: accounts
 * created before an instance served several, ADR 0027); a commune account by the seat it holds —
 * without one it keeps its identity but no commune, so every unpublished file is closed to it. One
 * function, so login answers and requests never disagree.
 */
export function actorOf(account: Account, seat: { communeInsee: string; seat: Seat } | null, homeDepartement: string): Actor {
  const base = { id: account.id, displayName: account.displayName, organisationId: account.organisationId };
  // A national administrator works for no one Département: it manages them (and sees no project).
  if (account.kind === 'national_admin') return { ...base, role: account.kind, communeInsee: null };
  if (account.kind !== 'commune') return { ...base, role: account.kind, communeInsee: null, departement: account.departement ?? homeDepartement };
  return { ...base, role: seat?.seat === 'mayor' ? 'commune_mayor' : 'commune_member', communeInsee: seat?.communeInsee ?? null };
}

/** The Département a staff, partner or auditor account works for: its own, else the instance's home one (ADR 0027). */
export const departementOfAccount = (account: Pick<Account, 'departement'>, homeDepartement: string): string => account.departement ?? homeDepartement;

/**
 * The Département an account belongs to now: a commune member's is their seat's commune's (the home
 * one without a seat); anyone else's, their account's. What administrators may manage (issue #17).
 */
export async function departementOfAccountNow(
  account: Pick<Account, 'id' | 'kind' | 'departement'>,
  seats: { seatOf(accountId: string): Promise<{ communeInsee: string } | null> },
  homeDepartement: string,
): Promise<string> {
  if (account.kind !== 'commune') return departementOfAccount(account, homeDepartement);
  const seat = await seats.seatOf(account.id);
  return seat ? departementOfCommune(seat.communeInsee) : homeDepartement;
}

/** The Département a person works with: staff's, partners' and auditors' own; a commune member's commune's; else the home one. */
export const departementOfActor = (actor: Pick<Actor, 'departement' | 'communeInsee'> | null, homeDepartement: string): string =>
  actor?.departement ?? (actor?.communeInsee ? departementOfCommune(actor.communeInsee) : homeDepartement);
