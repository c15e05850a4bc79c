import type { CommuneEvent } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

export interface SeatHolder {
  userId: string;
  since: string;
}

/** Who holds the four seats of a commune's space. */
export interface CommuneSeatsDoc {
  codeInsee: string;
  mayor: SeatHolder | null;
  collaborators: SeatHolder[];
}

export const communeSeatsProjection: Projection<CommuneSeatsDoc> = {
  collection: 'commune_seats',
  indexedFields: [],
  keyOf: (e) => (e.type === 'SeatAssigned' || e.type === 'SeatReleased' || e.type === 'SeatTransferred' ? (e.data as { communeInsee: string }).communeInsee : null),
  evolve: (doc, e, codeInsee) => {
    const event = e as unknown as CommuneEvent;
    const at = e.metadata.recordedAt;
    const current: CommuneSeatsDoc = doc ? { codeInsee, mayor: doc.mayor, collaborators: doc.collaborators } : { codeInsee, mayor: null, collaborators: [] };
    switch (event.type) {
      case 'SeatAssigned':
        return event.data.seat === 'mayor'
          ? { ...current, mayor: { userId: event.data.userId, since: at } }
          : { ...current, collaborators: [...current.collaborators, { userId: event.data.userId, since: at }] };
      case 'SeatReleased':
        return event.data.seat === 'mayor'
          ? { ...current, mayor: null }
          : { ...current, collaborators: current.collaborators.filter((c) => c.userId !== event.data.userId) };
      case 'SeatTransferred':
        return { ...current, mayor: { userId: event.data.toUserId, since: at } };
    }
  },
};
