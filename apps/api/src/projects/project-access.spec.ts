import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@carnet/domain';
import { canSeeConversation, canSeeInternal, canSeeProject, projectScope } from './project-access.js';

const agent: Actor = { id: 'a1', role: 'departement_agent', communeInsee: null, displayName: 'Sophie Bernard', departement: '95' };
const auditor: Actor = { id: 'x1', role: 'auditor', communeInsee: null, displayName: 'Cour des comptes', departement: '95' };
const mayor: Actor = { id: 'm1', role: 'commune_mayor', communeInsee: '95002', displayName: 'Maire d’Ableiges' };
const ableiges = { codeInsee: '95002', publication: 'none' as const };
const versailles = { codeInsee: '78646', publication: 'published' as const };

describe('project access (ADR 0007, issue #17)', () => {
  describe('when Département staff or an auditor asks for a project', () => {
    it('opens their Département’s projects, internal notes and conversation included', () => {
      for (const actor of [agent, auditor]) {
        expect(canSeeProject(actor, ableiges)).toBe(true);
        expect(canSeeInternal(actor, ableiges)).toBe(true);
        expect(canSeeConversation(actor, ableiges)).toBe(true);
      }
    });

    it('opens nothing of another Département’s projects, even published ones, nor anything to staff of no Département', () => {
      for (const actor of [agent, auditor]) {
        expect(canSeeProject(actor, versailles)).toBe(false);
        expect(canSeeInternal(actor, versailles)).toBe(false);
        expect(canSeeConversation(actor, versailles)).toBe(false);
      }
      expect(canSeeProject({ ...agent, departement: null }, ableiges)).toBe(false);
      expect(canSeeProject({ ...agent, departement: undefined }, ableiges)).toBe(false);
    });
  });

  describe('when a list is scoped', () => {
    it('gives staff their Département, and nothing when they ask for a commune of another', () => {
      expect(projectScope(agent, undefined)).toEqual({ kind: 'departement', departement: '95' });
      expect(projectScope(agent, '95489')).toEqual({ kind: 'departement', departement: '95' });
      expect(projectScope(agent, '78646')).toEqual({ kind: 'none' });
      expect(projectScope({ ...agent, departement: null }, undefined)).toEqual({ kind: 'none' });
    });

    it('gives a mayor their commune only', () => {
      expect(projectScope(mayor, undefined)).toEqual({ kind: 'where', where: { codeInsee: '95002' } });
      expect(projectScope(mayor, '95489')).toEqual({ kind: 'none' });
      expect(canSeeProject(mayor, versailles)).toBe(false);
    });
  });
});
