import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema } from '../testing/event-schemas.js';
import { DomainError, type Actor } from '../shared/decider.js';
import { communeDecider, type CommuneCommand } from './commune.decider.js';
import type { CommuneEvent } from './commune.events.js';

const C = '95002';
const admin: Actor = { id: 'admin', displayName: 'Admin', role: 'departement_admin', communeInsee: null };
const maire: Actor = { id: 'maire', displayName: 'Maire', role: 'commune_mayor', communeInsee: C };
const autreMaire: Actor = { id: 'autre', displayName: 'Autre', role: 'commune_mayor', communeInsee: '95446' };
const collab1: Actor = { id: 'c1', displayName: 'C1', role: 'commune_member', communeInsee: C };
const auditeur: Actor = { id: 'audit', displayName: 'Audit', role: 'auditor', communeInsee: null };

const assigned = (userId: string, seat: 'mayor' | 'collaborator'): CommuneEvent => ({
  type: 'SeatAssigned', schemaVersion: 1, data: { communeInsee: C, userId, seat, invitationId: null },
});

function given(...history: CommuneEvent[]) {
  const state = history.reduce(communeDecider.evolve, communeDecider.initialState());
  return {
    when(command: CommuneCommand, actor: Actor) {
      const run = () => communeDecider.decide(command, state, { actor, now: new Date(), newId: () => 'x' });
      return {
        then(expected: CommuneEvent[]) {
          const events = run();
          events.forEach(assertMatchesSchema);
          expect(events).toEqual(expected);
        },
        thenFails(code: string, message?: RegExp) {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          if (message) expect((error as DomainError).message).toMatch(message);
        },
      };
    },
  };
}

const full = [assigned('maire', 'mayor'), assigned('c1', 'collaborator'), assigned('c2', 'collaborator'), assigned('c3', 'collaborator')];

describe('Commune seats decider', () => {
  describe('when a collaborator accepts an invitation', () => {
    it('takes a free seat', () =>
      given(assigned('maire', 'mayor')).when({ type: 'AssignSeat', communeInsee: C, userId: 'c1', seat: 'collaborator', invitationId: 'inv' }, collab1).then([
        { type: 'SeatAssigned', schemaVersion: 1, data: { communeInsee: C, userId: 'c1', seat: 'collaborator', invitationId: 'inv' } },
      ]));
    it('refuses a fourth collaborator — a fifth member — with a clear message', () =>
      given(...full)
        .when({ type: 'AssignSeat', communeInsee: C, userId: 'c4', seat: 'collaborator', invitationId: null }, admin)
        .thenFails('seats_full', /trois places de collaborateur sont occupées/));
    it('refuses someone already seated', () =>
      given(...full).when({ type: 'AssignSeat', communeInsee: C, userId: 'c1', seat: 'mayor', invitationId: null }, admin).thenFails('already_member'));
  });

  describe('when a new mayor is elected', () => {
    it('transfers the mayor seat from the former mayor', () =>
      given(...full).when({ type: 'AssignSeat', communeInsee: C, userId: 'nouveau', seat: 'mayor', invitationId: 'inv' }, admin).then([
        { type: 'SeatTransferred', schemaVersion: 1, data: { communeInsee: C, seat: 'mayor', fromUserId: 'maire', toUserId: 'nouveau' } },
      ]));
    it('hands the role to a collaborator, freeing their collaborator seat', () =>
      given(...full).when({ type: 'TransferMayorSeat', communeInsee: C, toUserId: 'c2' }, maire).then([
        { type: 'SeatReleased', schemaVersion: 1, data: { communeInsee: C, userId: 'c2', seat: 'collaborator', reason: 'Devient maire' } },
        { type: 'SeatTransferred', schemaVersion: 1, data: { communeInsee: C, seat: 'mayor', fromUserId: 'maire', toUserId: 'c2' } },
      ]));
    it('hands it only to a collaborator', () =>
      given(...full).when({ type: 'TransferMayorSeat', communeInsee: C, toUserId: 'quelquun' }, maire).thenFails('not_collaborator'));
    it('is not for a collaborator to decide', () =>
      given(...full).when({ type: 'TransferMayorSeat', communeInsee: C, toUserId: 'c2' }, collab1).thenFails('forbidden'));
  });

  describe('when a seat is released', () => {
    it('lets the mayor release a collaborator', () =>
      given(...full).when({ type: 'ReleaseSeat', communeInsee: C, userId: 'c3', reason: 'Départ' }, maire).then([
        { type: 'SeatReleased', schemaVersion: 1, data: { communeInsee: C, userId: 'c3', seat: 'collaborator', reason: 'Départ' } },
      ]));
    it('lets a collaborator leave', () =>
      given(...full).when({ type: 'ReleaseSeat', communeInsee: C, userId: 'c1' }, collab1).then([
        { type: 'SeatReleased', schemaVersion: 1, data: { communeInsee: C, userId: 'c1', seat: 'collaborator', reason: null } },
      ]));
    it('does not let a mayor release their own seat', () =>
      given(...full).when({ type: 'ReleaseSeat', communeInsee: C, userId: 'maire' }, maire).thenFails('forbidden', /Département/));
    it('does not let another commune’s mayor act', () =>
      given(...full).when({ type: 'ReleaseSeat', communeInsee: C, userId: 'c3' }, autreMaire).thenFails('forbidden'));
    it('refuses an auditor', () => given(...full).when({ type: 'ReleaseSeat', communeInsee: C, userId: 'c3' }, auditeur).thenFails('forbidden'));
    it('frees the seat for a new collaborator', () =>
      given(...full, { type: 'SeatReleased', schemaVersion: 1, data: { communeInsee: C, userId: 'c3', seat: 'collaborator', reason: null } })
        .when({ type: 'AssignSeat', communeInsee: C, userId: 'c4', seat: 'collaborator', invitationId: null }, admin)
        .then([assigned('c4', 'collaborator')]));
  });
});
