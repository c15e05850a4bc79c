import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CATEGORY_LABELS, QUESTION_STATUS_LABELS, TEAM_LABELS, waitingDays, waitingDuration, type QueueItem, type QuestionCategory, type WaitingQueue as Queue } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { SessionStore } from '../core/session';

/** `/a-traiter`: the questions waiting for the agent or partner member who is logged in. */
@Component({
  selector: 'app-waiting-queue',
  imports: [RouterLink, FrDate],
  template: `
    <h1>À traiter</h1>
    @if (error(); as message) {
      <p class="alert alert--error" role="alert">{{ message }}</p>
    } @else if (queue(); as q) {
      <p>
        @if (q.teams.length) {
          Vos équipes : {{ teamNames(q.teams) }}.
        } @else if (partner()) {
          Les questions sans responsable des projets auxquels votre organisation est associée sont listées.
        } @else {
          Vous n’êtes rattaché à aucune équipe du Département : les questions sans responsable de tous les projets que vous suivez sont listées.
        }
        Une question est en retard après {{ q.overdueDays }} jours sans réponse.
      </p>
      @for (list of lists(q); track list.id) {
        <section class="panel" [attr.aria-labelledby]="list.id">
          <h2 [id]="list.id">{{ list.title }} ({{ list.items.length }})</h2>
          @if (list.items.length === 0) {
            <p>{{ list.empty }}</p>
          } @else {
            <ul class="queue">
              @for (item of list.items; track item.questionId) {
                <li class="queue__item">
                  <p>
                    <a [routerLink]="['/projets', item.projectId, 'questions']" [fragment]="'question-' + item.questionId">{{ item.projectTitle }}</a>
                    — {{ item.communeName }}
                  </p>
                  <p class="prewrap">{{ categoryLabel(item.category) }} : {{ item.text }}</p>
                  <p class="byline">
                    <span class="badge">{{ statusLabels[item.status] }}</span>
                    @if (item.overdue) {
                      <span class="badge badge--late">En retard</span>
                    }
                    {{ teamLabels[item.team] }} —
                    {{ item.assignee ? 'suivie par ' + item.assignee.name : 'sans responsable' }} — en attente depuis le
                    <time [attr.datetime]="item.waitingSince ?? item.askedAt">{{ item.waitingSince ?? item.askedAt | frDate }}</time>
                    ({{ waitingFor(item.waitingSince ?? item.askedAt) }})
                  </p>
                </li>
              }
            </ul>
          }
        </section>
      }
    } @else {
      <p role="status">Chargement…</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingQueue implements OnInit {
  private readonly api = inject(Api);
  /** A partner's member works in no team of the Département: the page speaks of their organisation's projects. */
  private readonly session = inject(SessionStore);
  protected readonly partner = computed(() => this.session.me()?.role === 'partner_member');
  protected readonly queue = signal<Queue | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly statusLabels = QUESTION_STATUS_LABELS;
  protected readonly teamLabels = TEAM_LABELS;

  async ngOnInit(): Promise<void> {
    try {
      this.queue.set(await firstValueFrom(this.api.waiting()));
    } catch (error) {
      this.error.set(`La liste n’a pas pu être chargée. ${toUserError(error).message}`);
    }
  }

  /** The one definition of a question's waiting time (libs/contracts/waiting.ts). */
  protected waitingFor(since: string): string {
    return waitingDuration(waitingDays(since, new Date()));
  }

  protected teamNames(teams: Queue['teams']): string {
    return teams.map((t) => TEAM_LABELS[t]).join(', ');
  }

  protected categoryLabel(category: string): string {
    return CATEGORY_LABELS[category as QuestionCategory] ?? category;
  }

  protected lists(q: Queue): Array<{ id: string; title: string; empty: string; items: QueueItem[] }> {
    return [
      { id: 'queue-mine', title: 'Qui me sont attribuées', empty: 'Aucune question ne vous est attribuée.', items: q.assignedToMe },
      { id: 'queue-unassigned', title: q.teams.length ? 'Sans responsable dans mes équipes' : 'Sans responsable', empty: 'Aucune question sans responsable.', items: q.unassigned },
      { id: 'queue-overdue', title: 'En retard', empty: 'Aucune question en retard.', items: q.overdue },
    ];
  }
}
