import { ChangeDetectionStrategy, Component, DOCUMENT, afterNextRender, inject } from '@angular/core';
import type { QuestionView } from '@carnet/contracts';
import { ActivatedRoute } from '@angular/router';
import { OnDemand } from '../../../shared/on-demand';
import { ProjectAccess } from '../project-access';
import { ProjectStore } from '../project-store';
import { QuestionForm } from '../question-form';
import { QuestionItem } from '../question-item';

/** The questions still under way first (a new one on top), then the closed ones; newest first in each. */
export function orderQuestions(questions: QuestionView[]): QuestionView[] {
  const rank = (q: QuestionView) => (q.status === 'close' ? 1 : 0);
  return [...questions].sort((a, b) => rank(a) - rank(b) || b.askedAt.localeCompare(a.askedAt));
}

/** « Questions » (`/projets/:id/questions`): the questions to the Département, and « Poser une question » for the commune. */
@Component({
  selector: 'app-questions-section',
  imports: [OnDemand, QuestionForm, QuestionItem],
  template: `
    @if (store.detail(); as d) {
      <section class="panel" aria-labelledby="questions-title">
        <h2 id="questions-title">Questions au Département</h2>
        @if (access.canAsk()) {
          <app-on-demand label="Poser une question" primary>
            <ng-template><app-question-form /></ng-template>
          </app-on-demand>
        }
        @if (d.questions.length === 0) {
          <p>Aucune question pour l’instant.</p>
        } @else {
          <ul class="questions">
            @for (q of ordered(d.questions); track q.id) {
              <li class="question" [id]="'question-' + q.id">
                <app-question-item [question]="q" />
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionsSection {
  protected readonly store = inject(ProjectStore);
  protected readonly access = inject(ProjectAccess);

  protected readonly ordered = orderQuestions;

  constructor() {
    // A link to one question (`#question-<id>`, from an e-mail, a notification, « À traiter »): show it.
    const fragment = inject(ActivatedRoute).snapshot.fragment;
    const document = inject(DOCUMENT);
    if (fragment?.startsWith('question-')) {
      afterNextRender(() => {
        const target = document.getElementById(fragment);
        if (!target) return;
        target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'start' });
      });
    }
  }
}
