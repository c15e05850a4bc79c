import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import type { BlobStore } from '@carnet/blob-store';
import { demoPdf, demoPng } from '../src/demo/demo-files.js';
import { BLOB_STORE } from '../src/infrastructure/tokens.js';
import { docxBytes } from '../src/projects/documents/zip-fixture.js';
import { ADJOINT_ABLEIGES, AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

const PDF = demoPdf(['Devis de couverture', 'Entreprise Martin - 48 200 EUR HT']);
const PDF_V2 = demoPdf(['Devis de couverture (révisé)', 'Entreprise Martin - 46 900 EUR HT']);
const PNG = demoPng(8, 8, (x, y) => [x * 30, y * 30, 120]);
const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(2048, 0x41)]);
const ELF = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0x42)]);
const TYPE_REFUSED = 'Ce type de fichier n’est pas accepté.';

describe('Documents of a project', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let adjoint: Client;
  let maire: Client;
  let maireB: Client;
  let agent: Client;
  let auditeur: Client;
  let projectId: string;
  let blobs: BlobStore;

  /** Every stored thing of the blob store: files and temporary files of the folder, or GridFS files and chunks. */
  async function stored(): Promise<string[]> {
    if (blobs.engine === 'folder') {
      const root = join(t.dataDir, 'documents');
      return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(root, join(d.parentPath, d.name)))
        .sort();
    }
    const db = (blobs as unknown as { db: import('mongodb').Db }).db;
    const files = await db.collection('documents.files').find().toArray();
    const chunks = await db.collection('documents.chunks').find({}, { projection: { files_id: 1, n: 1 } }).toArray();
    return [...files.map((f) => `file:${f._id}`), ...chunks.map((c) => `chunk:${c.files_id}:${c.n}`)].sort();
  }

  const upload = (c: Client, path: string, bytes: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    let req = c.post(path);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', bytes, { filename: fileName, contentType: 'application/pdf' });
  };
  const project = async (c: Client | null, position?: number) => {
    const path = `/api/projects/${projectId}${position ? `?minPosition=${position}` : ''}`;
    return c ? c.get(path) : request(t.http).get(path);
  };
  const binary = (req: request.Test) =>
    req.buffer(true).parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(null, Buffer.concat(parts)));
    });

  beforeAll(async () => {
    t = await startApp();
    blobs = t.app.get(BLOB_STORE);
    adjoint = await t.login(ADJOINT_ABLEIGES);
    maire = await t.login(MAIRE_ABLEIGES);
    maireB = await t.login(MAIRE_NESLES);
    agent = await t.login(AGENT);
    auditeur = await t.login(AUDITEUR);
    projectId = (await adjoint.post('/api/projects').send(newProject({ title: 'Projet aux documents' })).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  let documentId: string;
  let uploadedAt: number;

  describe('when a collaborator uploads a PDF', () => {
    it('records it and lists it in the project', async () => {
      const before = await stored();
      const res = await upload(adjoint, `/api/projects/${projectId}/documents`, PDF, 'Devis couverture – été 2026.pdf', { title: 'Devis de couverture', public: 'false' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: projectId, documentId: expect.any(String), documentVersion: 1, version: 2 });
      expect(res.headers.etag).toBe('"2"');
      documentId = res.body.documentId;
      uploadedAt = res.body.position;
      expect((await stored()).length).toBeGreaterThan(before.length);

      const detail = (await project(adjoint, uploadedAt)).body;
      expect(detail.documents).toEqual([
        {
          id: documentId,
          title: 'Devis de couverture',
          public: false,
          version: 1,
          versions: [
            expect.objectContaining({ version: 1, fileName: 'Devis couverture – été 2026.pdf', mediaType: 'application/pdf', size: PDF.length, addedBy: expect.objectContaining({ role: 'commune_member' }) }),
          ],
        },
      ]);
    });

    it('lets whoever sees the project download it, with safe headers', async () => {
      const res = await binary(adjoint.get(`/api/projects/${projectId}/documents/${documentId}`)).expect(200);
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Devis couverture _ ete 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Devis couverture – été 2026.pdf')}`,
      );
      await binary(agent.get(`/api/projects/${projectId}/documents/${documentId}`)).expect(200);
      await binary(auditeur.get(`/api/projects/${projectId}/documents/${documentId}/versions/1`)).expect(200);
    });

    it('answers 404 to another commune’s member and to an anonymous visitor', async () => {
      const other = await maireB.get(`/api/projects/${projectId}/documents/${documentId}`);
      expect(other.status).toBe(404);
      expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await request(t.http).get(`/api/projects/${projectId}/documents/${documentId}`)).status).toBe(404);
    });

    it('tells it in the history, in French', async () => {
      const history = (await adjoint.get(`/api/projects/${projectId}/history`)).body as Array<{ type: string; summary: string }>;
      expect(history.find((h) => h.type === 'DocumentAdded')?.summary).toMatch(/^Document ajouté : « Devis de couverture » \(Devis couverture – été 2026\.pdf, PDF, \d+ (o|ko)\)$/);
    });
  });

  describe('when the content does not match an accepted type', () => {
    for (const [name, bytes] of [['a Windows executable (MZ) renamed .pdf', MZ], ['a Linux executable (ELF) renamed .pdf', ELF]] as const) {
      it(`refuses ${name} and leaves nothing behind`, async () => {
        const before = await stored();
        const version = (await project(adjoint)).body.version;
        const res = await upload(adjoint, `/api/projects/${projectId}/documents`, bytes, 'devis.pdf', { title: 'Devis' });
        expect(res.status).toBe(415);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.title).toBe(TYPE_REFUSED);
        // What to do about it, on the form's file field.
        expect(res.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('enregistrez-le d’abord en PDF') }]);
        expect(await stored()).toEqual(before);
        expect((await project(adjoint)).body.version).toBe(version);
      });
    }

    it('records the type read from the content, not the name', async () => {
      const res = await upload(adjoint, `/api/projects/${projectId}/documents`, PNG, 'plan.pdf', { title: 'Plan de la toiture' }).expect(201);
      const detail = (await project(adjoint, res.body.position)).body;
      expect(detail.documents.find((d: { id: string }) => d.id === res.body.documentId).versions[0].mediaType).toBe('image/png');
    });

    it('accepts a Word document recognised by its [Content_Types].xml', async () => {
      const res = await upload(adjoint, `/api/projects/${projectId}/documents`, docxBytes(), 'compte-rendu.docx', { title: 'Compte rendu de chantier' }).expect(201);
      const detail = (await project(adjoint, res.body.position)).body;
      expect(detail.documents.find((d: { id: string }) => d.id === res.body.documentId).versions[0].mediaType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    });
  });

  describe('when the file is too large', () => {
    it('refuses 50 MB with a French problem and leaves no blob, no event, no temporary file', async () => {
      const before = await stored();
      const version = (await project(adjoint)).body.version;
      const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
      big.write('%PDF-1.7\n', 0, 'latin1');
      const res = await upload(adjoint, `/api/projects/${projectId}/documents`, big, 'plans-complets.pdf', { title: 'Plans complets' });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.title).toBe('Ce fichier dépasse la taille maximale de 20 Mo.');
      expect(await stored()).toEqual(before);
      if (blobs.engine === 'folder') expect(readdirSync(join(t.dataDir, 'documents', '.tmp'))).toEqual([]);
      expect((await project(adjoint)).body.version).toBe(version);
    });
  });

  describe('when a new version is uploaded', () => {
    it('becomes the current version; the first stays downloadable', async () => {
      const res = await upload(maire, `/api/projects/${projectId}/documents/${documentId}/versions`, PDF_V2, 'devis-revise.pdf').expect(201);
      expect(res.body).toMatchObject({ documentId, documentVersion: 2 });
      const detail = (await project(adjoint, res.body.position)).body;
      const doc = detail.documents.find((d: { id: string }) => d.id === documentId);
      expect(doc).toMatchObject({ version: 2, versions: [{ version: 1 }, { version: 2, fileName: 'devis-revise.pdf' }] });
      const current = await binary(adjoint.get(`/api/projects/${projectId}/documents/${documentId}`)).expect(200);
      expect(Buffer.compare(current.body as Buffer, PDF_V2)).toBe(0);
      const first = await binary(adjoint.get(`/api/projects/${projectId}/documents/${documentId}/versions/1`)).expect(200);
      expect(Buffer.compare(first.body as Buffer, PDF)).toBe(0);
      expect((await adjoint.get(`/api/projects/${projectId}/documents/${documentId}/versions/3`)).status).toBe(404);
    });

    it('answers 404 for a document that does not exist, before storing anything', async () => {
      const before = await stored();
      const res = await upload(adjoint, `/api/projects/${projectId}/documents/0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20/versions`, PDF, 'x.pdf');
      expect(res.status).toBe(404);
      expect(await stored()).toEqual(before);
    });
  });

  describe('when the project changed in between (If-Match)', () => {
    it('answers 409 and stores nothing', async () => {
      const before = await stored();
      const res = await upload(adjoint, `/api/projects/${projectId}`.concat('/documents'), PDF, 'devis.pdf', { title: 'Devis' }).set('If-Match', '"1"');
      expect(res.status).toBe(409);
      expect(await stored()).toEqual(before);
    });
  });

  describe('when the same upload is retried with its Idempotency-Key', () => {
    it('answers the same document and keeps one copy of the bytes', async () => {
      const first = await upload(adjoint, `/api/projects/${projectId}/documents`, PDF, 'retry.pdf', { title: 'Envoyé deux fois' }).set('Idempotency-Key', 'upload-retry-0001').expect(201);
      const afterFirst = await stored();
      const second = await upload(adjoint, `/api/projects/${projectId}/documents`, PDF, 'retry.pdf', { title: 'Envoyé deux fois' }).set('Idempotency-Key', 'upload-retry-0001').expect(201);
      expect(second.body.documentId).toBe(first.body.documentId);
      expect(second.body.position).toBe(first.body.position);
      expect(await stored()).toEqual(afterFirst);
    });
  });

  describe('when the visibility changes', () => {
    it('lets the commune make a document public, not an unrelated partner or an auditor', async () => {
      const ok = await maire.patch(`/api/projects/${projectId}/documents/${documentId}`).send({ public: true });
      expect(ok.status).toBe(200);
      const detail = (await project(adjoint, ok.body.position)).body;
      expect(detail.documents.find((d: { id: string }) => d.id === documentId).public).toBe(true);
      expect((await auditeur.patch(`/api/projects/${projectId}/documents/${documentId}`).send({ public: false })).status).toBe(403);
      expect((await maireB.patch(`/api/projects/${projectId}/documents/${documentId}`).send({ public: false })).status).toBe(404);
      expect((await maire.patch(`/api/projects/${projectId}/documents/${documentId}`).set('If-Match', '"1"').send({ public: false })).status).toBe(409);
    });
  });

  describe('when the stored bytes were altered', () => {
    it('answers an error instead of the corrupted bytes', async () => {
      const res = await upload(adjoint, `/api/projects/${projectId}/documents`, PDF, 'a-corrompre.pdf', { title: 'À corrompre' }).expect(201);
      const detail = (await project(adjoint, res.body.position)).body;
      expect(detail.documents.some((d: { id: string }) => d.id === res.body.documentId)).toBe(true);
      const key = await blobKeyOf(res.body.documentId);
      if (blobs.engine === 'folder') {
        const path = join(t.dataDir, 'documents', key.slice(0, 2), key);
        expect(existsSync(path)).toBe(true);
        const bytes = readFileSync(path);
        bytes[100] ^= 0xff;
        writeFileSync(path, bytes);
      } else {
        const db = (blobs as unknown as { db: import('mongodb').Db }).db;
        const chunk = await db.collection('documents.chunks').findOne({ files_id: key as never, n: 0 });
        const data = Buffer.from(chunk!.data.buffer);
        data[100] ^= 0xff;
        await db.collection('documents.chunks').updateOne({ _id: chunk!._id }, { $set: { data } });
      }
      const download = await adjoint.get(`/api/projects/${projectId}/documents/${res.body.documentId}`);
      expect(download.status).toBe(500);
      expect(download.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(download.body.title).toBe('Ce document est endommagé : il ne peut pas être téléchargé.');
    });
  });

  describe('when a document is removed', () => {
    it('needs a reason, takes it off the project and names it in the history with that reason', async () => {
      const added = await upload(maire, `/api/projects/${projectId}/documents`, PDF, 'brouillon.pdf', { title: 'Plan provisoire' }).expect(201);
      const id = added.body.documentId as string;
      const blank = await maire.post(`/api/projects/${projectId}/documents/${id}/removal`).send({ reason: '   ' });
      expect(blank.status).toBe(422);
      expect(blank.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(blank.body.title).toBe('Indiquez pourquoi le document est retiré.');
      expect((await auditeur.post(`/api/projects/${projectId}/documents/${id}/removal`).send({ reason: 'Erreur' })).status).toBe(403);
      expect((await maireB.post(`/api/projects/${projectId}/documents/${id}/removal`).send({ reason: 'Erreur' })).status).toBe(404);
      const removed = await maire.post(`/api/projects/${projectId}/documents/${id}/removal`).send({ reason: 'Mauvaise version' }).expect(200);
      const detail = (await project(maire, removed.body.position)).body;
      expect(detail.documents.map((d: { title: string }) => d.title)).not.toContain('Plan provisoire');
      expect(detail.documents.map((d: { title: string }) => d.title)).toContain('Devis de couverture');
      const history = (await maire.get(`/api/projects/${projectId}/history`)).body as Array<{ type: string; summary: string }>;
      expect(history.filter((h) => h.type === 'DocumentRemoved').map((h) => h.summary)).toEqual(['Document « Plan provisoire » retiré du projet — motif : Mauvaise version']);
      expect((await maire.post(`/api/projects/${projectId}/documents/${id}/removal`).send({ reason: 'Encore' })).status).toBe(404);
    });
  });

  describe('when the project is published', () => {
    it('lets the public content list only public documents, and keeps the live project and its documents private', async () => {
      const id = (await maire.post('/api/projects').send(newProject({ title: 'Projet publié avec documents' })).expect(201)).body.id;
      const pub = (await upload(maire, `/api/projects/${id}/documents`, PNG, 'photo.png', { title: 'Photo du chantier', public: 'true' }).expect(201)).body.documentId;
      const priv = (await upload(maire, `/api/projects/${id}/documents`, PDF, 'devis.pdf', { title: 'Devis interne' }).expect(201)).body.documentId;
      await maire.post(`/api/projects/${id}/step`).send({ step: 'termine', progress: 100 }).expect(200);
      const refused = await maire.post(`/api/projects/${id}/publication-request`).send({ title: 'Bilan', summary: 'Bilan', documentIds: [pub, priv] });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ title: 'Un des documents choisis n’est pas public : rendez-le public avant de le publier.', errors: [{ field: 'documentIds' }] });
      const requested = await maire.post(`/api/projects/${id}/publication-request`).send({ title: 'Bilan', summary: 'Bilan', documentIds: [pub] }).expect(200);
      const { latest } = (await maire.get(`/api/projects/${id}?minPosition=${requested.body.position}`).expect(200)).body.publicationWork;
      expect(latest.content.documents).toEqual([{ documentId: pub, version: 1 }]);
      const published = await maire.post(`/api/projects/${id}/publication`).send({ version: latest.version, fingerprint: latest.fingerprint }).expect(200);
      // The live project stays inside: outsiders read the approved version on the public portal.
      expect((await request(t.http).get(`/api/projects/${id}?minPosition=${published.body.position}`)).status).toBe(404);
      expect((await request(t.http).get(`/api/projects/${id}/documents/${pub}`)).status).toBe(404);
      expect((await request(t.http).get(`/api/projects/${id}/documents/${priv}`)).status).toBe(404);
      expect((await maire.get(`/api/projects/${id}`)).body.documents).toHaveLength(2);
    });
  });

  async function blobKeyOf(docId: string): Promise<string> {
    const { EVENT_STORE } = await import('../src/infrastructure/tokens.js');
    const events = await t.app.get<symbol, import('@carnet/event-store').EventStore>(EVENT_STORE).readStream(`project-${projectId}`);
    return (events.find((e) => e.type === 'DocumentAdded' && (e.data as { documentId: string }).documentId === docId)!.data as { blobKey: string }).blobKey;
  }
});
