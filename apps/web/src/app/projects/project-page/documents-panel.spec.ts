import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DocumentView, ProjectDetail } from '@carnet/contracts';
import { CONFLICT_MESSAGE } from '../../core/problem';
import { DocumentsPanel, frenchSize, validateDocument, validateFile, validateRemovalReason } from './documents-panel';
import { ProjectStore } from './project-store';

const file = (size: number, name = 'devis.pdf') => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('documents panel checks', () => {
  describe('validateFile', () => {
    it('asks for a file when none is chosen', () => expect(validateFile(null)).toBe('Choisissez un fichier.'));
    it('refuses an empty file', () => expect(validateFile(file(0))).toBe('Ce fichier est vide.'));
    it('refuses a file over 20 Mo before sending it', () =>
      expect(validateFile(file(20 * 1024 * 1024 + 1))).toBe('Ce fichier dépasse la taille maximale de 20 Mo.'));
    it('accepts a file of exactly 20 Mo', () => expect(validateFile(file(20 * 1024 * 1024))).toBeNull());
  });

  describe('validateDocument', () => {
    it('needs a title and a file', () =>
      expect(validateDocument('  ', null)).toEqual({ title: 'Donnez un titre au document.', file: 'Choisissez un fichier.' }));
    it('has nothing to say about a titled, small file', () => expect(validateDocument('Devis', file(10))).toEqual({}));
  });

  describe('frenchSize', () => {
    it('says sizes the French way', () => {
      expect(frenchSize(512)).toBe('512 o');
      expect(frenchSize(48_213)).toBe('47 ko');
      expect(frenchSize(1.25 * 1024 * 1024)).toMatch(/^1,3 Mo$|^1,2 Mo$/);
    });
  });
});

describe('validateRemovalReason', () => {
  it('asks for a reason when there is none, or only spaces', () =>
    expect(validateRemovalReason('   ')).toEqual({ reason: 'Indiquez pourquoi le document est retiré.' }));
  it('refuses a reason over 1000 characters, as the API does', () =>
    expect(validateRemovalReason('x'.repeat(1001))).toEqual({ reason: 'Le motif dépasse 1000 caractères.' }));
  it('accepts a reason of exactly 1000 characters', () => expect(validateRemovalReason('x'.repeat(1000))).toEqual({}));
});

const pdf = (id: string, title: string): DocumentView => ({
  id,
  title,
  public: false,
  version: 1,
  versions: [
    {
      version: 1,
      fileName: `${title}.pdf`,
      mediaType: 'application/pdf',
      size: 48_213,
      sha256: 'a'.repeat(64),
      addedAt: '2026-02-01T09:00:00Z',
      addedBy: { id: 'persona-adjoint-95002', name: 'Julien Petit', role: 'commune_member' },
    },
  ],
});
const devis = pdf('d1', 'Devis du préau');
const plans = pdf('d2', 'Plans');

const project = (overrides: Partial<ProjectDetail> = {}): ProjectDetail => ({
  id: 'p1',
  codeInsee: '95002',
  communeName: 'Ableiges',
  title: "Préau de l'école",
  theme: 'ecole',
  step: 'etudes',
  progress: 20,
  estimatedCostHt: null,
  openQuestions: 0,
  publication: 'none',
  createdAt: '2026-01-10T10:00:00Z',
  updatedAt: '2026-02-10T10:00:00Z',
  version: 7,
  description: '',
  questions: [],
  publicationWork: null,
  documents: [devis, plans],
  ...overrides,
});

