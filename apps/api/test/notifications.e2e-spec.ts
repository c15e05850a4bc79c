import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AccountStore } from '@carnet/account-store';
import type { EventStore } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ACCOUNT_STORE, CLOCK, EVENT_STORE } from '../src/infrastructure/tokens.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { DigestScheduler } from '../src/notifications/digest-scheduler.js';
import { ImmediateNotifier } from '../src/notifications/immediate-notifier.js';
import { ADJOINT_ABLEIGES, AGENT, MAIRE_ABLEIGES, loginWith, newProject, startApp, type Client } from './harness.js';

const ADJOINT_EMAIL = 'julien.petit@demo.carnet.invalid';
const MAIRE_EMAIL = 'claire.martin@demo.carnet.invalid';

interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

describe('Notifications', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let agent: Client;
  let adjoint: Client;
  let maire: Client;
  const seen = new Set<string>();

  beforeAll(async () => {
    t = await startApp();
    agent = await t.login(AGENT);
    adjoint = await t.login(ADJOINT_ABLEIGES);
    maire = await t.login(MAIRE_ABLEIGES);
  });
  afterAll(async () => {
    await t.close();
  });

  /** E-mails written to the outbox since the last call. */
  function newMails(): OutboxMail[] {
    const dir = join(t.dataDir, 'outbox');
    if (!existsSync(dir)) return [];
    const out: OutboxMail[] = [];
    for (const file of readdirSync(dir).sort()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const raw = readFileSync(join(dir, file), 'utf8');
      const [head, ...body] = raw.split('\r\n\r\n');
      const to = /^To: (.*)$/m.exec(head)![1];
      const subject = Buffer.from(/^Subject: =\?UTF-8\?B\?(.*)\?=$/m.exec(head)![1], 'base64').toString('utf8');
      out.push({ file, to, subject, text: body.join('\r\n\r\n') });
    }
    return out;
  }

  const head = async () => (await request(t.http).get('/api/health')).body.logPosition as number;

  async function waitForReadModels() {
    const position = await head();
    const { ReadModels } = await import('../src/shared/read-models.js');
    await t.app.get(ReadModels).current(position);
    await t.app.get(ImmediateNotifier).idle();
  }

  async function projectWithQuestion(title: string, by: Client = adjoint): Promise<{ id: string; questionId: string }> {
    const created = await by.post('/api/projects').send(newProject({ title })).expect(201);
    const asked = await by.post(`/api/projects/${created.body.id}/questions`).send({ category: 'financement', text: 'Quelles aides ?' });
    expect(asked.status).toBeLessThan(300);
    const detail = await by.get(`/api/projects/${created.body.id}?minPosition=${asked.body.position}`).expect(200);
    return { id: created.body.id, questionId: detail.body.questions[0].id };
  }

  async function inbox(c: Client) {
    await waitForReadModels();
    return (await c.get('/api/notifications').expect(200)).body as { items: Array<{ id: string; projectId: string; text: string; link: string; read: boolean; projectTitle: string; communeName: string }>; unread: number };
  }

  describe('when a Département agent answers a question of a commune’s project', () => {
    it('shows the collaborator a French one-line notification linking to the question, and not the agent who answered', async () => {
      const p = await projectWithQuestion('Éclairage du stade');
      await agent.post(`/api/projects/${p.id}/questions/${p.questionId}/answers`).send({ text: 'La DETR finance 40 %.' }).expect(201);
      const box = await inbox(adjoint);
      const item = box.items.find((i) => i.projectId === p.id && i.text.includes('répondu'))!;
      // The link opens the question in the project's « Questions » section.
      expect(item).toMatchObject({ text: 'Sophie Bernard a répondu à une question.', link: `/projets/${p.id}/questions#question-${p.questionId}`, projectTitle: 'Éclairage du stade', communeName: 'Ableiges', read: false });
      expect(JSON.stringify(box)).not.toContain('DETR'); // the answer itself stays on the project page
      expect((await inbox(agent)).items.some((i) => i.projectId === p.id && i.text.includes('répondu'))).toBe(false);
    });

    it('lowers the unread count when the collaborator reads it, and « tout marquer comme lu » reads the rest', async () => {
      const box = await inbox(adjoint);
      expect(box.unread).toBeGreaterThan(0);
      const first = box.items.find((i) => !i.read)!;
      await adjoint.post(`/api/notifications/${first.id}/read`).expect(204);
      expect((await adjoint.get('/api/notifications/unread-count').expect(200)).body.unread).toBe(box.unread - 1);
      expect((await inbox(adjoint)).items.find((i) => i.id === first.id)!.read).toBe(true);
      await adjoint.post('/api/notifications/read-all').expect(204);
      expect((await adjoint.get('/api/notifications/unread-count').expect(200)).body.unread).toBe(0);
    });

    it('refuses to mark read a notification that is not the person’s', async () => {
      const res = await adjoint.post(`/api/notifications/${randomUUID()}/read`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('when an internal note is added to a commune’s project', () => {
    it('never reaches a commune member, by inbox or e-mail, even one who follows it in immediate mode; a following agent gets it', async () => {
      const p = await projectWithQuestion('Note interne : cantine');
      await adjoint.agent.put('/api/me/notification-settings').set('X-CSRF-Token', adjoint.csrf).send({ emailMode: 'immediate' }).expect(200);
      await adjoint.agent.put(`/api/projects/${p.id}/follow`).set('X-CSRF-Token', adjoint.csrf).expect(200);
      await agent.agent.put(`/api/projects/${p.id}/follow`).set('X-CSRF-Token', agent.csrf).expect(200);
      await waitForReadModels();
      newMails();
      const events = t.app.get<EventStore>(EVENT_STORE);
      const commandId = randomUUID();
      await events.appendToStream(
        `project-${p.id}`,
        [
          {
            id: randomUUID(),
            type: 'InternalNoteAdded',
            schemaVersion: 1,
            data: { projectId: p.id, noteId: randomUUID(), text: 'Le maire hésite, à relancer discrètement', questionId: p.questionId },
            metadata: { actorId: 'persona-agent-finances', actorRole: 'departement_agent', actorCommune: null, correlationId: commandId, causationId: commandId, commandId, recordedAt: new Date().toISOString() },
          },
        ],
        'any',
      );
      await waitForReadModels();
      const note = (c: { items: Array<{ projectId: string; text: string }> }) => c.items.filter((i) => i.projectId === p.id && i.text.includes('note interne'));
      expect(note(await inbox(agent))).toEqual([expect.objectContaining({ text: 'Karim Haddad a ajouté une note interne.' })]);
      expect(note(await inbox(adjoint))).toEqual([]);
      expect(note(await inbox(maire))).toEqual([]);
      const mails = newMails();
      expect(mails.filter((m) => m.to === ADJOINT_EMAIL || m.to === MAIRE_EMAIL)).toEqual([]);
      expect(mails.some((m) => m.to === 'sophie.bernard@demo.carnet.invalid' && m.text.includes('note interne'))).toBe(true);
      expect(mails.map((m) => m.text).join('\n')).not.toContain('relancer discrètement');
      await adjoint.agent.put('/api/me/notification-settings').set('X-CSRF-Token', adjoint.csrf).send({ emailMode: 'daily_digest' }).expect(200);
    });
  });

  describe('e-mail preference', () => {
    it('shows the digest as the default of a commune member and refuses an unknown mode', async () => {
      expect((await maire.get('/api/me/notification-settings').expect(200)).body).toEqual({ emailMode: 'daily_digest', defaultEmailMode: 'daily_digest' });
      const res = await maire.agent.put('/api/me/notification-settings').set('X-CSRF-Token', maire.csrf).send({ emailMode: 'hourly' });
      expect(res.status).toBe(400);
    });

    it('in immediate mode sends one e-mail per notification, and in « none » mode none', async () => {
      await adjoint.agent.put('/api/me/notification-settings').set('X-CSRF-Token', adjoint.csrf).send({ emailMode: 'immediate' }).expect(200);
      await maire.agent.put('/api/me/notification-settings').set('X-CSRF-Token', maire.csrf).send({ emailMode: 'none' }).expect(200);
      const p = await projectWithQuestion('Mode immédiat : mairie');
      await waitForReadModels();
      newMails();
      await agent.post(`/api/projects/${p.id}/questions/${p.questionId}/answers`).send({ text: 'Première réponse' }).expect(201);
      await agent.post(`/api/projects/${p.id}/step`).send({ step: 'etudes', progress: 10 }).expect(200);
      await waitForReadModels();
      const mails = newMails();
      const toAdjoint = mails.filter((m) => m.to === ADJOINT_EMAIL);
      expect(toAdjoint.map((m) => m.subject)).toEqual([
        'Mode immédiat : mairie (Ableiges) : Sophie Bernard a répondu à une question.',
        'Mode immédiat : mairie (Ableiges) : Sophie Bernard a fait passer le projet à l’étape « Études ».',
      ]);
      expect(toAdjoint[0].text).toContain(`/projets/${p.id}`);
      expect(mails.filter((m) => m.to === MAIRE_EMAIL)).toEqual([]);
      await adjoint.agent.put('/api/me/notification-settings').set('X-CSRF-Token', adjoint.csrf).send({ emailMode: 'daily_digest' }).expect(200);
      await maire.agent.put('/api/me/notification-settings').set('X-CSRF-Token', maire.csrf).send({ emailMode: 'daily_digest' }).expect(200);
    });
  });

  describe('when the server stops right after an event that sends e-mails', () => {
    it('sends the e-mails already due before closing its stores', async () => {
      const other = await startApp();
      try {
        const mayor = await other.login(MAIRE_ABLEIGES);
        const staff = await other.login(AGENT);
        await mayor.agent.put('/api/me/notification-settings').set('X-CSRF-Token', mayor.csrf).send({ emailMode: 'immediate' }).expect(200);
        // A slow account store: the e-mail is still being prepared when the server is asked to stop.
        const accounts = other.app.get<AccountStore>(ACCOUNT_STORE);
        const claim = accounts.claimNotificationMails.bind(accounts);
        jest.spyOn(accounts, 'claimNotificationMails').mockImplementation(async (...args) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          return claim(...args);
        });
        const created = await mayor.post('/api/projects').send(newProject({ title: 'Arrêt du serveur : lavoir' })).expect(201);
        const moved = await staff.post(`/api/projects/${created.body.id}/step`).send({ step: 'etudes', progress: 10 }).expect(200);
        // The read models hold the event, so the notifier has queued its e-mail; stop at once.
        const { ReadModels } = await import('../src/shared/read-models.js');
        await other.app.get(ReadModels).current(moved.body.position);
      } finally {
        await other.close(false);
      }
      const outbox = join(other.dataDir, 'outbox');
      const subjects = readdirSync(outbox).map((file) => {
        const raw = readFileSync(join(outbox, file), 'utf8');
        return { to: /^To: (.*)$/m.exec(raw)![1], subject: Buffer.from(/^Subject: =\?UTF-8\?B\?(.*)\?=$/m.exec(raw)![1], 'base64').toString('utf8') };
      });
      expect(subjects).toContainEqual({ to: MAIRE_EMAIL, subject: 'Arrêt du serveur : lavoir (Ableiges) : Sophie Bernard a fait passer le projet à l’étape « Études ».' });
      rmSync(other.dataDir, { recursive: true, force: true });
    });
  });

  describe('when a new collaborator joins a commune with a history', () => {
    it('starts with no unread notification about what happened before their arrival, and is told of what comes after', async () => {
      const before = await projectWithQuestion('Arrivée : city-stade');
      await agent.post(`/api/projects/${before.id}/questions/${before.questionId}/answers`).send({ text: 'Voir la DETR.' }).expect(201);
      await maire.post('/api/communes/95002/invitations').send({ email: 'nouvelle.collaboratrice@ableiges.example', displayName: 'Nina Caron', seat: 'collaborator' }).expect(201);
      const mail = newMails().find((m) => m.to.includes('nouvelle.collaboratrice@ableiges.example'))!;
      const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
      await request(t.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Nina Caron', password: 'une phrase de passe solide' }).expect(201);
      const nina = await loginWith(t.http, 'nouvelle.collaboratrice@ableiges.example', 'une phrase de passe solide');
      const box = await inbox(nina);
      expect(box.items.some((i) => i.projectId === before.id)).toBe(true); // the past is there, already read
      expect(box.unread).toBe(0);
      await agent.post(`/api/projects/${before.id}/step`).send({ step: 'etudes', progress: 10 }).expect(200);
      const after = await inbox(nina);
      expect(after.unread).toBe(1);
      expect(after.items.find((i) => !i.read)).toMatchObject({ projectId: before.id, text: 'Sophie Bernard a fait passer le projet à l’étape « Études ».' });
    });
  });

  describe('following a project', () => {
    it('is on by default for the commune’s members; unfollowing stops its notifications, following again brings them back', async () => {
      const p = await projectWithQuestion('Suivi : salle des fêtes');
      const follow = (c: Client, method: 'put' | 'delete') => c.agent[method](`/api/projects/${p.id}/follow`).set('X-CSRF-Token', c.csrf);
      expect((await maire.get(`/api/projects/${p.id}/follow`).expect(200)).body).toEqual({ following: true, byDefault: true });
      expect((await agent.get(`/api/projects/${p.id}/follow`).expect(200)).body).toEqual({ following: false, byDefault: false });
      expect((await follow(maire, 'delete').expect(200)).body).toEqual({ following: false, byDefault: true });
      await agent.post(`/api/projects/${p.id}/step`).send({ step: 'etudes', progress: 15 }).expect(200);
      expect((await inbox(maire)).items.filter((i) => i.projectId === p.id && i.text.includes('étape'))).toEqual([]);
      expect((await follow(maire, 'put').expect(200)).body).toEqual({ following: true, byDefault: true });
      await agent.post(`/api/projects/${p.id}/step`).send({ step: 'financement', progress: 40 }).expect(200);
      // The inbox is the project's feed seen through today's choice: what came meanwhile shows again too.
      expect((await inbox(maire)).items.filter((i) => i.projectId === p.id && i.text.includes('étape')).map((i) => i.text)).toContain(
        'Sophie Bernard a fait passer le projet à l’étape « Financement ».',
      );
    });

    it('answers 404 to a person of another commune, as for the project itself', async () => {
      const p = await projectWithQuestion('Suivi : projet privé');
      const other = await t.login('persona-maire-95446');
      expect((await other.get(`/api/projects/${p.id}/follow`)).status).toBe(404);
      expect((await other.agent.put(`/api/projects/${p.id}/follow`).set('X-CSRF-Token', other.csrf)).status).toBe(404);
    });
  });

  describe('a commune with 20 active projects and a busy week', () => {
    it('receives at most one digest e-mail a day per person who chose the digest', async () => {
      const clock = t.app.get<SettableClock>(CLOCK);
      const digests = t.app.get(DigestScheduler);
      const at = (iso: string) => clock.set(new Date(iso));
      try {
        // Day 0 (1 December 2026): twenty projects of Ableiges, each with a question.
        at('2026-12-01T09:00:00Z');
        let a = await t.login(ADJOINT_ABLEIGES);
        const projects: Array<{ id: string; questionId: string }> = [];
        for (let i = 1; i <= 20; i++) projects.push(await projectWithQuestion(`Projet actif n° ${i}`, a));
        await waitForReadModels();
        newMails();
        const perDay: Array<Map<string, OutboxMail[]>> = [];
        for (let day = 2; day <= 8; day++) {
          const date = `2026-12-0${day}`;
          const tick = async (time: string) => {
            at(`${date}T${time}Z`);
            await digests.tick();
          };
          await tick('05:30:00'); // 06:30 in Paris: too early
          await tick('06:10:00'); // 07:10 in Paris: the digest hour
          // A busy day: the Département answers and moves every project, the commune asks again.
          at(`${date}T09:00:00Z`);
          const ag = await t.login(AGENT);
          a = await t.login(ADJOINT_ABLEIGES);
          for (const p of projects) {
            await ag.post(`/api/projects/${p.id}/questions/${p.questionId}/answers`).send({ text: `Réponse du ${date}` }).expect(201);
            await ag.post(`/api/projects/${p.id}/step`).send({ step: 'etudes', progress: day * 10 }).expect(200);
          }
          await a.post(`/api/projects/${projects[0].id}/questions`).send({ category: 'autre', text: 'Encore une question' }).expect(201);
          await waitForReadModels();
          await tick('06:20:00');
          await tick('12:00:00');
          await tick('20:00:00');
          await tick('22:30:00'); // 23:30 in Paris, same day
          await Promise.all([digests.tick(), digests.tick()]);
          const byRecipient = new Map<string, OutboxMail[]>();
          for (const mail of newMails().filter((m) => m.subject.startsWith('Vos projets'))) byRecipient.set(mail.to, [...(byRecipient.get(mail.to) ?? []), mail]);
          perDay.push(byRecipient);
        }
        for (const [i, byRecipient] of perDay.entries()) {
          for (const [to, mails] of byRecipient) expect({ day: i + 2, to, count: mails.length }).toEqual({ day: i + 2, to, count: 1 });
        }
        // From the second morning on, each of the two members got the day before in one e-mail.
        const adjointDays = perDay.filter((m) => m.has(ADJOINT_EMAIL)).length;
        const maireDays = perDay.filter((m) => m.has(MAIRE_EMAIL)).length;
        expect(adjointDays).toBeGreaterThanOrEqual(6);
        expect(maireDays).toBe(7);
        // Grouped by project: the 20 projects of the busy day, each with its link, in plain French.
        const last = perDay.at(-1)!.get(MAIRE_EMAIL)![0];
        expect(last.text.match(/Voir le projet : http/g)).toHaveLength(20);
        expect(last.text).toContain('Sophie Bernard a répondu à une question.');
        expect(last.subject).toBe('Vos projets : 20 projets ont bougé — récapitulatif du 8 décembre 2026');
        expect(last.text).not.toMatch(/note interne/);
      } finally {
        clock.set(null);
      }
    }, 180_000); // about 300 commands: seconds on SQLite, longer on FerretDB
  });
});
