import { FollowButton } from '../../notifications/follow-button/follow-button';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { CATEGORY_LABELS, PUBLICATION_LABELS, ROLE_LABELS, STEP_LABELS, THEME_LABELS } from '@carnet/contracts';
import { Euros, FrDate } from '../../core/format';
import { canAnswer, canCurateDocuments, canManage, canReadConversation, canReadNotes, isAdviser, isOfCommune } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { ProgressBar } from '../shared/progress-bar';
import { Stepper } from '../shared/stepper';
import { DetailsForm } from './details-form';
import { DocumentsPanel } from './documents-panel';
import { ProjectStore } from './project-store';
import { PublicationPanel } from './publication-panel';
import { QuestionForm } from './question-form';
import { QuestionItem } from './question-item';
import { Thread } from './thread';
import { StepForm } from './step-form';
import { FinancingPanel } from '../../financing/financing-panel';

/** `/projets/:id`: everything about one project, and what the current person may do with it. */
@Component({
  selector: 'app-project-page',
  imports: [FollowButton, RouterLink, Euros, FrDate, ProgressBar, Stepper, StepForm, QuestionForm, QuestionItem, Thread, DetailsForm, PublicationPanel, DocumentsPanel, FinancingPanel],
  providers: [ProjectStore],
  templateUrl: './project-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectPage {
  private readonly session = inject(SessionStore);
  private readonly title = inject(Title);
  protected readonly store = inject(ProjectStore);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** `?after=<position>` once a command was accepted: wait for the read model to include it. */
  readonly after = input<string | undefined>();

  protected readonly stepLabels = STEP_LABELS;
  protected readonly themeLabels = THEME_LABELS;
  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly publicationLabels = PUBLICATION_LABELS;

  protected readonly detail = this.store.detail;
  private readonly persona = this.session.me;
  protected readonly loggedIn = this.session.loggedIn;
  protected readonly canManage = computed(() => {
    const d = this.detail();
    return !!d && canManage(this.persona(), d.codeInsee);
  });
  protected readonly canAsk = computed(() => {
    const d = this.detail();
    return !!d && isOfCommune(this.persona(), d.codeInsee);
  });
  protected readonly canAnswer = computed(() => canAnswer(this.persona()));
  /** Documents: the commune and the Département add and curate; a partner who sees the project was involved in it, and adds. */
  protected readonly canAddDocuments = computed(() => this.canManage() || this.persona()?.role === 'partner_member');
  protected readonly canCurateDocuments = computed(() => canCurateDocuments(this.persona(), this.detail()?.codeInsee ?? ''));
  protected readonly canReadConversation = computed(() => canReadConversation(this.persona(), this.detail()?.codeInsee ?? ''));
  protected readonly canWriteConversation = computed(() => this.canAsk() || isAdviser(this.persona()));
  /** Internal notes: never rendered for a commune member (and the API refuses them anyway). */
  protected readonly canReadNotes = computed(() => canReadNotes(this.persona()));
  protected readonly canWriteNotes = computed(() => isAdviser(this.persona()));
  protected readonly notFound = computed(() => {
    const status = this.store.loadError()?.status;
    return status === 404 || status === 403 || status === 401;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const after = Number(this.after()) || null;
      untracked(() => void this.store.open(id, after));
    });
    effect(() => {
      const d = this.detail();
      if (d) this.title.setTitle(`${d.title} — Carnet de projets`);
      else if (this.notFound()) this.title.setTitle('Projet introuvable — Carnet de projets');
    });
  }

  protected retry(): void {
    void this.store.reload();
  }
}
