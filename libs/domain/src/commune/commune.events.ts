import type { DomainEvent } from '../shared/decider.js';

/** The four seats of a commune's space: one mayor, three collaborators. */
export type Seat = 'mayor' | 'collaborator';
export const COLLABORATOR_SEATS = 3;

export interface SeatAssignedData {
  communeInsee: string;
  userId: string;
  seat: Seat;
  /** The invitation that led to it (accounts and invitations live outside the log). */
  invitationId: string | null;
}
export interface SeatReleasedData {
  communeInsee: string;
  userId: string;
  seat: Seat;
  reason: string | null;
}
export interface SeatTransferredData {
  communeInsee: string;
  seat: Seat;
  fromUserId: string;
  toUserId: string;
}

export type SeatAssigned = DomainEvent<'SeatAssigned', SeatAssignedData>;
export type SeatReleased = DomainEvent<'SeatReleased', SeatReleasedData>;
export type SeatTransferred = DomainEvent<'SeatTransferred', SeatTransferredData>;
export type CommuneEvent = SeatAssigned | SeatReleased | SeatTransferred;

export const COMMUNE_EVENT_VERSIONS: Record<CommuneEvent['type'], number> = {
  SeatAssigned: 1,
  SeatReleased: 1,
  SeatTransferred: 1,
};

/** The stream of one commune's space: `commune-<codeInsee>`. */
export const communeStreamId = (codeInsee: string): string => `commune-${codeInsee}`;
export const COMMUNE_STREAM_PREFIX = 'commune-';
