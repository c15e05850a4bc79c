import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema } from '../testing/event-schemas.js';
import { DomainError, type Actor, type DecisionContext } from '../shared/decider.js';
import { cleanFileName, type StoredFile } from './project-documents.js';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';
import type { ProjectEvent } from './project.events.js';

const PROJECT = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const DOC = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SHA = 'a'.repeat(64);
const SHA2 = 'b'.repeat(64);

const maire: Actor = { id: 'u-maire', displayName: 'Maire', role: 'commune_mayor', communeInsee: '95002' };
const adjoint: Actor = { id: 'u-adjoint', displayName: 'Adjoint', role: 'commune_member', communeInsee: '95002' };
const autreMaire: Actor = { id: 'u-autre', displayName: 'Autre maire', role: 'commune_mayor', communeInsee: '95446' };
const agent: Actor = { id: 'u-agent', displayName: 'Agent', role: 'departement_agent', communeInsee: null };
const partenaire: Actor = { id: 'u-caue', displayName: 'CAUE', role: 'partner_member', communeInsee: null, organisationId: 'org-caue-95' };
const auditeur: Actor = { id: 'u-audit', displayName: 'Auditeur', role: 'auditor', communeInsee: null };

const ctx = (actor: Actor): DecisionContext => ({ actor, now: new Date('2026-03-01T10:00:00Z'), newId: () => DOC });

function given(...history: ProjectEvent[]) {
  const state = history.reduce(projectDecider.evolve, projectDecider.initialState());
  return {
    state,
    when(command: ProjectCommand, actor: Actor = adjoint) {
      const run = () => projectDecider.decide(command, state, ctx(actor));
      return {
        then(expected: ProjectEvent[]) {
          const events = run();
          events.forEach(assertMatchesSchema);
          expect(events).toEqual(expected);
        },
        thenFails(code: string, kind?: DomainError['kind']) {
          expect(run).toThrow(DomainError);
          try {
            run();
          } catch (error) {
            expect((error as DomainError).code).toBe(code);
            if (kind) expect((error as DomainError).kind).toBe(kind);
            expect((error as DomainError).message).toMatch(/[a-zé]/);
          }
        },
      };
    },
  };
}

const created: ProjectEvent = {
  type: 'ProjectCreated',
  schemaVersion: 1,
  data: { projectId: PROJECT, codeInsee: '95002', title: 'Toiture de l’école', description: '', theme: 'ecole', estimatedCostHt: null },
};
const involved: ProjectEvent = { type: 'PartnerInvolved', schemaVersion: 1, data: { projectId: PROJECT, organisationId: 'org-caue-95' } };
const pdf: StoredFile = { fileName: 'devis-couverture.pdf', mediaType: 'application/pdf', size: 48213, sha256: SHA, blobKey: 'blob-1' };
const pdf2: StoredFile = { fileName: 'devis-couverture-v2.pdf', mediaType: 'application/pdf', size: 50110, sha256: SHA2, blobKey: 'blob-2' };
const add: ProjectCommand = { type: 'AddDocument', documentId: DOC, title: ' Devis de couverture ', public: false, file: pdf };
const added: ProjectEvent = {
  type: 'DocumentAdded',
  schemaVersion: 1,
  data: { projectId: PROJECT, documentId: DOC, version: 1, ...pdf, title: 'Devis de couverture', public: false },
};
const version2: ProjectEvent = { type: 'DocumentVersionAdded', schemaVersion: 1, data: { projectId: PROJECT, documentId: DOC, version: 2, ...pdf2 } };
const madePublic: ProjectEvent = { type: 'DocumentVisibilityChanged', schemaVersion: 1, data: { projectId: PROJECT, documentId: DOC, public: true } };
const removed: ProjectEvent = { type: 'DocumentRemoved', schemaVersion: 1, data: { projectId: PROJECT, documentId: DOC, reason: 'Mauvais fichier' } };

