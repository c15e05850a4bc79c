import { Injectable, inject, signal } from '@angular/core';
import type { CommandAccepted, ContactView, HistoryEntry, ProjectDetail } from '@carnet/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { Api, type CommandContext } from '../../core/api';
import { Submission } from '../../core/idempotency';
import { CONFLICT_MESSAGE, toUserError, type UserError } from '../../core/problem';
import { fieldsToFix, type FieldErrors } from '../shared/form-helpers';

/**
 * A history in time order, the most recent first. Time decides (an event's `at`), the log position only breaks
 * ties: a history read in log order could otherwise go back in time.
 */
export function newestFirst(history: readonly HistoryEntry[]): HistoryEntry[] {
  return [...history].sort((a, b) => (a.at === b.at ? b.position - a.position : a.at < b.at ? 1 : -1));
}

/**
 * The message of a refused form whose fields are all on screen (the file of a document): when the
 * server's message already stands next to its field, the summary (« Un champ est à corriger. ») instead
 * of the same sentence twice; otherwise its own. Not for every form: the map's point, for one, has no
 * field of that name on screen, and its sentence must stay in the alert.
 */
export function formMessage(message: string, errors: FieldErrors): string {
  const texts = Object.values(errors);
  return texts.length > 0 && texts.some((text) => text.includes(message)) ? fieldsToFix(errors) : message;
}

/** What a command form shows: its pending state, its errors and its success message. */
export class CommandFormState {
  readonly pending = signal(false);
  readonly errors = signal<FieldErrors>({});
  readonly error = signal<string | null>(null);
  readonly success = signal<string | null>(null);
  readonly submission = new Submission();

  /** Clears previous messages and records the client-side errors; true when the form may be sent. */
  begin(errors: FieldErrors): boolean {
    this.success.set(null);
    this.error.set(null);
    this.errors.set(errors);
    if (Object.keys(errors).length) {
      this.error.set(fieldsToFix(errors));
      return false;
    }
    return true;
  }
}

/** One project page's data, and the way every command on it is sent. */
@Injectable()
export class ProjectStore {
  private readonly api = inject(Api);

  readonly id = signal<string | null>(null);
  readonly detail = signal<ProjectDetail | null>(null);
  /** Version of the detail shown: what commands send back in If-Match. */
  readonly version = signal(0);
  readonly history = signal<HistoryEntry[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<UserError | null>(null);
  readonly historyError = signal<string | null>(null);

  /** Contacts an answer may recommend (loaded once, by the first answer form). */
  readonly contacts = signal<ContactView[] | null>(null);
  /** Log position of the last accepted command: sections loaded apart (conversation, notes) wait for it. */
  readonly lastPosition = signal<number | null>(null);

  private request = 0;
  private contactsRequested = false;

  /** The directory's contacts covering this project's commune, for « Recommander un contact ». */
  loadContacts(): void {
    const d = this.detail();
    if (this.contactsRequested || !d) return;
    this.contactsRequested = true;
    this.api.contacts({ commune: d.codeInsee }).subscribe({ next: (list) => this.contacts.set(list), error: () => this.contacts.set([]) });
  }

  async open(id: string, minPosition?: number | null): Promise<void> {
    if (this.id() !== id) {
      this.detail.set(null);
      this.history.set([]);
    }
    this.id.set(id);
    await this.reload(minPosition);
  }

  /** Reads the detail, waiting for the read model to reach `minPosition` (read-your-writes), then the history. */
  async reload(minPosition?: number | null): Promise<void> {
    const id = this.id();
    if (!id) return;
    const request = ++this.request;
    this.loading.set(true);
    try {
      const loaded = await firstValueFrom(this.api.project(id, minPosition));
      if (request !== this.request) return;
      this.detail.set(loaded.detail);
      this.version.set(loaded.version);
      this.loadError.set(null);
    } catch (error) {
      if (request !== this.request) return;
      this.loadError.set(toUserError(error));
      this.loading.set(false);
      return;
    }
    try {
      const history = await firstValueFrom(this.api.history(id));
      if (request !== this.request) return;
      this.history.set(newestFirst(history));
      this.historyError.set(null);
    } catch (error) {
      if (request !== this.request) return;
      this.historyError.set(`L’historique n’a pas pu être chargé. ${toUserError(error).message}`);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }

  /**
   * Sends a command with the version the user saw and the submission's Idempotency-Key,
   * then shows the result: fresh data on success, the reason on refusal.
   */
  async run(
    form: CommandFormState,
    body: unknown,
    send: (ctx: CommandContext) => Observable<CommandAccepted>,
    successText: string,
  ): Promise<boolean> {
    const version = this.version();
    form.pending.set(true);
    try {
      const accepted = await firstValueFrom(send({ version, idempotencyKey: form.submission.keyFor({ version, body }) }));
      form.submission.settled();
      this.lastPosition.set(accepted.position);
      await this.reload(accepted.position);
      form.success.set(successText);
      return true;
    } catch (error) {
      const userError = toUserError(error);
      // Only a request that may not have reached the server is retried with the same key.
      if (userError.status !== 0) form.submission.settled();
      if (userError.status === 409 || userError.status === 412) {
        await this.reload();
        if (this.version() !== version) {
          form.errors.set({});
          form.error.set(CONFLICT_MESSAGE);
          return false;
        }
      }
      form.errors.set(userError.fieldErrors);
      form.error.set(userError.message);
      return false;
    } finally {
      form.pending.set(false);
    }
  }
}
