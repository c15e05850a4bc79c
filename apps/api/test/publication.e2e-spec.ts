import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@carnet/event-store';
import type { PublicationWork } from '@carnet/contracts';
import { ADJOINT_ABLEIGES, AGENT, AUDITEUR, MAIRE_ABLEIGES, newProject, startApp, type Client } from './harness.js';

/**
 * The publication workflow (issue #5): the commune requests, the Département (or the commune)
 * revises, the mayor approves ONE exact version by its fingerprint, and may withdraw it.
 */
describe('Publication on the mayor’s approval', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let maire: Client;
  let adjoint: Client;
  let agent: Client;
  let admin: Client;
  let auditeur: Client;

  beforeAll(async () => {
    t = await startApp();
    [maire, adjoint, agent, admin, auditeur] = await Promise.all([MAIRE_ABLEIGES, ADJOINT_ABLEIGES, AGENT, 'persona-admin', AUDITEUR].map((p) => t.login(p)));
  });
  afterAll(async () => {
    await t.close();
  });

  const content = {
    title: 'Une toiture d’école refaite pendant l’été',
    summary: 'Couverture en tuiles refaite et isolée en neuf semaines, sans fermer l’école.',
    finalCostHt: 182_000,
    funding: [
      { source: 'DETR', amountHt: 54_600 },
      { source: 'Département du Val-d’Oise', amountHt: 36_400 },
    ],
    lessonsLearned: 'Commander le diagnostic amiante dès l’avant-projet.',
  };

  let lastPosition = 0;
  async function finishedProject(): Promise<string> {
    const id = (await adjoint.post('/api/projects').send(newProject({ title: 'Toiture de l’école' })).expect(201)).body.id as string;
    lastPosition = (await maire.post(`/api/projects/${id}/step`).send({ step: 'termine', progress: 100 }).expect(200)).body.position;
    return id;
  }

  async function work(id: string, position: number): Promise<PublicationWork & { status: string }> {
    const body = (await maire.get(`/api/projects/${id}?minPosition=${position}`).expect(200)).body;
    return { ...body.publicationWork, status: body.publication };
  }

  /** The fingerprint anyone can recompute: sha256_hex(canonicalJson({ projectId, version, content })). */
  const fingerprintOf = (projectId: string, version: number, c: unknown) =>
    createHash('sha256').update(canonicalJson({ projectId, version, content: c }), 'utf8').digest('hex');

  it('records the request as version 1, with a fingerprint anyone can recompute', async () => {
    const id = await finishedProject();
    const requested = await adjoint.post(`/api/projects/${id}/publication-request`).send(content).expect(200);
    const w = await work(id, requested.body.position);
    expect(w.status).toBe('requested');
    expect(w.latest).toMatchObject({ version: 1, reason: null, content: { ...content, documents: [] } });
    expect(w.latest.fingerprint).toBe(fingerprintOf(id, 1, { ...content, documents: [], location: null }));
    expect(w).toMatchObject({ approved: null, awaitingApproval: true, withdrawn: null });
  });

  it('publishes only the exact version the mayor read: a revised version needs a new approval', async () => {
    const id = await finishedProject();
    const requested = await adjoint.post(`/api/projects/${id}/publication-request`).send(content).expect(200);
    const v1 = (await work(id, requested.body.position)).latest;

    // The Département corrects an amount: version 2, with its reason.
    const corrected = { ...content, funding: [{ source: 'DETR', amountHt: 54_000 }, content.funding[1]] };
    const revised = await agent.post(`/api/projects/${id}/publication-revision`).send({ ...corrected, reason: 'Montant de la DETR corrigé d’après l’arrêté' }).expect(200);
    const v2 = (await work(id, revised.body.position)).latest;
    expect(v2).toMatchObject({ version: 2, reason: 'Montant de la DETR corrigé d’après l’arrêté', writtenBy: { role: 'departement_agent' } });

    // The mayor approving what they read before the revision is refused, in French, and nothing is published.
    const stale = await maire.post(`/api/projects/${id}/publication`).send({ version: v1.version, fingerprint: v1.fingerprint });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body.title).toBe('La version 1 n’est plus la dernière : la version 2 a été écrite depuis. Relisez-la avant de l’approuver.');
    const forged = await maire.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v1.fingerprint });
    expect(forged.status).toBe(409);
    expect(forged.body.errors).toEqual([{ field: 'fingerprint', message: expect.stringContaining('L’empreinte ne correspond pas') }]);
    expect((await work(id, revised.body.position)).status).toBe('requested');

    // Only the mayor approves.
    expect((await adjoint.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint })).status).toBe(403);
    expect((await agent.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint })).status).toBe(403);
    expect((await auditeur.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint })).status).toBe(403);
    const approved = await maire.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint }).expect(200);
    const published = await work(id, approved.body.position);
    expect(published).toMatchObject({ status: 'published', approved: { version: 2, fingerprint: v2.fingerprint }, awaitingApproval: false });

    // An edit after approval is a new version awaiting the mayor; the approved one stays what the public reads.
    const edited = await adjoint.post(`/api/projects/${id}/publication-revision`).send({ ...corrected, lessonsLearned: 'Et prévoir la météo.', reason: 'Retour d’expérience complété' }).expect(200);
    const after = await work(id, edited.body.position);
    expect(after).toMatchObject({ status: 'published', latest: { version: 3 }, approved: { version: 2 }, awaitingApproval: true });
  });

  it('lets the mayor withdraw it, with a reason; a Département agent may not, an administrator may', async () => {
    const id = await finishedProject();
    const requested = await adjoint.post(`/api/projects/${id}/publication-request`).send(content).expect(200);
    const { latest } = await work(id, requested.body.position);
    await maire.post(`/api/projects/${id}/publication`).send({ version: latest.version, fingerprint: latest.fingerprint }).expect(200);
    expect((await agent.post(`/api/projects/${id}/publication-withdrawal`).send({ reason: 'Erreur' })).status).toBe(403);
    const noReason = await maire.post(`/api/projects/${id}/publication-withdrawal`).send({ reason: ' ' });
    expect(noReason.status).toBe(400);
    const withdrawn = await maire.post(`/api/projects/${id}/publication-withdrawal`).send({ reason: 'Le conseil municipal le demande' }).expect(200);
    const w = await work(id, withdrawn.body.position);
    expect(w).toMatchObject({ status: 'withdrawn', approved: null, withdrawn: { reason: 'Le conseil municipal le demande', by: { role: 'commune_mayor' } }, awaitingApproval: false });
    // It can be requested again: a new version to approve.
    const again = await adjoint.post(`/api/projects/${id}/publication-request`).send(content).expect(200);
    expect((await work(id, again.body.position)).latest.version).toBe(2);
    const { latest: v2 } = await work(id, again.body.position);
    await maire.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint }).expect(200);
    expect((await admin.post(`/api/projects/${id}/publication-withdrawal`).send({ reason: 'Données personnelles à retirer' })).status).toBe(200);
  });

  it('refuses bad input with French messages naming the field, and loses nothing', async () => {
    const id = await finishedProject();
    const bad = await adjoint.post(`/api/projects/${id}/publication-request`).send({ ...content, funding: [{ source: 'DETR', amountHt: -5 }] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(bad.body.errors)).toContain('Le montant obtenu ne peut pas être négatif.');
    const missing = await adjoint.post(`/api/projects/${id}/publication-request`).send({ title: 'Bilan' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'summary', message: 'Le résumé public est obligatoire.' })]));
    const unfinished = (await adjoint.post('/api/projects').send(newProject()).expect(201)).body.id;
    const early = await adjoint.post(`/api/projects/${unfinished}/publication-request`).send(content);
    expect(early.status).toBe(409);
    expect(early.body.title).toBe('Seul un projet terminé peut être publié.');
    expect((await maire.get(`/api/projects/${id}?minPosition=${lastPosition}`).expect(200)).body.publicationWork).toBeNull();
  });
});
