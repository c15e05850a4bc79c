import type { RecordedEvent } from '@carnet/event-store';
import type { CommuneEvent, Seat } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** The seat a person holds now (one document per person ever seated; `seat: null` once it is gone). */
export interface MembershipDoc {
  userId: string;
  communeInsee: string;
  seat: Seat | null;
  since: string;
  /** Log position of the seat event: what came before it happened before the person arrived. */
  sincePosition?: number;
}

const isSeatEvent = (e: RecordedEvent): boolean => e.type === 'SeatAssigned' || e.type === 'SeatReleased' || e.type === 'SeatTransferred';

export const membershipProjection: Projection<MembershipDoc> = {
  collection: 'memberships',
  indexedFields: ['communeInsee'],
  keyOf: (e) => {
    if (!isSeatEvent(e)) return null;
    const event = e as unknown as CommuneEvent;
    return event.type === 'SeatTransferred' ? [event.data.fromUserId, event.data.toUserId] : event.data.userId;
  },
  // A released seat leaves a tombstone (seat: null) rather than no document: replays stay guarded.
  evolve: (doc, e, userId) => {
    const event = e as unknown as CommuneEvent;
    const at = e.metadata.recordedAt;
    const { communeInsee } = event.data;
    switch (event.type) {
      case 'SeatAssigned':
        return { userId, communeInsee, seat: event.data.seat, since: at, sincePosition: e.position };
      case 'SeatReleased':
        return { userId, communeInsee, seat: null, since: at, sincePosition: e.position };
      case 'SeatTransferred':
        // Handing the mayor's role over to a collaborator is not an arrival: the seat's date stays.
        return userId === event.data.toUserId && doc?.seat
          ? { ...doc, seat: event.data.seat }
          : { userId, communeInsee, seat: userId === event.data.toUserId ? event.data.seat : null, since: at, sincePosition: e.position };
    }
  },
};
