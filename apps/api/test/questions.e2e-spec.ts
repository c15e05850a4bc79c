import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { EventStore } from '@carnet/event-store';
import { CLOCK, EVENT_STORE } from '../src/infrastructure/tokens.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { DEMO_CONTACT_IDS } from '../src/demo/demo-data.js';
import { ADJOINT_ABLEIGES, AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;
const PROBLEM = /application\/problem\+json/;
const FINANCES = 'persona-agent-finances'; // Karim Haddad, team « aides » in the demo
const CAUE = 'persona-caue';
const ADMIN = 'persona-admin';
const NOTE_TEXT = 'Note interne : le dossier DETR de la commune est incomplet, ne pas le dire tel quel';

describe('Questions, conversation and internal notes API', () => {
  let t: App;
  const clients = new Map<string, Client>();
  const as = (persona: string): Client => clients.get(persona)!;
  beforeAll(async () => {
    t = await startApp();
    for (const persona of [MAIRE_ABLEIGES, ADJOINT_ABLEIGES, MAIRE_NESLES, AGENT, FINANCES, CAUE, ADMIN, AUDITEUR]) clients.set(persona, await t.login(persona));
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await as(ADJOINT_ABLEIGES).post('/api/projects').send(newProject(over));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const ask = async (projectId: string, category = 'financement', text = 'Quelles aides pour le préau ?') => {
    const res = await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/questions`).send({ category, text });
    expect(res.status).toBe(201);
    const detail = await as(ADJOINT_ABLEIGES).get(`/api/projects/${projectId}?minPosition=${res.body.position}`);
    return { questionId: detail.body.questions.at(-1).id as string, position: res.body.position as number, version: res.body.version as number };
  };
  const question = async (client: Client, projectId: string, questionId: string, position: number) => {
    const detail = await client.get(`/api/projects/${projectId}?minPosition=${position}`);
    expect(detail.status).toBe(200);
    return detail.body.questions.find((q: { id: string }) => q.id === questionId);
  };
  const waiting = async (persona: string, position: number) => {
    const res = await as(persona).get(`/api/questions/waiting?minPosition=${position}`);
    expect(res.status).toBe(200);
    return res.body as { teams: string[]; assignedToMe: Array<{ questionId: string }>; unassigned: Array<{ questionId: string }>; overdue: Array<{ questionId: string }>; overdueDays: number };
  };
  const ids = (items: Array<{ questionId: string }>) => items.map((i) => i.questionId);

  describe('when a collaborator asks a financing question', () => {
    it('routes it to the aides team, new and unassigned, in that team’s « À traiter » list only', async () => {
      const projectId = await create();
      const { questionId, position } = await ask(projectId);
      expect(await question(as(ADJOINT_ABLEIGES), projectId, questionId, position)).toMatchObject({
        status: 'nouvelle', team: 'aides', assignee: null, answers: [], firstAnsweredAt: null, minutesToFirstAnswer: null, overdue: false, documentIds: [],
      });
      const karim = await waiting(FINANCES, position);
      expect(karim.teams).toEqual(['aides']);
      expect(ids(karim.unassigned)).toContain(questionId);
      const sophie = await waiting(AGENT, position);
      expect(sophie.teams).toEqual(['accompagnement', 'ingenierie']);
      expect(ids(sophie.unassigned)).not.toContain(questionId);
    });
  });

  describe('when the routed agent takes it in charge and answers with a contact', () => {
    it('goes nouvelle → prise en charge → répondue, shows the contact and the time to first answer; the commune closes it', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId);
      const taken = await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/take-in-charge`);
      expect(taken.status).toBe(200);
      let q = await question(as(ADJOINT_ABLEIGES), projectId, questionId, taken.body.position);
      expect(q).toMatchObject({ status: 'prise_en_charge', assignee: { kind: 'agent', person: { id: FINANCES, name: 'Karim Haddad' } } });
      expect(ids((await waiting(FINANCES, taken.body.position)).assignedToMe)).toContain(questionId);

      const answered = await as(FINANCES)
        .post(`/api/projects/${projectId}/questions/${questionId}/answers`)
        .send({ text: 'La DETR et l’aide départementale.', contactId: DEMO_CONTACT_IDS.aides });
      expect(answered.status).toBe(201);
      q = await question(as(ADJOINT_ABLEIGES), projectId, questionId, answered.body.position);
      expect(q.status).toBe('repondue');
      expect(q.answers[0]).toMatchObject({ text: 'La DETR et l’aide départementale.', contact: { id: DEMO_CONTACT_IDS.aides, name: 'Karim Haddad' }, documentIds: [] });
      expect(typeof q.minutesToFirstAnswer).toBe('number');
      expect(q.firstAnsweredAt).toBe(q.answers[0].answeredAt);
      expect(ids((await waiting(FINANCES, answered.body.position)).assignedToMe)).not.toContain(questionId);

      const closed = await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/questions/${questionId}/close`);
      expect(closed.status).toBe(200);
      expect((await question(as(ADJOINT_ABLEIGES), projectId, questionId, closed.body.position)).status).toBe('close');
      const late = await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/answers`).send({ text: 'Complément' });
      expect(late.status).toBe(409);
      expect(late.headers['content-type']).toMatch(PROBLEM);
      expect(late.body.title).toBe('Cette question est close : la commune peut la rouvrir si besoin.');
    });

    it('refuses a contact that is not in the directory, in French, naming the field', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId);
      const res = await as(FINANCES)
        .post(`/api/projects/${projectId}/questions/${questionId}/answers`)
        .send({ text: 'Voyez ce contact', contactId: '00000000-0000-4000-8000-000000000000' });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([{ field: 'contactId', message: 'Ce contact ne figure pas (ou plus) dans l’annuaire.' }]);
      const archived = await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/answers`).send({ text: 'Voyez', contactId: DEMO_CONTACT_IDS.ancienne });
      expect(archived.status).toBe(422);
    });

    it('accepts document ids on a question and refuses ids that are not UUIDs', async () => {
      const projectId = await create();
      const doc = '5d41402a-bc4b-4a76-b971-9d911017c592';
      const ok = await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/questions`).send({ category: 'technique', text: 'Voir le devis joint', documentIds: [doc] });
      expect(ok.status).toBe(201);
      const detail = await as(ADJOINT_ABLEIGES).get(`/api/projects/${projectId}?minPosition=${ok.body.position}`);
      expect(detail.body.questions[0]).toMatchObject({ team: 'ingenierie', documentIds: [doc] });
      const bad = await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/questions`).send({ category: 'technique', text: 'Q', documentIds: ['devis.pdf'] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toEqual({ field: 'documentIds', message: 'Un document joint n’est pas reconnu (identifiant invalide).' });
    });
  });

  describe('when the commune reopens an answered question', () => {
    it('needs a reason, then puts it back to new and waiting when nobody was responsible for it', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId);
      await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/answers`).send({ text: 'La DETR.' }).expect(201);
      const noReason = await as(MAIRE_ABLEIGES).post(`/api/projects/${projectId}/questions/${questionId}/reopen`).send({ reason: '  ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toEqual([{ field: 'reason', message: 'Le motif de réouverture est obligatoire.' }]);
      const byAgent = await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/reopen`).send({ reason: 'Relance' });
      expect(byAgent.status).toBe(403);
      const reopened = await as(MAIRE_ABLEIGES).post(`/api/projects/${projectId}/questions/${questionId}/reopen`).send({ reason: 'Le montant a changé' });
      expect(reopened.status).toBe(200);
      const q = await question(as(MAIRE_ABLEIGES), projectId, questionId, reopened.body.position);
      // Never « Prise en charge » next to « sans responsable ».
      expect(q).toMatchObject({ status: 'nouvelle', assignee: null, reopenings: [{ reason: 'Le montant a changé', by: { name: 'Claire Martin' } }] });
      expect(q.waitingSince).toBe(q.reopenings[0].at);
    });

    it('gives it back in charge to the person who had it', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId);
      await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/take-in-charge`).expect(200);
      await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/answers`).send({ text: 'La DETR.' }).expect(201);
      const reopened = await as(MAIRE_ABLEIGES).post(`/api/projects/${projectId}/questions/${questionId}/reopen`).send({ reason: 'Le montant a changé' });
      expect(reopened.status).toBe(200);
      const q = await question(as(MAIRE_ABLEIGES), projectId, questionId, reopened.body.position);
      expect(q).toMatchObject({ status: 'prise_en_charge', assignee: { person: { name: expect.any(String) } } });
    });
  });

  describe('when the Département assigns a question', () => {
    it('gives it to a partner member only once the partner’s organisation is involved', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId, 'prochaine_etape', 'Quelle est la prochaine étape ?');
      const before = await as(AGENT).post(`/api/projects/${projectId}/questions/${questionId}/assignment`).send({ assigneeId: CAUE });
      expect(before.status).toBe(422);
      expect(before.headers['content-type']).toMatch(PROBLEM);
      expect(before.body.errors).toEqual([{ field: 'assigneeId', message: expect.stringContaining('n’est pas associée au projet') }]);
      const involved = await as(AGENT).post(`/api/projects/${projectId}/partners`).send({ organisationId: 'org-caue-95' }).expect(201);
      const options = await as(AGENT).get(`/api/projects/${projectId}/assignees?minPosition=${involved.body.position}`);
      expect(options.body).toContainEqual({ id: CAUE, name: 'Thomas Girard', kind: 'partner', teams: [], organisationName: 'CAUE du Val-d’Oise' });
      expect(options.body).toContainEqual(expect.objectContaining({ id: FINANCES, kind: 'agent', teams: ['aides'] }));
      const assigned = await as(AGENT).post(`/api/projects/${projectId}/questions/${questionId}/assignment`).send({ assigneeId: CAUE });
      expect(assigned.status).toBe(200);
      const q = await question(as(MAIRE_ABLEIGES), projectId, questionId, assigned.body.position);
      expect(q).toMatchObject({ status: 'nouvelle', assignee: { kind: 'partner', organisationName: 'CAUE du Val-d’Oise', person: { id: CAUE } } });
      expect(ids((await waiting(CAUE, assigned.body.position)).assignedToMe)).toContain(questionId);
      const taken = await as(CAUE).post(`/api/projects/${projectId}/questions/${questionId}/take-in-charge`);
      expect(taken.status).toBe(200);
    });

    it('refuses an assignee who is neither an agent nor a partner member, and refuses the commune', async () => {
      const projectId = await create();
      const { questionId } = await ask(projectId);
      const toMayor = await as(AGENT).post(`/api/projects/${projectId}/questions/${questionId}/assignment`).send({ assigneeId: MAIRE_ABLEIGES });
      expect(toMayor.status).toBe(422);
      expect(toMayor.body.errors[0].field).toBe('assigneeId');
      const byCommune = await as(MAIRE_ABLEIGES).post(`/api/projects/${projectId}/questions/${questionId}/assignment`).send({ assigneeId: FINANCES });
      expect(byCommune.status).toBe(403);
      expect(byCommune.body.title).toBe('Seul le Département attribue une question à un agent ou à un partenaire.');
      expect((await as(MAIRE_ABLEIGES).get(`/api/projects/${projectId}/assignees`)).status).toBe(403);
    });
  });

  describe('when a question waits longer than QUESTION_OVERDUE_DAYS', () => {
    it('is flagged overdue in the project and in the « À traiter » list', async () => {
      const projectId = await create();
      // Asked (QUESTION_OVERDUE_DAYS + 1) days ago: the clock is set back for the command, sessions stay valid.
      const clock = t.app.get<SettableClock>(CLOCK);
      clock.set(new Date(Date.now() - (t.config.questionOverdueDays + 1) * 86_400_000));
      let asked: Awaited<ReturnType<typeof ask>>;
      try {
        asked = await ask(projectId);
      } finally {
        clock.set(null);
      }
      const { questionId, position } = asked;
      expect((await question(as(ADJOINT_ABLEIGES), projectId, questionId, position)).overdue).toBe(true);
      const karim = await waiting(FINANCES, position);
      expect(karim.overdueDays).toBe(5);
      expect(ids(karim.overdue)).toContain(questionId);
      const fresh = await ask(projectId, 'financement', 'Une question du jour');
      expect((await question(as(ADJOINT_ABLEIGES), projectId, fresh.questionId, fresh.position)).overdue).toBe(false);
      expect(ids((await waiting(FINANCES, fresh.position)).overdue)).not.toContain(fresh.questionId);
    });
  });

  describe('If-Match on question commands', () => {
    it('answers 409 with the current version when the project changed meanwhile', async () => {
      const projectId = await create();
      const { questionId, version } = await ask(projectId);
      await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/messages`).send({ text: 'Un message entre-temps' }).expect(201);
      const stale = await as(FINANCES).post(`/api/projects/${projectId}/questions/${questionId}/take-in-charge`).set('If-Match', `"${version}"`);
      expect(stale.status).toBe(409);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
      expect(stale.headers.etag).toBe(`"${version + 1}"`);
      expect(stale.body.title).toBe('Ce projet a été modifié entre-temps');
    });
  });

  describe('the conversation', () => {
    it('is shared by the commune and the Département, and hidden from another commune and the public', async () => {
      const projectId = await create();
      await as(ADJOINT_ABLEIGES).post(`/api/projects/${projectId}/messages`).send({ text: 'Bonjour, où en est notre dossier ?' }).expect(201);
      const reply = await as(AGENT).post(`/api/projects/${projectId}/messages`).send({ text: 'Il est en instruction.' });
      expect(reply.status).toBe(201);
      const thread = await as(MAIRE_ABLEIGES).get(`/api/projects/${projectId}/messages?minPosition=${reply.body.position}`);
      expect(thread.body.map((m: { text: string; by: { name: string } }) => [m.by.name, m.text])).toEqual([
        ['Julien Petit', 'Bonjour, où en est notre dossier ?'],
        ['Sophie Bernard', 'Il est en instruction.'],
      ]);
      expect((await as(MAIRE_NESLES).get(`/api/projects/${projectId}/messages`)).status).toBe(404);
      expect((await request(t.http).get(`/api/projects/${projectId}/messages`)).status).toBe(404);
      expect((await as(MAIRE_NESLES).post(`/api/projects/${projectId}/messages`).send({ text: 'Intrus' })).status).toBe(404);
    });
  });

  describe('internal notes', () => {
    let projectId: string;
    let position: number;
    beforeAll(async () => {
      projectId = await create({ title: 'Projet aux notes internes' });
      const { questionId } = await ask(projectId);
      await as(AGENT).post(`/api/projects/${projectId}/partners`).send({ organisationId: 'org-caue-95' }).expect(201);
      const note = await as(AGENT).post(`/api/projects/${projectId}/notes`).send({ text: NOTE_TEXT, questionId });
      expect(note.status).toBe(201);
      position = note.body.position;
    });

    it('are read by Département staff, involved partners and auditors', async () => {
      for (const persona of [AGENT, FINANCES, ADMIN, CAUE, AUDITEUR]) {
        const notes = await as(persona).get(`/api/projects/${projectId}/notes?minPosition=${position}`);
        expect(notes.status).toBe(200);
        expect(notes.body.map((n: { text: string }) => n.text)).toEqual([NOTE_TEXT]);
      }
      const history = await as(AUDITEUR).get(`/api/projects/${projectId}/history?minPosition=${position}`);
      expect(history.body.map((h: { summary: string }) => h.summary)).toContainEqual(expect.stringContaining('Note interne'));
      const audit = await as(AUDITEUR).get(`/api/audit/projects/${projectId}/history`);
      expect(audit.body.entries.find((e: { type: string }) => e.type === 'InternalNoteAdded')).toMatchObject({ typeLabel: 'Note interne', summary: expect.stringContaining(NOTE_TEXT.slice(0, 40)) });
    });

    it('never reach a commune member, through any page or API endpoint', async () => {
      for (const persona of [MAIRE_ABLEIGES, ADJOINT_ABLEIGES]) {
        const c = as(persona);
        const notes = await c.get(`/api/projects/${projectId}/notes?minPosition=${position}`);
        expect(notes.status).toBe(403);
        expect(notes.headers['content-type']).toMatch(PROBLEM);
        const bodies = await Promise.all(
          [
            `/api/projects/${projectId}?minPosition=${position}`,
            `/api/projects/${projectId}/history?minPosition=${position}`,
            `/api/projects/${projectId}/messages?minPosition=${position}`,
            `/api/projects?commune=95002&limit=200&minPosition=${position}`,
            `/api/projects?q=${encodeURIComponent('notes internes')}&minPosition=${position}`,
            `/api/audit/projects/${projectId}/history`,
            `/api/audit/projects/${projectId}/export.json`,
            `/api/audit/projects/${projectId}/export.html`,
            `/api/audit/projects/${projectId}/as-of?at=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
            '/api/questions/waiting',
          ].map(async (path) => {
            const res = await c.get(path);
            return { path, status: res.status, text: res.text };
          }),
        );
        for (const { path, status, text } of bodies) {
          expect({ path, leaks: text.includes(NOTE_TEXT.slice(0, 30)) || text.includes('InternalNoteAdded') }).toEqual({ path, leaks: false });
          if (path.startsWith('/api/audit') || path === '/api/questions/waiting') expect({ path, status }).toEqual({ path, status: 403 });
        }
        const history = await c.get(`/api/projects/${projectId}/history?minPosition=${position}`);
        expect(history.status).toBe(200);
        expect(history.body.map((h: { type: string }) => h.type)).not.toContain('InternalNoteAdded');
      }
    });

    it('cannot be written by the commune, whatever it sends', async () => {
      const res = await as(MAIRE_ABLEIGES).post(`/api/projects/${projectId}/notes`).send({ text: 'Je tente' });
      expect(res.status).toBe(403);
      expect(res.body.title).toBe('Les notes internes sont réservées au Département et aux partenaires associés.');
    });
  });

  describe('a question stored as v1 before issue #4', () => {
    it('is read as v2 (routed by its category) and can be taken in charge and answered', async () => {
      const projectId = await create();
      const events = t.app.get<EventStore>(EVENT_STORE);
      const stream = `project-${projectId}`;
      const questionId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
      const recorded = await events.readStream(stream);
      const { position } = await events.appendToStream(
        stream,
        [
          {
            id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
            type: 'QuestionAsked',
            schemaVersion: 1,
            data: { projectId, questionId, category: 'juridique', text: 'Une question d’avant' },
            metadata: { ...recorded[0].metadata, actorId: ADJOINT_ABLEIGES, actorRole: 'commune_member', commandId: 'v1-command', causationId: 'v1-command', correlationId: 'v1-command' },
          },
        ],
        recorded.length - 1,
      );
      expect(await question(as(MAIRE_ABLEIGES), projectId, questionId, position)).toMatchObject({ team: 'juridique', status: 'nouvelle', documentIds: [] });
      const taken = await as(ADMIN).post(`/api/projects/${projectId}/questions/${questionId}/take-in-charge`);
      expect(taken.status).toBe(200);
      const history = await as(MAIRE_ABLEIGES).get(`/api/projects/${projectId}/history?minPosition=${taken.body.position}`);
      expect(history.body.map((h: { summary: string }) => h.summary)).toContain(
        'Question posée (Juridique) : « Une question d’avant » — orientée vers : Conseil juridique aux collectivités',
      );
    });
  });

  describe('the contacts directory', () => {
    it('is searched without accents and filtered by theme and commune', async () => {
      const found = await as(MAIRE_ABLEIGES).get('/api/contacts?q=elodie%20energie');
      expect(found.status).toBe(200);
      expect(found.body.map((c: { name: string }) => c.name)).toEqual(['Élodie Marchand']);
      const voirieNesles = await as(MAIRE_NESLES).get('/api/contacts?theme=voirie&commune=95446');
      expect(voirieNesles.body.map((c: { name: string }) => c.name)).toEqual(['Karim Haddad', 'Laure Vasseur', 'Pierre Lemoine']);
      const voirieAbleiges = await as(MAIRE_ABLEIGES).get('/api/contacts?theme=voirie&commune=95002');
      expect(voirieAbleiges.body.map((c: { name: string }) => c.name)).toEqual(['Karim Haddad', 'Laure Vasseur']);
      expect((await request(t.http).get('/api/contacts')).status).toBe(401);
      const bad = await as(MAIRE_ABLEIGES).get('/api/contacts?commune=Ableiges');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('commune');
    });

    it('is managed by Département administrators only: add, edit, archive', async () => {
      const body = { name: 'Inès Colin', jobTitle: 'Paysagiste conseil', organisation: 'CAUE du Val-d’Oise', email: 'ines.colin@caue95.example', phone: null, themes: ['espaces_verts'], communes: ['95002'] };
      expect((await as(AGENT).post('/api/contacts').send(body)).status).toBe(403);
      expect((await as(MAIRE_ABLEIGES).post('/api/contacts').send(body)).status).toBe(403);
      const invalid = await as(ADMIN).post('/api/contacts').send({ ...body, themes: ['jardins'] });
      expect(invalid.status).toBe(400);
      expect(invalid.headers['content-type']).toMatch(PROBLEM);
      const created = await as(ADMIN).post('/api/contacts').send(body);
      expect(created.status).toBe(201);
      const id = created.body.id;
      const edited = await as(ADMIN).patch(`/api/contacts/${id}`).send({ ...body, jobTitle: 'Paysagiste conseillère' });
      expect(edited.body).toMatchObject({ jobTitle: 'Paysagiste conseillère', archived: false });
      expect((await as(MAIRE_ABLEIGES).get('/api/contacts?q=ines')).body.map((c: { id: string }) => c.id)).toEqual([id]);
      await as(ADMIN).post(`/api/contacts/${id}/archive`).send({ archived: true }).expect(200);
      expect((await as(MAIRE_ABLEIGES).get('/api/contacts?q=ines')).body).toEqual([]);
      expect((await as(ADMIN).get('/api/contacts?q=ines&archived=true')).body.map((c: { archived: boolean }) => c.archived)).toEqual([true]);
    });

    it('blanks a contact linked to an account when that person is erased (GDPR)', async () => {
      const before = await as(MAIRE_ABLEIGES).get('/api/contacts?q=thomas%20girard');
      expect(before.body).toHaveLength(1);
      await as(ADMIN).post(`/api/admin/accounts/${CAUE}/erase`).expect(204);
      expect((await as(MAIRE_ABLEIGES).get('/api/contacts?q=girard')).body).toEqual([]);
      const all = await as(ADMIN).get('/api/contacts?archived=true');
      expect(JSON.stringify(all.body)).not.toContain('thomas.girard');
    });
  });
});