describe('Project documents', () => {
  describe('when adding a document', () => {
    it('records DocumentAdded, version 1, with the trimmed title', () => given(created).when(add).then([added]));
    it('lets Département staff add one', () => given(created).when(add, agent).then([added]));
    it('lets an involved partner add one', () => given(created, involved).when(add, partenaire).then([added]));
    it('refuses a partner that is not involved', () => given(created).when(add, partenaire).thenFails('forbidden', 'forbidden'));
    it('does not let a partner add a public document', () =>
      given(created, involved).when({ ...add, public: true } as ProjectCommand, partenaire).thenFails('forbidden', 'forbidden'));
    it('lets the commune add a public document', () =>
      given(created).when({ ...add, public: true } as ProjectCommand, maire).then([{ ...added, data: { ...added.data, public: true } } as ProjectEvent]));
    it('refuses another commune’s member', () => given(created).when(add, autreMaire).thenFails('forbidden', 'forbidden'));
    it('refuses an auditor', () => given(created).when(add, auditeur).thenFails('forbidden', 'forbidden'));
    it('refuses an unknown project', () => given().when(add).thenFails('project_not_found', 'not_found'));
    it('needs a title', () => given(created).when({ ...add, title: '  ' } as ProjectCommand).thenFails('required', 'invalid'));
    it('refuses a media type outside the accepted list', () =>
      given(created).when({ ...add, file: { ...pdf, mediaType: 'application/x-msdownload' } } as unknown as ProjectCommand).thenFails('unsupported_media_type'));
    it('refuses an empty file', () => given(created).when({ ...add, file: { ...pdf, size: 0 } } as ProjectCommand).thenFails('empty_file'));
    it('records the file name without folders', () =>
      given(created)
        .when({ ...add, file: { ...pdf, fileName: 'C:\\Users\\maire\\devis-couverture.pdf' } } as ProjectCommand)
        .then([added]));
    it('refuses the same document id twice', () => given(created, added).when(add).thenFails('document_exists', 'conflict'));
  });

  describe('when adding a version', () => {
    const addVersion: ProjectCommand = { type: 'AddDocumentVersion', documentId: DOC, file: pdf2 };
    it('records DocumentVersionAdded with the next number', () => given(created, added).when(addVersion).then([version2]));
    it('numbers a third version 3', () =>
      given(created, added, version2).when(addVersion, agent).then([{ ...version2, data: { ...version2.data, version: 3 } } as ProjectEvent]));
    it('refuses an unknown document', () => given(created).when(addVersion).thenFails('document_not_found', 'not_found'));
    it('refuses a removed document', () => given(created, added, removed).when(addVersion).thenFails('document_not_found', 'not_found'));
    it('refuses a partner that is not involved', () => given(created, added).when(addVersion, partenaire).thenFails('forbidden'));
  });

  describe('when changing the visibility', () => {
    const makePublic: ProjectCommand = { type: 'ChangeDocumentVisibility', documentId: DOC, public: true };
    it('lets the commune make a document public', () => given(created, added).when(makePublic, maire).then([madePublic]));
    it('lets the Département make it public', () => given(created, added).when(makePublic, agent).then([madePublic]));
    it('refuses an involved partner', () => given(created, involved, added).when(makePublic, partenaire).thenFails('forbidden', 'forbidden'));
    it('refuses an auditor', () => given(created, added).when(makePublic, auditeur).thenFails('forbidden', 'forbidden'));
    it('refuses a change that changes nothing', () => given(created, added, madePublic).when(makePublic).thenFails('no_change', 'invalid'));
    it('makes it private again', () =>
      given(created, added, madePublic)
        .when({ type: 'ChangeDocumentVisibility', documentId: DOC, public: false })
        .then([{ ...madePublic, data: { ...madePublic.data, public: false } } as ProjectEvent]));
  });

  describe('when removing a document', () => {
    const remove: ProjectCommand = { type: 'RemoveDocument', documentId: DOC, reason: ' Mauvais fichier ' };
    it('records DocumentRemoved with the reason', () => given(created, added).when(remove).then([removed]));
    it('needs a reason', () => given(created, added).when({ ...remove, reason: ' ' } as ProjectCommand).thenFails('reason_required'));
    it('refuses a partner', () => given(created, involved, added).when(remove, partenaire).thenFails('forbidden'));
    it('refuses twice', () => given(created, added, removed).when(remove).thenFails('document_not_found'));
  });

  describe('the project state', () => {
    it('remembers version, visibility and removal', () => {
      expect(given(created, added, version2, madePublic).state.documents[DOC]).toEqual({ version: 2, public: true, removed: false });
      expect(given(created, added, removed).state.documents[DOC].removed).toBe(true);
    });
  });

  describe('cleanFileName', () => {
    it('drops folders and control characters', () => expect(cleanFileName('../../etc/\u0007pass wd.pdf')).toBe('pass wd.pdf'));
    it('keeps the extension of a long name', () => {
      const name = cleanFileName(`${'x'.repeat(400)}.pdf`);
      expect(name).toHaveLength(255);
      expect(name.endsWith('.pdf')).toBe(true);
    });
  });
});
