import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { diffProjects, projectAsOf, projectHistory } from './project-replay.js';

const PROJECT = '0b6f3c1e-1111-4aaa-8bbb-000000000001';
let position = 100;
const event = (revision: number, type: string, data: Record<string, unknown>, recordedAt: string, actorId = 'maire'): RecordedEvent => ({
  id: `e${revision}`,
  type,
  schemaVersion: 1,
  data: { projectId: PROJECT, ...data },
  metadata: { actorId, actorRole: 'commune_mayor', correlationId: 'c', causationId: 'c', commandId: `cmd${revision}`, recordedAt },
  streamId: `project-${PROJECT}`,
  revision,
  position: ++position,
  hash: `h${revision}`,
  previousHash: revision ? `h${revision - 1}` : '0'.repeat(64),
});

const stream = [
  event(0, 'ProjectCreated', { codeInsee: '95370', title: 'Cantine', description: 'Agrandir', theme: 'ecole', estimatedCostHt: 600000 }, '2026-01-01T10:00:00.000Z'),
  event(1, 'ProjectDetailsChanged', { title: 'Restaurant scolaire', estimatedCostHt: 650000 }, '2026-02-01T10:00:00.000Z'),
  event(2, 'StepAdvanced', { from: 'idee', to: 'financement', progress: 40, comment: null }, '2026-03-01T10:00:00.000Z'),
  event(3, 'StepReverted', { from: 'financement', to: 'etudes', progress: 30, reason: 'Subvention refusée' }, '2026-04-01T10:00:00.000Z', 'agent'),
];
const view = (id: string, role: string) => ({ id, name: id.toUpperCase(), role: role as 'commune_mayor' });

describe('projectAsOf', () => {
  describe('when the date falls between two events', () => {
    it('applies only the events recorded at or before it', () => {
      const replay = projectAsOf(stream, new Date('2026-03-01T10:00:00.000Z'));
      expect(replay).toMatchObject({ eventsApplied: 3, lastPosition: stream[2].position });
      expect(replay.doc).toMatchObject({ title: 'Restaurant scolaire', step: 'financement', progress: 40, estimatedCostHt: 650000, version: 3 });
    });
  });

  describe('when the date precedes the creation', () => {
    it('has no project', () => {
      expect(projectAsOf(stream, new Date('2025-12-31T00:00:00Z'))).toEqual({ doc: null, eventsApplied: 0, lastPosition: 0 });
    });
  });

  describe('with 10,000 events', () => {
    // Its speed is measured by `npm run bench` (g), not asserted here.
    it('applies every one of them, in order', () => {
      const many = [stream[0]];
      for (let i = 1; i < 10_000; i++) {
        many.push(event(i, 'ProgressUpdated', { step: 'idee', progress: i % 100, comment: null }, new Date(Date.parse('2026-01-01T10:00:00Z') + i * 1000).toISOString()));
      }
      const replay = projectAsOf(many, new Date('2027-01-01T00:00:00Z'));
      expect(replay).toMatchObject({ eventsApplied: 10_000, lastPosition: many[9_999].position });
      expect(replay.doc).toMatchObject({ title: 'Cantine', step: 'idee', progress: 9_999 % 100, version: 10_000 });
    });
  });
});

