import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { STEP_LABELS, type HistoryEntry, type ProjectDetail } from '@carnet/contracts';
import { FrDate } from '../../core/format';
import { OnDemand } from '../../shared/on-demand';
import { ProgressBar } from '../shared/progress-bar';
import { Stepper } from '../shared/stepper';
import { ProjectAccess } from './project-access';
import { ProjectStore } from './project-store';
import { StepForm } from './step-form';
import { waitingQuestions } from './waiting-questions';

/** What is expected next on a project, in a few words, from what the page knows of it. */
export function nextAction(detail: ProjectDetail): string {
  const work = detail.publicationWork;
  if (work?.awaitingApproval) return `Accord du maire sur la version ${work.latest.version} à publier`;
  const waiting = waitingQuestions(detail);
  if (waiting > 0) return waiting === 1 ? 'Réponse du Département à une question' : `Réponse du Département à ${waiting} questions`;
  switch (detail.step) {
    case 'idee':
      return 'Préciser le besoin et lancer les études';
    case 'etudes':
      return 'Terminer les études et préparer le plan de financement';
    case 'financement':
      return 'Obtenir les subventions, puis lancer les travaux';
    case 'travaux':
      return 'Réceptionner les travaux';
    case 'termine':
      if (detail.publication === 'published') return 'Aucune : le projet est terminé et publié';
      if (work) return 'Compléter la version à publier';
      return 'Partager le retour d’expérience : demander la publication';
  }
}

/**
 * The top of the project page: step and progress, what is expected next, open questions, last activity,
 * number of documents, and « Changer l’étape » for the people who manage the project.
 */
@Component({
  selector: 'app-project-summary',
  imports: [RouterLink, FrDate, OnDemand, ProgressBar, Stepper, StepForm],
  template: `
    @if (store.detail(); as d) {
      <section class="panel summary" aria-labelledby="summary-title">
        <h2 id="summary-title" class="visually-hidden">Résumé</h2>
        <app-stepper [current]="d.step" />
        <dl class="summary__facts">
          <div class="summary__step">
            <dt>Étape</dt>
            <dd>
              {{ stepLabels[d.step] }}
              <app-progress-bar [progress]="d.progress" labelId="project-progress" />
            </dd>
          </div>
          <div class="summary__wide">
            <dt>Prochaine action attendue</dt>
            <dd>{{ next() }}</dd>
          </div>
          <div>
            <dt>Questions en attente</dt>
            <dd>
              <a routerLink="questions">{{ waiting() === 0 ? 'Aucune' : waiting() === 1 ? '1 question' : waiting() + ' questions' }}</a>
              @if (overdue() > 0) {
                <span class="badge badge--late">{{ overdue() }} en retard</span>
              }
            </dd>
          </div>
          <div>
            <dt>Documents</dt>
            <dd><a routerLink="documents">{{ d.documents.length === 0 ? 'Aucun' : d.documents.length === 1 ? '1 document' : d.documents.length + ' documents' }}</a></dd>
          </div>
          <div class="summary__last">
            <dt>Dernière activité</dt>
            <dd class="summary__plain">
              @if (last(); as h) {
                <time [attr.datetime]="h.at">{{ h.at | frDate: true }}</time> — {{ h.summary }}
              } @else {
                <time [attr.datetime]="d.updatedAt">{{ d.updatedAt | frDate: true }}</time>
              }
            </dd>
          </div>
        </dl>
        @if (access.canManage()) {
          <app-on-demand label="Changer l’étape">
            <ng-template><app-step-form /></ng-template>
          </app-on-demand>
        }
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectSummary {
  protected readonly store = inject(ProjectStore);
  protected readonly access = inject(ProjectAccess);
  protected readonly stepLabels = STEP_LABELS;

  protected readonly next = computed(() => {
    const d = this.store.detail();
    return d ? nextAction(d) : '';
  });
  protected readonly waiting = computed(() => {
    const d = this.store.detail();
    return d ? waitingQuestions(d) : 0;
  });
  protected readonly overdue = computed(() => this.store.detail()?.questions.filter((q) => q.overdue).length ?? 0);
  protected readonly last = computed<HistoryEntry | null>(() => this.store.history()[0] ?? null);
}
