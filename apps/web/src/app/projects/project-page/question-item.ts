import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  CATEGORY_LABELS,
  QUESTION_STATUS_LABELS,
  ROLE_LABELS,
  TEAM_LABELS,
  de,
  waitingDays,
  waitingDuration,
  type AssigneeOption,
  type QuestionView,
} from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { FrDate, RoleOf } from '../../core/format';
import { toUserError } from '../../core/problem';
import { isAdviser, isDepartementRole, isOfCommune } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { Field, FieldControl } from '../../shared/field';
import { OnDemand } from '../../shared/on-demand';
import { AnswerForm } from './answer-form';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

/** « 2 h 05 », « 3 jours » : the time to first answer, in words a person reads. */
export function durationInWords(minutes: number): string {
  if (minutes < 60) return `${Math.max(minutes, 1)} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
  }
  const days = Math.round(minutes / (24 * 60));
  return `${days} jours`;
}

/** One question of a project: its status, team, assignee, answers, and what the person may do with it. */
@Component({
  selector: 'app-question-item',
  imports: [FormsModule, FrDate, AnswerForm, FormFeedback, Field, FieldControl, RouterLink, RoleOf, OnDemand],
  template: `
    @let q = question();
    <h3 class="question__title">Question — {{ categoryLabels[q.category] }}</h3>
    <p class="question__status">
      <span class="badge" [class.badge--ok]="q.status === 'repondue' || q.status === 'close'" [class.badge--step]="q.status === 'prise_en_charge'">
        {{ statusLabels[q.status] }}
      </span>
      @if (q.overdue) {
        <span class="badge badge--late">En retard</span>
      }
      <span class="question__team">Orientée vers : {{ teamLabels[q.team] }}</span>
    </p>
    <p class="question__text prewrap">{{ q.text }}</p>
    @if (attachments(q.documentIds); as docs) {
      @if (docs.length > 0) {
        <ul class="attachments" aria-label="Documents joints à la question">
          @for (d of docs; track d.id) {
            <li><a [href]="d.url" download>{{ d.title }}</a></li>
          }
        </ul>
      }
    }
    <p class="byline">
      Posée par {{ q.askedBy.name }} ({{ q.askedBy | roleOf }}) le
      <time [attr.datetime]="q.askedAt">{{ q.askedAt | frDate: true }}</time>
    </p>
    <p class="byline">
      @if (q.assignee; as a) {
        Suivie par {{ a.person.name }}{{ a.organisationName ? ' (' + a.organisationName + ')' : '' }}.
      } @else {
        Pas encore de responsable.
      }
      @if (q.minutesToFirstAnswer !== null) {
        Première réponse en {{ duration(q.minutesToFirstAnswer) }}.
      }
    </p>
    @if (q.waitingSince) {
      <p class="byline question__waiting-since">
        En attente depuis le <time [attr.datetime]="q.waitingSince">{{ q.waitingSince | frDate }}</time> ({{ waitingFor(q.waitingSince) }}).
      </p>
    }
    @for (r of q.reopenings; track r.at) {
      <p class="byline">Rouverte par {{ r.by.name }} le <time [attr.datetime]="r.at">{{ r.at | frDate: true }}</time> — motif : {{ r.reason }}</p>
    }
    @if (q.answers.length === 0) {
      <p class="question__waiting">En attente de réponse.</p>
    } @else {
      <ul class="answers" [attr.aria-label]="q.answers.length === 1 ? 'Réponse' : 'Réponses'">
        @for (a of q.answers; track a.id) {
          <li class="answer">
            <p class="prewrap">{{ a.text }}</p>
            @if (attachments(a.documentIds); as docs) {
              @if (docs.length > 0) {
                <ul class="attachments" aria-label="Documents joints à la réponse">
                  @for (d of docs; track d.id) {
                    <li><a [href]="d.url" download>{{ d.title }}</a></li>
                  }
                </ul>
              }
            }
            @if (a.contact; as c) {
              <div class="contact-card" role="group" [attr.aria-label]="'Contact recommandé : ' + c.name">
                <p><strong>Contact recommandé : {{ c.name }}</strong>, {{ c.jobTitle }} — {{ c.organisation }}</p>
                <p>
                  @if (c.email) {
                    <a [href]="'mailto:' + c.email">{{ c.email }}</a>
                  }
                  @if (c.email && c.phone) {
                    <span aria-hidden="true"> · </span>
                  }
                  @if (c.phone) {
                    <a [href]="'tel:' + c.phone.replace(' ', '')">{{ c.phone }}</a>
                  }
                </p>
              </div>
            }
            <p class="byline">
              Réponse {{ de(a.answeredBy.name) }} ({{ a.answeredBy | roleOf }}) le
              <time [attr.datetime]="a.answeredAt">{{ a.answeredAt | frDate: true }}</time>
            </p>
          </li>
        }
      </ul>
    }

    <div class="question__actions">
      @if (canProposeForFaq()) {
        <a class="button button--small" routerLink="/faq/depuis-question" [queryParams]="{ projet: store.detail()?.id, question: q.id }">Proposer pour la FAQ</a>
      }
      @if (canTake()) {
        <button type="button" class="button button--small" [disabled]="state.pending()" (click)="take()">Prendre en charge</button>
      }
      @if (canClose()) {
        <button type="button" class="button button--small" [disabled]="state.pending()" (click)="close()">Clore la question</button>
      }
    </div>
    @if (canAssign()) {
      <form class="form form--compact form--nested" novalidate (ngSubmit)="assign()">
        <app-field label="Attribuer à">
          <select appFieldControl [id]="'assign-' + q.id" name="assignee" [(ngModel)]="assigneeId" (focus)="loadAssignees()">
            <option value="">Choisir une personne</option>
            @for (o of assignees(); track o.id) {
              <option [value]="o.id">{{ o.name }} — {{ o.kind === 'agent' ? teamsOf(o) : o.organisationName }}</option>
            }
          </select>
        </app-field>
        <div class="form-actions">
          <button type="submit" class="button button--small" [disabled]="state.pending() || !assigneeId()">Attribuer</button>
        </div>
      </form>
    }
    @if (canReopen()) {
      <!-- On demand: a closed question shows one button, not a form. Once reopened, the button goes and the message stays. -->
      <app-on-demand label="Rouvrir la question">
        <ng-template>
          <form class="form form--compact form--nested" novalidate (ngSubmit)="reopen()">
            <app-field label="Rouvrir la question : pourquoi ?" [error]="state.errors()['reason']">
              <textarea appFieldControl [id]="'reopen-' + q.id" name="reason" rows="2" maxlength="4000" [(ngModel)]="reason"></textarea>
            </app-field>
            <div class="form-actions">
              <button type="submit" class="button button--small" [disabled]="state.pending()">Rouvrir</button>
              <button type="button" class="button button--small button--link" (click)="reopener()?.cancel()">Annuler</button>
            </div>
          </form>
        </ng-template>
      </app-on-demand>
    }
    <app-form-feedback [state]="state" />
    @if (canAnswer()) {
      <app-answer-form [questionId]="q.id" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionItem {
  /** « Réponse d’Isabelle Moreau », « Réponse de Karim Haddad ». */
  protected readonly de = de;
  /** « Rouvrir la question »: the form opened on demand. */
  protected readonly reopener = viewChild(OnDemand);
  private readonly api = inject(Api);
  protected readonly store = inject(ProjectStore);
  private readonly session = inject(SessionStore);

  readonly question = input.required<QuestionView>();

  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly statusLabels = QUESTION_STATUS_LABELS;
  protected readonly teamLabels = TEAM_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly duration = durationInWords;
  /** The one definition of a question's waiting time (libs/contracts/waiting.ts), as the dashboards say it. */
  protected waitingFor(since: string): string {
    return waitingDuration(waitingDays(since, new Date()));
  }
  protected readonly state = new CommandFormState();
  protected readonly assigneeId = signal('');
  protected readonly reason = signal('');
  protected readonly assignees = signal<AssigneeOption[]>([]);

  private readonly me = this.session.me;

  /** The project documents a question or an answer points to, with their download link (removed ones are left out). */
  protected attachments(ids: string[]): Array<{ id: string; title: string; url: string }> {
    const detail = this.store.detail();
    if (!detail || ids.length === 0) return [];
    const byId = new Map((detail.documents ?? []).map((d) => [d.id, d]));
    return ids.flatMap((id) => {
      const d = byId.get(id);
      return d ? [{ id, title: d.title, url: this.api.documentUrl(detail.id, id) }] : [];
    });
  }
  private readonly ofCommune = computed(() => isOfCommune(this.me(), this.store.detail()?.codeInsee ?? ''));
  private readonly open = computed(() => this.question().status !== 'close');
  protected readonly canAnswer = computed(() => isAdviser(this.me()) && this.open());
  protected readonly canTake = computed(() => {
    const q = this.question();
    const me = this.me();
    if (!isAdviser(me) || !this.open() || q.status === 'repondue') return false;
    if (q.status === 'prise_en_charge' && q.assignee?.person.id === me?.id) return false;
    return !(me?.role === 'partner_member' && q.assignee && q.assignee.person.id !== me.id);
  });
  /** « Proposer pour la FAQ » (issue #11): the Département turns an answered question into an anonymised draft. */
  protected readonly canProposeForFaq = computed(() => isDepartementRole(this.me()?.role ?? null) && this.question().answers.length > 0);
  protected readonly canAssign = computed(() => isDepartementRole(this.me()?.role ?? null) && this.open());
  protected readonly canClose = computed(() => this.open() && (this.ofCommune() || isDepartementRole(this.me()?.role ?? null)));
  protected readonly canReopen = computed(() => this.ofCommune() && (this.question().status === 'repondue' || this.question().status === 'close'));

  protected teamsOf(o: AssigneeOption): string {
    return o.teams.length ? o.teams.map((t) => this.teamLabels[t]).join(', ') : 'Département';
  }

  protected loadAssignees(): void {
    const d = this.store.detail();
    if (!d || this.assignees().length) return;
    firstValueFrom(this.api.assignees(d.id)).then(
      (list) => this.assignees.set(list),
      (error) => this.state.error.set(toUserError(error).message),
    );
  }

  protected take(): Promise<boolean> {
    return this.send({ take: true }, (id, qid, ctx) => this.api.takeQuestionInCharge(id, qid, ctx), 'Vous avez pris en charge cette question.');
  }

  protected close(): Promise<boolean> {
    return this.send({ close: true }, (id, qid, ctx) => this.api.closeQuestion(id, qid, ctx), 'La question est close.');
  }

  protected assign(): Promise<boolean> {
    const body = { assigneeId: this.assigneeId() };
    return this.send(body, (id, qid, ctx) => this.api.assignQuestion(id, qid, body, ctx), 'La question a été attribuée.');
  }

  protected async reopen(): Promise<void> {
    const reason = this.reason().trim();
    if (!this.state.begin(reason ? {} : { reason: 'Indiquez pourquoi vous rouvrez la question.' })) return;
    if (await this.send({ reason }, (id, qid, ctx) => this.api.reopenQuestion(id, qid, { reason }, ctx), 'La question est rouverte.')) this.reason.set('');
  }

  private send(
    body: unknown,
    call: (projectId: string, questionId: string, ctx: Parameters<Api['closeQuestion']>[2]) => ReturnType<Api['closeQuestion']>,
    success: string,
  ): Promise<boolean> {
    const d = this.store.detail();
    if (!d || this.state.pending()) return Promise.resolve(false);
    this.state.begin({});
    return this.store.run(this.state, body, (ctx) => call(d.id, this.question().id, ctx), success);
  }
}