describe('projectHistory', () => {
  it('gives each event its French changes, its reason, its author with the role of the time, and its hashes', () => {
    const entries = projectHistory(stream, view);
    const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(entries[1].changes.map((c) => ({ ...c, before: spaces(c.before), after: spaces(c.after) }))).toEqual([
      { field: 'title', label: 'Titre', before: '« Cantine »', after: '« Restaurant scolaire »' },
      { field: 'estimatedCostHt', label: 'Coût estimé', before: '600 000 € HT', after: '650 000 € HT' },
    ]);
    expect(entries[3]).toMatchObject({
      typeLabel: 'Retour à une étape précédente',
      why: 'Subvention refusée',
      actor: { id: 'agent', name: 'AGENT', role: 'commune_mayor' },
      hash: 'h3',
      previousHash: 'h2',
    });
    expect(entries[3].changes).toContainEqual({ field: 'step', label: 'Étape', before: 'Financement', after: 'Études' });
  });

  it('filters after folding, so a filtered entry still shows its real « before »', () => {
    const entries = projectHistory(stream, view, { types: ['StepReverted'] });
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toContainEqual({ field: 'progress', label: 'Avancement', before: '40 %', after: '30 %' });
    expect(projectHistory(stream, view, { actorId: 'agent' }).map((e) => e.revision)).toEqual([3]);
    expect(projectHistory(stream, view, { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-03-15T00:00:00Z') }).map((e) => e.revision)).toEqual([1, 2]);
  });
});

describe('diffProjects', () => {
  it('shows every field of a new project against « — »', () => {
    const created = projectAsOf(stream.slice(0, 1), new Date('2030-01-01')).doc;
    expect(diffProjects(null, created).find((c) => c.field === 'title')).toEqual({ field: 'title', label: 'Titre', before: '—', after: '« Cantine »' });
  });
});

describe('documents in the audit replay', () => {
  const DOC = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const file = { fileName: 'devis.pdf', mediaType: 'application/pdf', size: 48213, sha256: 'a'.repeat(64), blobKey: 'k1' };
  const withDocuments = [
    ...stream,
    event(4, 'DocumentAdded', { documentId: DOC, version: 1, ...file, title: 'Devis de couverture', public: false }, '2026-05-01T10:00:00.000Z'),
    event(5, 'DocumentVersionAdded', { documentId: DOC, version: 2, ...file, fileName: 'devis-v2.pdf', blobKey: 'k2' }, '2026-06-01T10:00:00.000Z'),
    event(6, 'DocumentVisibilityChanged', { documentId: DOC, public: true }, '2026-07-01T10:00:00.000Z'),
  ];

  it('shows the documents list as it was at a date', () => {
    const may = projectAsOf(withDocuments, new Date('2026-05-15T00:00:00Z')).doc!;
    expect(may.documents).toEqual([expect.objectContaining({ id: DOC, title: 'Devis de couverture', public: false, versions: [expect.objectContaining({ version: 1, fileName: 'devis.pdf' })] })]);
    const july = projectAsOf(withDocuments, new Date('2026-07-15T00:00:00Z')).doc!;
    expect(july.documents![0]).toMatchObject({ public: true, versions: [{ version: 1 }, { version: 2, fileName: 'devis-v2.pdf' }] });
  });

  it('tells each document event in French, with what changed', () => {
    const entries = projectHistory(withDocuments, view).slice(4);
    expect(entries.map((e) => e.typeLabel)).toEqual(['Document ajouté', 'Nouvelle version d’un document', 'Visibilité d’un document modifiée']);
    expect(entries[0].summary).toBe('Document ajouté : « Devis de couverture » (devis.pdf, PDF, 47 ko)');
    expect(entries[1].changes).toEqual([{ field: 'documents', label: 'Documents', before: '« Devis de couverture » (version 1)', after: '« Devis de couverture » (version 2)' }]);
    expect(entries[1].summary).toBe('Version 2 de « Devis de couverture » ajoutée : devis-v2.pdf (47 ko)');
    expect(entries[2].summary).toBe('Document « Devis de couverture » rendu public');
  });
});

describe('the follow-up of issue #4 in the audit', () => {
  const Q = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
  const withQuestion = [
    ...stream,
    event(4, 'QuestionAsked', { questionId: Q, category: 'financement', text: 'Quelles aides ?' }, '2026-04-02T10:00:00.000Z'),
    event(5, 'QuestionTakenInCharge', { questionId: Q, assignee: { accountId: 'karim', kind: 'agent', organisationId: null } }, '2026-04-03T10:00:00.000Z', 'karim'),
    event(6, 'InternalNoteAdded', { noteId: 'n1', text: 'À vérifier', questionId: Q }, '2026-04-03T11:00:00.000Z', 'karim'),
    event(7, 'QuestionAnswered', { questionId: Q, answerId: 'a1', text: 'La DETR' }, '2026-04-04T10:00:00.000Z', 'karim'),
  ];

  it('shows each question’s status and assignee as a readable change, and names every new event in French', () => {
    const entries = projectHistory(withQuestion, view);
    expect(entries[5]).toMatchObject({ typeLabel: 'Question prise en charge', summary: 'Question prise en charge par KARIM — statut : Prise en charge' });
    expect(entries[5].changes).toContainEqual({ field: `question:${Q}`, label: 'Question « Quelles aides ? »', before: 'Nouvelle', after: 'Prise en charge — KARIM' });
    expect(entries[6]).toMatchObject({ typeLabel: 'Note interne', summary: 'Note interne : « À vérifier »', changes: [] });
    expect(entries[7].changes).toContainEqual({ field: `question:${Q}`, label: 'Question « Quelles aides ? »', before: 'Prise en charge — KARIM', after: 'Répondue — KARIM' });
    expect(entries[4].summary).toBe('Question posée (Financement) : « Quelles aides ? » — orientée vers : Service des aides aux communes');
  });

  it('rebuilds the questions with their status at a date', () => {
    const doc = projectAsOf(withQuestion, new Date('2026-04-03T12:00:00.000Z')).doc!;
    expect(doc.questions[0]).toMatchObject({ status: 'prise_en_charge', team: 'aides', answers: [] });
  });
});

describe('projectHistory of a publication', () => {
  const content = { title: 'Cantine agrandie', summary: 'Une salle de plus', finalCostHt: 600000, funding: [{ source: 'Département', amountHt: 200000 }], lessonsLearned: '', documents: [] };
  const v2 = (revision: number, type: string, data: Record<string, unknown>, at: string): RecordedEvent => ({ ...event(revision, type, data, at), schemaVersion: 2 });
  const publication = [
    stream[0],
    v2(1, 'PublicationRequested', { version: 1, content }, '2026-05-01T10:00:00.000Z'),
    event(2, 'PublicationRevised', { version: 2, content: { ...content, title: 'Restaurant scolaire agrandi', finalCostHt: 640000, funding: [{ source: 'Département', amountHt: 250000 }] }, reason: 'Coût définitif' }, '2026-05-02T10:00:00.000Z', 'agent'),
    v2(3, 'ProjectPublished', { version: 2, fingerprint: 'f'.repeat(64) }, '2026-05-03T10:00:00.000Z'),
    event(4, 'PublicationWithdrawn', { reason: 'Erreur de chiffre' }, '2026-05-04T10:00:00.000Z'),
  ];
  const entries = projectHistory(publication, view);
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const change = (revision: number, field: string) => {
    const c = entries[revision].changes.find((x) => x.field === field);
    return c ? spaces(`${c.label} : ${c.before} → ${c.after}`) : null;
  };

  it('shows what changed between two versions, not only their numbers', () => {
    expect(change(2, 'publicationVersion')).toBe('Version à publier : version 1 → version 2');
    expect(change(2, 'publicationTitle')).toBe('Titre public : « Cantine agrandie » → « Restaurant scolaire agrandi »');
    expect(change(2, 'publicationFinalCost')).toBe('Coût final : 600 000 € HT → 640 000 € HT');
    expect(change(2, 'publicationFunding')).toBe('Financements obtenus : Département : 200 000 € HT → Département : 250 000 € HT');
    expect(change(2, 'publicationText')).toBeNull();
  });

  it('names every publication event in French, with no event code', () => {
    expect(entries.map((e) => e.typeLabel)).toEqual(['Projet créé', 'Publication demandée', 'Version à publier modifiée', 'Projet publié', 'Publication retirée']);
    expect(entries[2].summary).toBe('Version 2 à publier rédigée, en attente de l’accord du maire — motif : Coût définitif');
    expect(entries[3].summary).toBe(`Publication approuvée par le maire : projet publié (version 2, empreinte ${'f'.repeat(12)}…)`);
    expect(entries[4].summary).toBe('Publication retirée — motif : Erreur de chiffre');
    for (const e of entries) expect(e.summary).not.toMatch(/Publication(Revised|Withdrawn)|ProjectPublished/);
  });
});
