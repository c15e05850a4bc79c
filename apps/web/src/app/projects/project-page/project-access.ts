import { Injectable, computed, inject } from '@angular/core';
import { canAnswer, canCurateDocuments, canManage, canReadConversation, canReadNotes, isAdviser, isOfCommune } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { ProjectStore } from './project-store';

/** What the person logged in may do on the project shown: one place for the page's summary and its sections. */
@Injectable()
export class ProjectAccess {
  private readonly session = inject(SessionStore);
  private readonly store = inject(ProjectStore);
  private readonly me = this.session.me;
  private readonly codeInsee = computed(() => this.store.detail()?.codeInsee ?? '');

  readonly loggedIn = this.session.loggedIn;
  readonly canManage = computed(() => !!this.store.detail() && canManage(this.me(), this.codeInsee()));
  readonly canAsk = computed(() => !!this.store.detail() && isOfCommune(this.me(), this.codeInsee()));
  readonly canAnswer = computed(() => canAnswer(this.me()));
  /** Documents: the commune and the Département add and curate; a partner who sees the project was involved in it, and adds. */
  readonly canAddDocuments = computed(() => this.canManage() || this.me()?.role === 'partner_member');
  readonly canCurateDocuments = computed(() => canCurateDocuments(this.me(), this.codeInsee()));
  readonly canReadConversation = computed(() => canReadConversation(this.me(), this.codeInsee()));
  readonly canWriteConversation = computed(() => this.canAsk() || isAdviser(this.me()));
  /** Internal notes: never rendered for a commune member (and the API refuses them anyway). */
  readonly canReadNotes = computed(() => canReadNotes(this.me()));
  readonly canWriteNotes = computed(() => isAdviser(this.me()));
}
