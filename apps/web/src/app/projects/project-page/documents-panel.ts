import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { tap } from 'rxjs';
import { DOCUMENT_MAX_MB_DEFAULT, DOCUMENT_TYPE_LABELS, ROLE_LABELS, type DocumentView } from '@carnet/contracts';
import { Api } from '../../core/api';
import { FrDate, RoleOf } from '../../core/format';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { OnDemand } from '../../shared/on-demand';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore, formMessage } from './project-store';

const MAX_BYTES = DOCUMENT_MAX_MB_DEFAULT * 1024 * 1024;
/** What the file picker proposes; the server reads the content and decides. */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp';

/** « 48 ko », « 1,2 Mo ». */
export function frenchSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** The checks made before sending a file (the server makes them again, and reads the content). */
export function validateFile(file: File | null): string | null {
  if (!file) return 'Choisissez un fichier.';
  if (file.size === 0) return 'Ce fichier est vide.';
  if (file.size > MAX_BYTES) return `Ce fichier dépasse la taille maximale de ${DOCUMENT_MAX_MB_DEFAULT} Mo.`;
  return null;
}

export function validateDocument(title: string, file: File | null): FieldErrors {
  const errors: FieldErrors = {};
  if (!title.trim()) errors['title'] = 'Donnez un titre au document.';
  else if (title.trim().length > 160) errors['title'] = 'Le titre dépasse 160 caractères.';
  const fileError = validateFile(file);
  if (fileError) errors['file'] = fileError;
  return errors;
}

/** Same limit as the API (REASON_MAX of libs/domain). */
export const REMOVAL_REASON_MAX = 1000;

/** The checks made on a removal's reason before sending it (the API makes them again). */
export function validateRemovalReason(reason: string): FieldErrors {
  const text = reason.trim();
  if (!text) return { reason: 'Indiquez pourquoi le document est retiré.' };
  if (text.length > REMOVAL_REASON_MAX) return { reason: `Le motif dépasse ${REMOVAL_REASON_MAX} caractères.` };
  return {};
}

const fileKey = (file: File) => ({ name: file.name, size: file.size, lastModified: file.lastModified });

/**
 * A new version of one document: a file picker and a button, opened on demand (« Déposer une nouvelle version »,
 * see OnDemand) so that the list stays short, on a phone especially.
 */
