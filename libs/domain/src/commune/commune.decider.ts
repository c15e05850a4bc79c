import { DomainError, type DecisionContext, type Decider } from '../shared/decider.js';
import { COLLABORATOR_SEATS, COMMUNE_EVENT_VERSIONS, type CommuneEvent, type Seat } from './commune.events.js';

export interface AssignSeat {
  type: 'AssignSeat';
  communeInsee: string;
  userId: string;
  seat: Seat;
  invitationId: string | null;
}
export interface ReleaseSeat {
  type: 'ReleaseSeat';
  communeInsee: string;
  userId: string;
  reason?: string | null;
}
export interface TransferMayorSeat {
  type: 'TransferMayorSeat';
  communeInsee: string;
  toUserId: string;
}
export type CommuneCommand = AssignSeat | ReleaseSeat | TransferMayorSeat;

export interface CommuneState {
  mayor: string | null;
  collaborators: string[];
}

export const initialCommuneState = (): CommuneState => ({ mayor: null, collaborators: [] });

function event<E extends CommuneEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: COMMUNE_EVENT_VERSIONS[type], data } as E;
}

const seatOf = (state: CommuneState, userId: string): Seat | null =>
  state.mayor === userId ? 'mayor' : state.collaborators.includes(userId) ? 'collaborator' : null;

function decide(command: CommuneCommand, state: CommuneState, { actor }: DecisionContext): CommuneEvent[] {
  if (actor.role === 'auditor') throw new DomainError('forbidden', 'Un auditeur consulte mais ne peut rien modifier.', 'forbidden');
  const { communeInsee } = command;
  const isAdmin = actor.role === 'departement_admin';
  const isMayorHere = actor.role === 'commune_mayor' && actor.communeInsee === communeInsee;
  switch (command.type) {
    case 'AssignSeat': {
      // Authority was checked when the invitation was sent; here only the seats themselves count.
      if (seatOf(state, command.userId)) {
        throw new DomainError('already_member', 'Cette personne occupe déjà une place dans cette commune.', 'conflict');
      }
      if (command.seat === 'mayor') {
        // After municipal elections the new mayor takes the seat: the former mayor loses it.
        return state.mayor
          ? [event('SeatTransferred', { communeInsee, seat: 'mayor', fromUserId: state.mayor, toUserId: command.userId })]
          : [event('SeatAssigned', { communeInsee, userId: command.userId, seat: 'mayor', invitationId: command.invitationId })];
      }
      if (state.collaborators.length >= COLLABORATOR_SEATS) {
        throw new DomainError(
          'seats_full',
          'Les trois places de collaborateur sont occupées. Libérez une place avant d’accueillir quelqu’un d’autre.',
          'conflict',
        );
      }
      return [event('SeatAssigned', { communeInsee, userId: command.userId, seat: 'collaborator', invitationId: command.invitationId })];
    }
    case 'ReleaseSeat': {
      // Authority first: whoever may not act on this commune learns nothing about who sits there.
      const seat = seatOf(state, command.userId);
      const leavingItself = actor.id === command.userId && seat !== 'mayor';
      const allowed = isAdmin || leavingItself || (isMayorHere && seat !== 'mayor');
      if (!allowed) {
        throw new DomainError(
          'forbidden',
          seat === 'mayor'
            ? 'Seul le Département peut libérer la place du maire (après une élection, invitez le nouveau maire).'
            : 'Seul le maire de la commune peut libérer la place d’un collaborateur.',
          'forbidden',
        );
      }
      if (!seat) throw new DomainError('not_member', 'Cette personne n’occupe pas de place dans cette commune.', 'invalid', 'userId');
      return [event('SeatReleased', { communeInsee, userId: command.userId, seat, reason: command.reason?.trim() || null })];
    }
    case 'TransferMayorSeat': {
      if (!isAdmin && !isMayorHere) {
        throw new DomainError('forbidden', 'Seul le maire ou le Département peut transmettre le rôle de maire.', 'forbidden');
      }
      if (!state.mayor) throw new DomainError('no_mayor', 'La commune n’a pas de maire à remplacer : invitez-le.', 'conflict');
      if (!state.collaborators.includes(command.toUserId)) {
        throw new DomainError('not_collaborator', 'Le rôle de maire se transmet à un collaborateur de la commune.', 'invalid', 'toUserId');
      }
      return [
        event('SeatReleased', { communeInsee, userId: command.toUserId, seat: 'collaborator', reason: 'Devient maire' }),
        event('SeatTransferred', { communeInsee, seat: 'mayor', fromUserId: state.mayor, toUserId: command.toUserId }),
      ];
    }
  }
}

function evolve(state: CommuneState, e: CommuneEvent): CommuneState {
  switch (e.type) {
    case 'SeatAssigned':
      return e.data.seat === 'mayor'
        ? { ...state, mayor: e.data.userId }
        : { ...state, collaborators: [...state.collaborators, e.data.userId] };
    case 'SeatReleased':
      return e.data.seat === 'mayor'
        ? { ...state, mayor: null }
        : { ...state, collaborators: state.collaborators.filter((id) => id !== e.data.userId) };
    case 'SeatTransferred':
      return { ...state, mayor: e.data.toUserId };
  }
}

/** The seats of a commune's space as a pure decider. */
export const communeDecider: Decider<CommuneCommand, CommuneEvent, CommuneState> = { decide, evolve, initialState: initialCommuneState };

