import { COLLABORATOR_SEATS, type CommuneMembers, type MemberView, type PendingInvitation } from '@carnet/contracts';

/** One of the four places of a commune, as drawn on « Ma commune ». */
export type SeatSlot =
  | { kind: 'taken'; label: string; member: MemberView }
  | { kind: 'reserved'; label: string; invitation: PendingInvitation | null }
  | { kind: 'free'; label: string };

/**
 * The four places: the mayor's, then three collaborators'. Seats reserved by a pending invitation come after the
 * taken ones (named when the invitations are known), then the free ones. The API's count of free seats is the truth.
 */
export function seatSlots(members: CommuneMembers, invitations: PendingInvitation[] = []): SeatSlot[] {
  const mayorInvitation = invitations.find((i) => i.seat === 'mayor') ?? null;
  const slots: SeatSlot[] = [
    members.mayor
      ? { kind: 'taken', label: 'Maire', member: members.mayor }
      : mayorInvitation
        ? { kind: 'reserved', label: 'Maire', invitation: mayorInvitation }
        : { kind: 'free', label: 'Maire' },
  ];
  const collaborators = [...members.collaborators].sort((a, b) => a.since.localeCompare(b.since));
  const pending = invitations.filter((i) => i.seat === 'collaborator');
  const free = freeCollaboratorPlaces(members, invitations);
  const reserved = Math.max(0, COLLABORATOR_SEATS - collaborators.length - free);
  for (let n = 0; n < COLLABORATOR_SEATS; n++) {
    const label = `Collaborateur ${n + 1}`;
    if (n < collaborators.length) slots.push({ kind: 'taken', label, member: collaborators[n] });
    else if (n < collaborators.length + reserved)
      slots.push({ kind: 'reserved', label, invitation: pending[n - collaborators.length] ?? null });
    else slots.push({ kind: 'free', label });
  }
  return slots;
}

/**
 * Collaborator places one may still invite to: neither held nor reserved by a pending invitation.
 * The API's `freeCollaboratorSeats` may count held seats only; the pending invitations, when known, reserve the others.
 */
export function freeCollaboratorPlaces(members: CommuneMembers, invitations: PendingInvitation[] = []): number {
  const pending = invitations.filter((i) => i.seat === 'collaborator').length;
  const unreserved = COLLABORATOR_SEATS - members.collaborators.length - pending;
  return Math.max(0, Math.min(members.freeCollaboratorSeats, unreserved));
}

export const NO_FREE_SEAT =
  'Les trois places de collaborateur sont occupées ou réservées par une invitation. Pour inviter quelqu’un, libérez d’abord une place ou annulez une invitation.';
