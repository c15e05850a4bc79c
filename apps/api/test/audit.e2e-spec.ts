import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountStore } from '@carnet/account-store';
import { ACCOUNT_STORE } from '../src/infrastructure/tokens.js';
import type { AuditExport, AuditHistory, LogVerification, ProjectAsOf, ProjectComparison, ProjectSummary } from '@carnet/contracts';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, startApp, type Client } from './harness.js';

const DAY = 86_400_000;
/** An instant `days` after an ISO date-time. */
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

describe('Audit area', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let auditor: Client;
  let restaurant: ProjectSummary;
  let history: AuditHistory;

  beforeAll(async () => {
    t = await startApp();
    auditor = await t.login(AUDITEUR);
    const list = await auditor.get('/api/audit/projects?commune=95370&q=restaurant').expect(200);
    restaurant = (list.body as ProjectSummary[]).find((p) => p.title === 'Extension du restaurant scolaire')!;
    history = (await auditor.get(`/api/audit/projects/${restaurant.id}/history`).expect(200)).body;
  });

  afterAll(() => t.close());

  describe('when an auditor reads a project’s history from the log', () => {
    it('lists every event with who, role at the time, why and a readable diff', () => {
      expect(history.project).toMatchObject({ id: restaurant.id, communeName: 'Marines', title: 'Extension du restaurant scolaire' });
      expect(history.entries.map((e) => e.type)).toEqual([
        'ProjectCreated', 'StepAdvanced', 'StepAdvanced', 'StepReverted', 'QuestionAsked', 'QuestionAnswered',
      ]);
      expect(history.entries.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      const reverted = history.entries[3];
      expect(reverted.actor).toEqual({ id: 'persona-maire-95370', name: 'Nathalie Fournier', role: 'commune_mayor', roleForm: 'feminine' });
      expect(reverted.why).toBe('Une subvention attendue a été refusée : le plan de financement est à revoir avant de lancer les travaux.');
      expect(reverted.changes).toEqual(expect.arrayContaining([
        { field: 'step', label: 'Étape', before: 'Travaux', after: 'Financement' },
        { field: 'progress', label: 'Avancement', before: '50 %', after: '45 %' },
      ]));
      expect(history.entries[5].actor).toMatchObject({ name: 'Karim Haddad', role: 'departement_agent' });
      expect(history.entries[5].changes).toEqual(expect.arrayContaining([{ field: 'openQuestions', label: 'Questions en attente de réponse', before: '1', after: '0' }]));
    });

    it('filters by event type, person and period', async () => {
      const id = restaurant.id;
      const byType = (await auditor.get(`/api/audit/projects/${id}/history?type=StepAdvanced,StepReverted`).expect(200)).body as AuditHistory;
      expect(byType.entries.map((e) => e.revision)).toEqual([1, 2, 3]);
      expect(byType.totalEvents).toBe(6);
      const byActor = (await auditor.get(`/api/audit/projects/${id}/history?actor=persona-agent-finances`).expect(200)).body as AuditHistory;
      expect(byActor.entries.map((e) => e.type)).toEqual(['QuestionAnswered']);
      const from = plus(history.entries[2].at, -1);
      const to = plus(history.entries[3].at, 1);
      const byPeriod = (await auditor.get(`/api/audit/projects/${id}/history?from=${from}&to=${to}`).expect(200)).body as AuditHistory;
      expect(byPeriod.entries.map((e) => e.revision)).toEqual([2, 3]);
      const bad = await auditor.get(`/api/audit/projects/${id}/history?from=hier`).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.detail).toMatch(/n’est pas une date et heure ISO 8601/);
    });
  });

  describe('when an auditor travels back in time', () => {
    const asOf = async (at: string) => (await auditor.get(`/api/audit/projects/${restaurant.id}/as-of?at=${encodeURIComponent(at)}`).expect(200)).body as ProjectAsOf;

    it('sees the project as it was on three past dates: financement, then travaux, then back to financement', async () => {
      const [, toFinancement, toTravaux, backToFinancement] = history.entries;

      const first = await asOf(plus(toFinancement.at, 1));
      expect(first.project).toMatchObject({ step: 'financement', progress: 40, questions: [], publication: 'none', communeName: 'Marines', version: 2 });
      expect(first).toMatchObject({ eventsApplied: 2, lastPosition: toFinancement.position });

      const second = await asOf(plus(toTravaux.at, 1));
      expect(second.project).toMatchObject({ step: 'travaux', progress: 50, version: 3 });
      expect(second.eventsApplied).toBe(3);

      const third = await asOf(plus(backToFinancement.at, 2)); // after the question, before its answer
      expect(third.project).toMatchObject({ step: 'financement', progress: 45, openQuestions: 1 });
      expect(third.project.questions).toHaveLength(1);
      expect(third.project.questions[0]).toMatchObject({ askedBy: { name: 'Nathalie Fournier', role: 'commune_mayor' }, answers: [] });
      expect(third.eventsApplied).toBe(5);

      // Today, it matches the project page the app shows.
      const now = await asOf(new Date().toISOString());
      const page = (await auditor.get(`/api/projects/${restaurant.id}`).expect(200)).body;
      const { partners, ...detail } = now.project;
      expect(detail).toEqual(page);
      expect(partners).toEqual([]);
    });

    it('answers 404 problem before the project existed, and 400 without a valid date', async () => {
      const before = await auditor.get(`/api/audit/projects/${restaurant.id}/as-of?at=${plus(history.entries[0].at, -1)}`).expect(404);
      expect(before.body.title).toBe('Le projet n’existait pas encore à cette date');
      // Which date to choose, and no raw id (the browser tour found « Le projet 99b1e85d-… a été créé »).
      expect(before.body.detail).toMatch(/^Ce projet a été créé le .+, après le .+ : choisissez une date à partir de sa création\.$/);
      expect(before.body.detail).not.toContain(restaurant.id);
      await auditor.get(`/api/audit/projects/${restaurant.id}/as-of`).expect(400);
      await auditor.get('/api/audit/projects/00000000-0000-4000-8000-000000000000/as-of?at=2026-01-01T00:00:00Z').expect(404);
    });

    it('compares two dates field by field', async () => {
      const from = plus(history.entries[2].at, 1);
      const to = plus(history.entries[5].at, 1);
      const res = await auditor.get(`/api/audit/projects/${restaurant.id}/compare?from=${from}&to=${to}`).expect(200);
      const comparison = res.body as ProjectComparison;
      expect(comparison.from?.project.step).toBe('travaux');
      expect(comparison.to.project.step).toBe('financement');
      expect(comparison.differences).toEqual(expect.arrayContaining([
        { field: 'step', label: 'Étape', before: 'Travaux', after: 'Financement' },
        { field: 'questions', label: 'Questions posées', before: '0', after: '1' },
      ]));
      await auditor.get(`/api/audit/projects/${restaurant.id}/compare?from=${to}&to=${from}`).expect(400);
    });
  });

  describe('when an auditor reads a commune’s seats', () => {
    it('lists who took which seat, when', async () => {
      const res = await auditor.get('/api/audit/communes/95002/history').expect(200);
      expect(res.body.communeName).toBe('Ableiges');
      expect(res.body.entries).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'SeatAssigned', seat: 'mayor', person: { id: 'persona-maire-95002', name: 'Claire Martin' }, summary: 'Claire Martin prend la place de maire' }),
        expect.objectContaining({ type: 'SeatAssigned', seat: 'collaborator', person: { id: 'persona-adjoint-95002', name: 'Julien Petit' } }),
      ]));
      await auditor.get('/api/audit/communes/99999/history').expect(404);
    });
  });

  describe('verification and exports', () => {
    it('verifies the whole log and says so in French', async () => {
      const res = await auditor.get('/api/audit/verify').expect(200);
      const verdict = res.body as LogVerification;
      expect(verdict).toMatchObject({ ok: true, firstMismatch: null });
      expect(verdict.eventsChecked).toBeGreaterThan(30);
      expect(verdict.summary).toBe(`Journal intègre : ${verdict.eventsChecked} événements vérifiés.`);
    });

    it('exports as JSON the same history as the history endpoint, with the verdict, as an attachment', async () => {
      const res = await auditor.get(`/api/audit/projects/${restaurant.id}/export.json`).expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-projet-[0-9a-f-]+-\d{4}-\d{2}-\d{2}\.json"$/);
      const exported = res.body as AuditExport;
      expect(exported.history).toEqual(history.entries);
      expect(exported.project).toEqual(history.project);
      expect(exported.verification).toMatchObject({ ok: true });
      expect(Date.parse(exported.generatedAt)).not.toBeNaN();
    });

    it('gives a printable HTML report with every line of the history', async () => {
      const res = await auditor.get(`/api/audit/projects/${restaurant.id}/export.html`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const html = res.text;
      expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
      expect(html).toContain('@page { size: A4');
      expect(html).toContain('Rapport d’audit : Extension du restaurant scolaire');
      expect(html).toContain('Marines (95370)');
      expect(html).toContain('Journal intègre');
      expect(html.match(/<tr>/g)).toHaveLength(history.entries.length + 1);
      expect(html).toContain('Étape : Travaux → Financement');
      expect(html).toContain('Une subvention attendue a été refusée');
      for (const e of history.entries.filter((x) => x.hash)) expect(html).toContain(e.hash!);
    });
  });

  describe('access', () => {
    const auditPaths = () => [
      '/api/audit/projects',
      '/api/audit/communes/95002/history',
      `/api/audit/projects/${restaurant.id}/history`,
      `/api/audit/projects/${restaurant.id}/as-of?at=2030-01-01T00:00:00Z`,
      `/api/audit/projects/${restaurant.id}/compare?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`,
      '/api/audit/verify',
      '/api/audit/anchors/latest',
      `/api/audit/projects/${restaurant.id}/export.json`,
      `/api/audit/projects/${restaurant.id}/export.html`,
    ];

    it('refuses everyone but auditors and Département administrators (403 problem in French), and asks anonymous visitors to log in', async () => {
      const mayor = await t.login(MAIRE_ABLEIGES);
      const agent = await t.login(AGENT);
      const partner = await t.login('persona-caue');
      const admin = await t.login('persona-admin');
      for (const path of auditPaths()) {
        for (const client of [mayor, agent, partner]) {
          const res = await client.get(path);
          expect({ path, status: res.status }).toEqual({ path, status: 403 });
          expect(res.body.title).toBe('Accès réservé aux auditeurs');
        }
        expect((await request(t.http).get(path)).status).toBe(401);
        expect((await admin.get(path)).status).toBe(200);
        expect((await auditor.get(path)).status).toBe(200);
      }
    });

    it('still refuses commands to auditors', async () => {
      const res = await auditor.post(`/api/projects/${restaurant.id}/step`).set('If-Match', `"${restaurant.version}"`).send({ step: 'travaux', progress: 60 });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('when an administrator erases a person (GDPR)', () => {
    it('blanks the name everywhere; the log is untouched and still verifies', async () => {
      const admin = await t.login('persona-admin');
      const erasedId = 'persona-maire-95370';
      const name = 'Nathalie Fournier';
      // The administrator finds the mayor among the commune accounts, with the seat held.
      const communeAccounts = (await admin.get('/api/admin/accounts?kind=commune').expect(200)).body as Array<{ id: string; displayName: string; kind: string; commune: unknown }>;
      expect(communeAccounts.find((a) => a.id === erasedId)).toMatchObject({ displayName: name, kind: 'commune', commune: { codeInsee: '95370', seat: 'mayor', name: expect.any(String) } });
      await auditor.post(`/api/admin/accounts/${erasedId}/erase`).expect(403);
      await admin.post(`/api/admin/accounts/${erasedId}/erase`).expect(204);
      const remaining = (await admin.get('/api/admin/accounts?kind=commune').expect(200)).body as Array<{ id: string; displayName: string }>;
      expect(remaining.map((a) => a.id)).not.toContain(erasedId);
      expect(JSON.stringify(remaining)).not.toContain(name);
      await admin.post(`/api/admin/accounts/${erasedId}/erase`).expect(404);

      const after = (await auditor.get(`/api/audit/projects/${restaurant.id}/history`).expect(200)).body as AuditHistory;
      expect(after.entries.map(({ actor: _a, ...rest }) => rest)).toEqual(history.entries.map(({ actor: _a, ...rest }) => rest));
      expect(after.entries[0].actor).toEqual({ id: erasedId, name: 'Personne effacée', role: 'commune_mayor' });
      const pages = [
        await auditor.get(`/api/audit/projects/${restaurant.id}/history`),
        await auditor.get(`/api/projects/${restaurant.id}/history`),
        await auditor.get(`/api/projects/${restaurant.id}`),
        await auditor.get(`/api/audit/projects/${restaurant.id}/as-of?at=${new Date().toISOString()}`),
        await auditor.get('/api/communes/95370/members'),
        await auditor.get('/api/audit/communes/95370/history'),
        await auditor.get(`/api/audit/projects/${restaurant.id}/export.json`),
        await auditor.get(`/api/audit/projects/${restaurant.id}/export.html`),
      ];
      for (const page of pages) {
        expect(page.status).toBe(200);
        expect(page.text).not.toContain(name);
        expect(page.text).not.toMatch(/nathalie\.fournier/i);
      }
      expect(pages[1].text).toContain('Personne effacée');
      expect(pages[2].text).toContain('Personne effacée');

      // Sessions ended, password gone: the account cannot log in any more.
      const login = await request(t.http).post('/api/auth/login').send({ email: 'nathalie.fournier@demo.carnet.invalid', password: 'demo-carnet-2026' });
      expect(login.status).toBe(401);

      const verdict = (await auditor.get('/api/audit/verify').expect(200)).body as LogVerification;
      expect(verdict).toMatchObject({ ok: true, firstMismatch: null });
      // Her seat was released by the erasure.
      expect((await auditor.get('/api/communes/95370/members')).body.mayor).toBeNull();
    });

    it('blanks the invitations sent to that person', async () => {
      const admin = await t.login('persona-admin');
      const maire = await t.login('persona-maire-95446');
      await maire.post('/api/communes/95446/invitations').send({ email: 'camille.roy@exemple.fr', displayName: 'Camille Roy', seat: 'collaborator' }).expect(201);
      const store = t.app.get<AccountStore>(ACCOUNT_STORE);
      const invitation = (await store.listPendingInvitations({ communeInsee: '95446' }, new Date().toISOString())).find((i) => i.email === 'camille.roy@exemple.fr')!;
      const accepted = await request(t.http).post(`/api/invitations/${invitationTokenTo(t.dataDir, 'camille.roy@exemple.fr')}/accept`).send({ displayName: 'Camille Roy', password: 'une phrase de passe solide' });
      expect(accepted.status).toBe(201);
      await admin.post(`/api/admin/accounts/${accepted.body.id}/erase`).expect(204);
      const blanked = await store.getInvitation(invitation.id);
      expect(blanked).toMatchObject({ displayName: 'Personne effacée' });
      expect(JSON.stringify(blanked)).not.toMatch(/camille|roy@/i);
      const members = (await maire.get('/api/communes/95446/members')).body;
      expect(JSON.stringify(members)).not.toMatch(/Camille/);
    });
  });
});

/** The token of the last invitation e-mail written to the outbox for this address. */
function invitationTokenTo(dataDir: string, email: string): string {
  const dir = join(dataDir, 'outbox');
  for (const file of readdirSync(dir).sort().reverse()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (text.includes(`To: ${email}`)) return text.match(/https?:\/\/\S+/)![0].split('/').pop()!;
  }
  throw new Error(`no e-mail to ${email}`);
}

describe('Audit verification of a tampered log', () => {
  // Rewrites a stored event behind the application's back, as someone with access to the file could.
  const sqliteOnly = process.env.KURRENTDB_URL ? it.skip : it;

  sqliteOnly('names the altered event in French, in the verdict and in the exports', async () => {
    const t = await startApp();
    try {
      const auditor = await t.login(AUDITEUR);
      const list = (await auditor.get('/api/audit/projects?q=restaurant').expect(200)).body as ProjectSummary[];
      const id = list[0].id;
      const history = (await auditor.get(`/api/audit/projects/${id}/history`).expect(200)).body as AuditHistory;
      const reverted = history.entries.find((e) => e.type === 'StepReverted')!;

      const { default: Database } = await import('better-sqlite3');
      const db = new Database(join(t.dataDir, 'events.sqlite'));
      db.prepare('UPDATE events SET body = json_set(body, \'$.data.reason\', ?) WHERE position = ?').run('Tout allait bien.', reverted.position);
      db.close();

      const verdict = (await auditor.get('/api/audit/verify').expect(200)).body as LogVerification;
      expect(verdict.ok).toBe(false);
      expect(verdict.firstMismatch).toMatchObject({ position: reverted.position, streamId: `project-${id}`, revision: reverted.revision, type: 'StepReverted' });
      expect(verdict.summary).toBe(
        `Journal altéré : l’événement n° ${reverted.position} (« Retour à une étape précédente », flux project-${id}, révision ${reverted.revision}) : son contenu ne correspond plus à son empreinte.`,
      );
      const html = (await auditor.get(`/api/audit/projects/${id}/export.html`).expect(200)).text;
      expect(html).toContain('verdict--ko');
      expect(html).toContain(`Journal altéré : l’événement n° ${reverted.position}`);
    } finally {
      await t.close();
    }
  });
});