describe('DocumentsPanel', () => {
  let fixture: ComponentFixture<DocumentsPanel>;
  let backend: HttpTestingController;
  let store: ProjectStore;
  let el: HTMLElement;

  /** Lets promise chains finish, then lets Angular render. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const buttons = (name: RegExp) => Array.from(el.querySelectorAll('button')).filter((b) => name.test(b.textContent!.replace(/\s+/g, ' ').trim()));
  const button = (name: RegExp) => {
    const found = buttons(name);
    if (found.length !== 1) throw new Error(`${found.length} buttons named ${name}`);
    return found[0];
  };
  const click = async (name: RegExp) => {
    button(name).click();
    await settle();
  };
  const reasonField = () => el.querySelector<HTMLTextAreaElement>('#remove-reason-d1');
  const typeReason = async (text: string) => {
    reasonField()!.value = text;
    reasonField()!.dispatchEvent(new Event('input'));
    await settle();
  };
  /** Answers the reload that follows an accepted or refused command: the detail, then the history. */
  const reloadWith = async (detail: ProjectDetail, history: unknown[] = []) => {
    backend.expectOne((r) => r.url === '/api/projects/p1').flush(detail, { headers: { ETag: `"${detail.version}"` } });
    await settle();
    backend.expectOne('/api/projects/p1/history').flush(history);
    await settle();
  };

  const render = async (rights: { canAdd: boolean; canCurate: boolean }) => {
    TestBed.configureTestingModule({
      imports: [DocumentsPanel],
      providers: [provideHttpClient(), provideHttpClientTesting(), ProjectStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ProjectStore);
    store.id.set('p1');
    store.detail.set(project());
    store.version.set(7);
    fixture = TestBed.createComponent(DocumentsPanel);
    fixture.componentRef.setInput('canAdd', rights.canAdd);
    fixture.componentRef.setInput('canCurate', rights.canCurate);
    el = fixture.nativeElement;
    document.body.appendChild(el);
    await fixture.whenStable();
  };

  afterEach(() => {
    // Reset even when verify fails, so that one failure does not cascade into the next tests.
    try {
      backend.verify();
    } finally {
      el?.remove();
      TestBed.resetTestingModule();
    }
  });

  describe('when the person may curate the documents (commune of the project, Département)', () => {
    beforeEach(() => render({ canAdd: true, canCurate: true }));

    it('offers « Retirer » on each document, named after it for screen readers', () => {
      expect(button(/^Retirer « Devis du préau »$/).getAttribute('aria-expanded')).toBe('false');
      expect(buttons(/^Retirer « Plans »$/)).toHaveLength(1);
      expect(reasonField()).toBeNull();
    });

    it('opens the form under the document with the focus on the reason', async () => {
      await click(/^Retirer « Devis du préau »$/);

      expect(button(/^Retirer « Devis du préau »$/).getAttribute('aria-expanded')).toBe('true');
      expect(el.querySelector('label[for=remove-reason-d1]')!.textContent).toContain('Motif du retrait *');
      expect(reasonField()!.getAttribute('maxlength')).toBe('1000');
      expect(document.activeElement).toBe(reasonField());
      expect(buttons(/^Retirer le document$/)).toHaveLength(1);
      expect(buttons(/^Annuler$/)).toHaveLength(1);
    });

    it('asks for the reason next to the field and sends nothing without it', async () => {
      await click(/^Retirer « Devis du préau »$/);
      await typeReason('   ');
      await click(/^Retirer le document$/);

      const error = el.querySelector('#remove-error-d1')!;
      expect(error.textContent).toContain('Indiquez pourquoi le document est retiré.');
      expect(reasonField()!.getAttribute('aria-invalid')).toBe('true');
      expect(reasonField()!.getAttribute('aria-describedby')).toContain('remove-error-d1');
      expect(document.activeElement).toBe(reasonField());
      backend.expectNone(() => true);
    });

    it('sends the reason with the version seen, then the document leaves the list and the removal is announced', async () => {
      await click(/^Retirer « Devis du préau »$/);
      await typeReason('  Mauvais fichier, remplacé par le devis signé ');
      await click(/^Retirer le document$/);
      expect(button(/^Retrait…$/).disabled).toBe(true);

      const request = backend.expectOne('/api/projects/p1/documents/d1/removal');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ reason: 'Mauvais fichier, remplacé par le devis signé' });
      expect(request.request.headers.get('If-Match')).toBe('"7"');
      expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
      request.flush({ id: 'p1', version: 8, position: 120 });
      await settle();
      await reloadWith(project({ version: 8, documents: [plans] }));

      expect(el.querySelectorAll('.document')).toHaveLength(1);
      expect(el.textContent).not.toContain('Devis du préau.pdf');
      expect(reasonField()).toBeNull();
      expect(Array.from(el.querySelectorAll('[role=status]')).map((s) => s.textContent).join(' ')).toContain(
        'Le document « Devis du préau » a été retiré du projet.',
      );
    });

    it('« Annuler » closes the form without sending and gives the focus back to « Retirer »', async () => {
      await click(/^Retirer « Devis du préau »$/);
      await typeReason('Doublon');
      await click(/^Annuler$/);

      expect(reasonField()).toBeNull();
      expect(document.activeElement).toBe(button(/^Retirer « Devis du préau »$/));
      expect(button(/^Retirer « Devis du préau »$/).getAttribute('aria-expanded')).toBe('false');
      backend.expectNone(() => true);
    });

    describe('when someone else changed the project meanwhile', () => {
      it('says so, reloads the project and keeps the document', async () => {
        await click(/^Retirer « Devis du préau »$/);
        await typeReason('Doublon');
        await click(/^Retirer le document$/);

        backend.expectOne('/api/projects/p1/documents/d1/removal').flush(
          { type: 'urn:carnet-de-projets:probleme:concurrent_modification', title: 'Ce projet a été modifié entre-temps', status: 409 },
          { status: 409, statusText: 'Conflict' },
        );
        await settle();
        await reloadWith(project({ version: 8, documents: [devis, plans, pdf('d3', 'Photo du chantier')] }));

        expect(Array.from(el.querySelectorAll('[role=alert]')).map((a) => a.textContent).join(' ')).toContain(CONFLICT_MESSAGE);
        expect(store.version()).toBe(8);
        expect(el.querySelectorAll('.document')).toHaveLength(3);
        expect(reasonField()!.value).toBe('Doublon');
        expect(document.activeElement!.textContent).toContain(CONFLICT_MESSAGE);
      });
    });

    describe('when someone else removed the same document meanwhile', () => {
      it('says so after the reload, and the document and its form are gone', async () => {
        await click(/^Retirer « Devis du préau »$/);
        await typeReason('Doublon');
        await click(/^Retirer le document$/);

        backend.expectOne('/api/projects/p1/documents/d1/removal').flush(
          { type: 'urn:carnet-de-projets:probleme:concurrent_modification', title: 'Ce projet a été modifié entre-temps', status: 409 },
          { status: 409, statusText: 'Conflict' },
        );
        await settle();
        await reloadWith(project({ version: 8, documents: [plans] }));

        expect(el.querySelectorAll('.document')).toHaveLength(1);
        expect(reasonField()).toBeNull();
        expect(document.activeElement!.textContent).toContain(CONFLICT_MESSAGE);
      });
    });
  });

  describe('a new version of a document', () => {
    beforeEach(() => render({ canAdd: true, canCurate: false }));

    const versionFile = () => el.querySelector<HTMLInputElement>('#version-file-d1');
    const pick = async (chosen: File) => {
      // jsdom cannot fill a file input: the files are given as the browser would.
      Object.defineProperty(versionFile()!, 'files', { configurable: true, value: { length: 1, 0: chosen, item: () => chosen } });
      versionFile()!.dispatchEvent(new Event('change'));
      await settle();
    };

    it('shows one button per document, named after it, and no form until asked', () => {
      expect(versionFile()).toBeNull();
      expect(el.querySelectorAll('input[type=file]')).toHaveLength(0);
      expect(buttons(/^Déposer la nouvelle version$/)).toHaveLength(0);
      expect(button(/^Déposer une nouvelle version de « Devis du préau »$/).getAttribute('aria-expanded')).toBe('false');
      expect(buttons(/^Déposer une nouvelle version de « Plans »$/)).toHaveLength(1);
    });

    it('opens the form of that document only, with the focus on its file field', async () => {
      await click(/^Déposer une nouvelle version de « Devis du préau »$/);

      expect(button(/^Déposer une nouvelle version de « Devis du préau »$/).getAttribute('aria-expanded')).toBe('true');
      expect(document.activeElement).toBe(versionFile());
      expect(el.querySelector('label[for=version-file-d1]')!.textContent).toContain('Nouvelle version de « Devis du préau »');
      expect(el.querySelector('#version-file-d2')).toBeNull();
    });

    it('« Annuler » closes the form without sending and gives the focus back to the button', async () => {
      await click(/^Déposer une nouvelle version de « Devis du préau »$/);
      await click(/^Annuler$/);

      expect(versionFile()).toBeNull();
      expect(document.activeElement).toBe(button(/^Déposer une nouvelle version de « Devis du préau »$/));
      backend.expectNone(() => true);
    });

    it('sends the file, then closes the form and focuses the message, which is announced', async () => {
      await click(/^Déposer une nouvelle version de « Devis du préau »$/);
      await pick(file(10, 'devis-signé.pdf'));
      await click(/^Déposer la nouvelle version$/);

      const request = backend.expectOne('/api/projects/p1/documents/d1/versions');
      expect(request.request.method).toBe('POST');
      expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
      request.flush({ id: 'p1', version: 8, position: 121, documentId: 'd1' });
      await settle();
      await reloadWith(project({ version: 8 }));

      expect(versionFile()).toBeNull();
      expect(button(/^Déposer une nouvelle version de « Devis du préau »$/).getAttribute('aria-expanded')).toBe('false');
      const status = Array.from(el.querySelectorAll('[role=status]')).find((s) => s.textContent!.includes('La nouvelle version a été déposée.'));
      expect(status).toBeTruthy();
      expect(document.activeElement!.textContent).toContain('La nouvelle version a été déposée.');
    });

    it('says once, next to the file, why the server refused it (the alert sums up instead of repeating it)', async () => {
      await click(/^Déposer une nouvelle version de « Devis du préau »$/);
      await pick(file(10, 'notes.txt'));
      await click(/^Déposer la nouvelle version$/);
      const sentence = 'Ce type de fichier n’est pas accepté. Déposez un PDF, une photo (JPEG, PNG, WebP) ou un document Word, Excel, PowerPoint ou OpenDocument.';
      backend
        .expectOne('/api/projects/p1/documents/d1/versions')
        .flush({ type: 'about:blank', title: 'Ce type de fichier n’est pas accepté.', detail: 'Déposez un PDF, une photo (JPEG, PNG, WebP) ou un document Word, Excel, PowerPoint ou OpenDocument.', status: 415, errors: [{ field: 'file', message: sentence }] }, { status: 415, statusText: 'Unsupported Media Type' });
      await settle();

      expect(el.querySelector('#version-file-error-d1')!.textContent).toContain(sentence);
      const alerts = Array.from(el.querySelectorAll('.alert--error'), (a) => a.textContent!.trim());
      expect(alerts).toEqual(['Un champ est à corriger.']);
    });

    it('asks for a file next to the field when none is chosen', async () => {
      await click(/^Déposer une nouvelle version de « Devis du préau »$/);
      await click(/^Déposer la nouvelle version$/);

      expect(el.querySelector('#version-file-error-d1')!.textContent).toContain('Choisissez un fichier.');
      expect(versionFile()!.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(versionFile());
      backend.expectNone(() => true);
    });
  });

  describe('when the person may add documents but not remove them (involved partner)', () => {
    beforeEach(() => render({ canAdd: true, canCurate: false }));

    it('shows no « Retirer » button', () => {
      expect(el.querySelectorAll('.document')).toHaveLength(2);
      expect(buttons(/^Retirer/)).toHaveLength(0);
    });
  });

  describe('when the person only reads (auditor)', () => {
    beforeEach(() => render({ canAdd: false, canCurate: false }));

    it('shows no « Retirer » button', () => {
      expect(buttons(/^Retirer/)).toHaveLength(0);
      expect(buttons(/^Déposer une nouvelle version/)).toHaveLength(0);
      expect(el.textContent).toContain('Télécharger');
    });
  });
});