@Component({
  selector: 'app-document-version-form',
  imports: [FormFeedback],
  template: `
    <form #form class="form form--nested" novalidate (submit)="$event.preventDefault(); submit()" [attr.aria-label]="'Nouvelle version de « ' + document().title + ' »'">
      <div class="field">
        <label [for]="'version-file-' + document().id">Nouvelle version de « {{ document().title }} »</label>
        <input
          #file
          type="file"
          [id]="'version-file-' + document().id"
          name="file"
          [accept]="accept"
          (change)="picked.set(file.files?.item(0) ?? null)"
          [attr.aria-invalid]="state.errors()['file'] ? true : null"
          [attr.aria-describedby]="state.errors()['file'] ? 'version-file-error-' + document().id : null"
        />
        @if (state.errors()['file']; as message) {
          <p [id]="'version-file-error-' + document().id" class="field-error">{{ message }}</p>
        }
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--small" [disabled]="state.pending()">
          {{ state.pending() ? 'Envoi…' : 'Déposer la nouvelle version' }}
        </button>
        @if (onDemand) {
          <button type="button" class="button button--small button--link" (click)="onDemand.cancel()">Annuler</button>
        }
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentVersionForm {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('file');
  /** « Déposer une nouvelle version », which opened this form: it closes the form and says the outcome. */
  protected readonly onDemand = inject(OnDemand, { optional: true });

  readonly document = input.required<DocumentView>();
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly state = new CommandFormState();
  protected readonly picked = signal<File | null>(null);

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    const file = this.picked();
    if (!detail || this.state.pending()) return;
    const error = validateFile(file);
    if (!this.state.begin(error ? { file: error } : {})) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const form = new FormData();
    form.append('file', file!, file!.name);
    const ok = await this.store.run(
      this.state,
      { version: this.document().id, file: fileKey(file!) },
      (ctx) => this.api.addDocumentVersion(detail.id, this.document().id, form, ctx),
      'La nouvelle version a été déposée.',
    );
    if (!ok && this.state.error()) this.state.error.set(formMessage(this.state.error()!, this.state.errors()));
    if (ok) {
      this.picked.set(null);
      this.fileInput().nativeElement.value = '';
      // The form closes; the message, under « Déposer une nouvelle version », gets the focus.
      this.onDemand?.succeeded(this.state.success()!);
    } else {
      focusFirstError(this.form().nativeElement);
    }
  }
}

/** « Documents » of the project page: the list, the download links, and what the person may change. */
@Component({
  selector: 'app-documents-panel',
  imports: [FormsModule, FrDate, FormFeedback, DocumentVersionForm, OnDemand, RoleOf],
  template: `
    @if (canAdd()) {
      <app-on-demand #addDocument label="Ajouter un document" primary>
        <ng-template>
          <form #form class="form form--compact" novalidate (submit)="$event.preventDefault(); submit()" aria-labelledby="document-form-title">
            <h3 id="document-form-title">Ajouter un document</h3>
            <div class="field">
              <label for="document-title">Titre du document *</label>
              <input
                id="document-title"
                name="title"
                maxlength="160"
                [(ngModel)]="title"
                [attr.aria-invalid]="state.errors()['title'] ? true : null"
                [attr.aria-describedby]="state.errors()['title'] ? 'document-title-error' : null"
              />
              @if (state.errors()['title']; as message) {
                <p id="document-title-error" class="field-error">{{ message }}</p>
              }
            </div>
            <div class="field">
              <label for="document-file">Fichier *</label>
              <input
                #file
                id="document-file"
                type="file"
                name="file"
                [accept]="accept"
                (change)="picked.set(file.files?.item(0) ?? null)"
                [attr.aria-invalid]="state.errors()['file'] ? true : null"
                [attr.aria-describedby]="state.errors()['file'] ? 'document-file-hint document-file-error' : 'document-file-hint'"
              />
              <p id="document-file-hint" class="hint">PDF, image (PNG, JPEG, WebP) ou document bureautique (Word, Excel, PowerPoint, OpenDocument), {{ maxMb }} Mo au plus.</p>
              @if (state.errors()['file']; as message) {
                <p id="document-file-error" class="field-error">{{ message }}</p>
              }
            </div>
            @if (canCurate()) {
              <div class="field field--checkbox">
                <input id="document-public" type="checkbox" name="public" [(ngModel)]="isPublic" aria-describedby="document-public-hint" />
                <label for="document-public">Document public</label>
                <p id="document-public-hint" class="hint">Un document public pourra paraître sur le portail public une fois le projet publié.</p>
              </div>
            }
            <div class="form-actions">
              <button type="submit" class="button button--primary" [disabled]="state.pending()">
                {{ state.pending() ? 'Envoi…' : 'Ajouter le document' }}
              </button>
              <button type="button" class="button button--link" (click)="adder()?.cancel()">Annuler</button>
            </div>
            <app-form-feedback [state]="state" />
          </form>
        </ng-template>
      </app-on-demand>
    }
    @if (documents().length === 0) {
      <p>Aucun document pour l’instant.</p>
    } @else {
      <ul class="documents">
        @for (d of documents(); track d.id) {
          <li class="document" [id]="'document-' + d.id">
            <h3 class="document__title">{{ d.title }}</h3>
            <p class="document__facts">
              <span>{{ typeLabel(d) }}</span>
              <span aria-hidden="true"> · </span>
              <span>{{ size(d) }}</span>
              <span aria-hidden="true"> · </span>
              <span>Version {{ d.version }}</span>
              <span aria-hidden="true"> · </span>
              <span>Déposée le <time [attr.datetime]="current(d).addedAt">{{ current(d).addedAt | frDate }}</time></span>
              <span aria-hidden="true"> · </span>
              @if (d.public) {
                <span class="badge badge--ok">Public</span>
              } @else {
                <span class="badge">Non public</span>
              }
            </p>
            <p class="byline">Fichier « {{ current(d).fileName }} », déposé par {{ current(d).addedBy.name }} ({{ current(d).addedBy | roleOf }})</p>
            <p class="document__actions">
              <a class="button button--small" [href]="downloadUrl(d)" download>
                Télécharger<span class="visually-hidden"> « {{ d.title }} » (version {{ d.version }})</span>
              </a>
              @if (canCurate()) {
                <button type="button" class="button button--small" [disabled]="visibility.pending()" (click)="toggle(d)">
                  {{ d.public ? 'Ne plus rendre public' : 'Rendre public' }}<span class="visually-hidden"> « {{ d.title }} »</span>
                </button>
                <button
                  type="button"
                  class="button button--small"
                  [id]="'remove-open-' + d.id"
                  [attr.aria-expanded]="removing() === d.id"
                  [attr.aria-controls]="removing() === d.id ? 'remove-form-' + d.id : null"
                  (click)="toggleRemoval(d)"
                >
                  Retirer<span class="visually-hidden"> « {{ d.title }} »</span>
                </button>
              }
            </p>
            @if (canCurate() && removing() === d.id) {
              <form
                #removeForm
                [id]="'remove-form-' + d.id"
                class="form form--nested"
                novalidate
                (submit)="$event.preventDefault(); remove(d)"
                (keydown.escape)="cancelRemoval(d)"
                [attr.aria-label]="'Retirer « ' + d.title + ' » du projet'"
              >
                <p class="hint">«&nbsp;{{ d.title }}&nbsp;» ne sera plus proposé sur le projet, avec toutes ses versions. Le motif restera visible dans l’historique.</p>
                <div class="field">
                  <label [for]="'remove-reason-' + d.id">Motif du retrait *</label>
                  <textarea
                    [id]="'remove-reason-' + d.id"
                    name="reason"
                    rows="3"
                    [attr.maxlength]="reasonMax"
                    [(ngModel)]="reason"
                    [attr.aria-invalid]="removal.errors()['reason'] ? true : null"
                    [attr.aria-describedby]="removal.errors()['reason'] ? 'remove-hint-' + d.id + ' remove-error-' + d.id : 'remove-hint-' + d.id"
                  ></textarea>
                  <p [id]="'remove-hint-' + d.id" class="hint">Par exemple&nbsp;: «&nbsp;Mauvais fichier&nbsp;», «&nbsp;Doublon&nbsp;». {{ reasonMaxText }} caractères au plus.</p>
                  @if (removal.errors()['reason']; as message) {
                    <p [id]="'remove-error-' + d.id" class="field-error">{{ message }}</p>
                  }
                </div>
                <div class="form-actions">
                  <button type="submit" class="button button--small button--danger" [disabled]="removal.pending()">
                    {{ removal.pending() ? 'Retrait…' : 'Retirer le document' }}
                  </button>
                  <button type="button" class="button button--small button--link" (click)="cancelRemoval(d)">Annuler</button>
                </div>
              </form>
            }
            @if (d.versions.length > 1) {
              <details class="document__versions">
                <summary>Versions précédentes</summary>
                <ul>
                  @for (v of d.versions.slice(0, -1); track v.version) {
                    <li>
                      <a [href]="downloadUrl(d, v.version)" download>Version {{ v.version }} — {{ v.fileName }}</a>
                      ({{ sizeOf(v.size) }}, <time [attr.datetime]="v.addedAt">{{ v.addedAt | frDate }}</time>)
                    </li>
                  }
                </ul>
              </details>
            }
            @if (canAdd()) {
              <!-- On demand: one button per document, the form only for the document one updates. -->
              <app-on-demand label="Déposer une nouvelle version" [labelDetail]="'de « ' + d.title + ' »'" small>
                <ng-template><app-document-version-form [document]="d" /></ng-template>
              </app-on-demand>
            }
          </li>
        }
      </ul>
    }
    <app-form-feedback [state]="visibility" />
    <!-- Outside the list: once a document is removed, its item is gone but the outcome is still said here. -->
    <div #removalFeedback>
      <app-form-feedback [state]="removal" />
    </div>

  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsPanel {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');
  /** « Ajouter un document »: opens the form, closes it after success. */
  protected readonly adder = viewChild<OnDemand>('addDocument');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('file');
  private readonly removeForm = viewChild<ElementRef<HTMLFormElement>>('removeForm');
  private readonly removalFeedback = viewChild.required<ElementRef<HTMLElement>>('removalFeedback');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  /** Commune of the project, Département staff, involved partners. */
  readonly canAdd = input(false);
  /** Commune of the project and Département staff: visibility and removal. */
  readonly canCurate = input(false);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly maxMb = DOCUMENT_MAX_MB_DEFAULT;
  protected readonly documents = computed(() => this.store.detail()?.documents ?? []);
  protected readonly state = new CommandFormState();
  protected readonly visibility = new CommandFormState();
  protected readonly title = signal('');
  protected readonly isPublic = signal(false);
  protected readonly picked = signal<File | null>(null);
  protected readonly removal = new CommandFormState();
  protected readonly reasonMax = REMOVAL_REASON_MAX;
  protected readonly reasonMaxText = REMOVAL_REASON_MAX.toLocaleString('fr-FR');
  /** The document whose removal form is open (one at a time). */
  protected readonly removing = signal<string | null>(null);
  protected readonly reason = signal('');

  protected current(d: DocumentView) {
    return d.versions[d.versions.length - 1];
  }
  protected typeLabel(d: DocumentView): string {
    return DOCUMENT_TYPE_LABELS[this.current(d).mediaType] ?? 'Document';
  }
  protected size(d: DocumentView): string {
    return frenchSize(this.current(d).size);
  }
  protected sizeOf(bytes: number): string {
    return frenchSize(bytes);
  }
  protected downloadUrl(d: DocumentView, version?: number): string {
    return this.api.documentUrl(this.store.detail()!.id, d.id, version);
  }

  protected async toggle(d: DocumentView): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.visibility.pending()) return;
    this.visibility.begin({});
    const body = { public: !d.public };
    await this.store.run(
      this.visibility,
      { document: d.id, ...body },
      (ctx) => this.api.changeDocumentVisibility(detail.id, d.id, body, ctx),
      body.public ? `« ${d.title} » est maintenant public.` : `« ${d.title} » n’est plus public.`,
    );
  }

  /** « Retirer » opens the form below the document, focus on the reason; pressed again, it closes it. */
  protected toggleRemoval(d: DocumentView): void {
    if (this.removing() === d.id) {
      this.cancelRemoval(d);
      return;
    }
    this.removal.begin({});
    this.reason.set('');
    this.removing.set(d.id);
    this.focusAfterRender(() => this.document.getElementById(`remove-reason-${d.id}`));
  }

  /** « Annuler » or Escape: the form closes and focus goes back to the document's « Retirer » button. */
  protected cancelRemoval(d: DocumentView): void {
    if (this.removal.pending()) return;
    this.removing.set(null);
    this.reason.set('');
    this.removal.begin({});
    this.focusAfterRender(() => this.document.getElementById(`remove-open-${d.id}`));
  }

  protected async remove(d: DocumentView): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.removal.pending()) return;
    const reason = this.reason().trim();
    if (!this.removal.begin(validateRemovalReason(reason))) {
      this.focusRemovalError();
      return;
    }
    const body = { reason };
    const ok = await this.store.run(
      this.removal,
      { removed: d.id, ...body },
      (ctx) => this.api.removeDocument(detail.id, d.id, body, ctx),
      `Le document « ${d.title} » a été retiré du projet.`,
    );
    if (ok) {
      this.removing.set(null);
      this.reason.set('');
      // The document's item is gone: focus goes to the heading of the documents section, the status region says what happened.
      this.focusAfterRender(() => this.host.nativeElement.closest('section')?.querySelector<HTMLElement>('h2') ?? null);
    } else {
      // Removed meanwhile by someone else (the reload says so): no form left to come back to.
      if (!this.documents().some((x) => x.id === d.id)) this.removing.set(null);
      this.focusRemovalError();
    }
  }

  /** The reason field when it is the problem, otherwise the message (the form may be gone after a reload). */
  private focusRemovalError(): void {
    this.focusAfterRender(
      () =>
        this.removeForm()?.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        this.removalFeedback().nativeElement.querySelector<HTMLElement>('.alert--error'),
    );
  }

  private focusAfterRender(target: () => HTMLElement | null): void {
    afterNextRender(
      () => {
        const element = target();
        if (!element) return;
        if (!element.matches('input, select, textarea, button, a[href]')) element.setAttribute('tabindex', '-1');
        element.focus();
      },
      { injector: this.injector },
    );
  }

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    const file = this.picked();
    const formElement = this.form()?.nativeElement;
    if (!detail || !formElement || this.state.pending()) return;
    if (!this.state.begin(validateDocument(this.title(), file))) {
      focusFirstError(formElement);
      return;
    }
    const isPublic = this.canCurate() && this.isPublic();
    const form = new FormData();
    // Text fields before the file: the server reads the form in order.
    form.append('title', this.title().trim());
    form.append('public', String(isPublic));
    form.append('file', file!, file!.name);
    let added: string | null = null;
    const ok = await this.store.run(
      this.state,
      { title: this.title().trim(), public: isPublic, file: fileKey(file!) },
      (ctx) => this.api.addDocument(detail.id, form, ctx).pipe(tap((accepted) => (added = accepted.documentId))),
      `Le document « ${this.title().trim()} » a été ajouté.`,
    );
    if (!ok && this.state.error()) this.state.error.set(formMessage(this.state.error()!, this.state.errors()));
    if (ok) {
      // The form closes; focus goes to the new document in the list, the message announces it.
      this.adder()?.succeeded(this.state.success()!, () => (added ? this.document.getElementById(`document-${added}`) : null));
      this.title.set('');
      this.isPublic.set(false);
      this.picked.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    } else {
      focusFirstError(formElement);
    }
  }
}
