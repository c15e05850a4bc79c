import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { QUESTION_STATUS_LABELS, waitingDuration, type CommuneDashboard } from '@carnet/contracts';
import { firstValueFrom, map } from 'rxjs';
import { Api } from '../core/api';
import { formatDate } from '../core/format';
import { toUserError } from '../core/problem';
import { BarChart } from './charts/bar-chart';

/** A commune's dashboard: its projects by step and the questions waiting for the Département. */
@Component({
  selector: 'app-commune-dashboard',
  imports: [BarChart, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Tableau de bord{{ data() ? ' — ' + data()!.communeName : '' }}</h1>
    <p class="result-count" role="status">{{ loading() ? 'Chargement du tableau de bord…' : '' }}</p>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
    }
    @if (data(); as d) {
      <dl class="kpis">
        <div class="kpi"><dt>Projets</dt><dd>{{ d.projectCount }}</dd></div>
        <div class="kpi"><dt>Questions en attente d’une réponse</dt><dd>{{ d.openQuestions.total }}</dd></div>
      </dl>
      <div class="charts">
        <app-bar-chart caption="Nos projets par étape" categoryHeader="Étape" valueHeader="Projets" [data]="d.projectsByStep" />
        <app-bar-chart caption="Nos questions en attente, par ancienneté" categoryHeader="Ancienneté" valueHeader="Questions" [data]="d.openQuestions.byAge" colour="#D55E00" emptyText="Aucune question en attente : le Département a répondu à tout." />
      </div>
      @if (d.openQuestions.items.length) {
        <h2>Questions en attente</h2>
        <ul class="cards">
          @for (q of d.openQuestions.items; track q.questionId) {
            <li class="card">
              <p class="card__title"><a [routerLink]="['/projets', q.projectId, 'questions']" [fragment]="'question-' + q.questionId">{{ q.projectTitle }}</a></p>
              <p>{{ q.text }}</p>
              <p class="card__meta">
                <span class="badge">{{ statusLabels[q.status] }}</span> Posée le {{ date(q.askedAt) }} — en attente depuis le
                <time [attr.datetime]="q.waitingSince">{{ date(q.waitingSince) }}</time> ({{ age(q.ageDays) }})
              </p>
            </li>
          }
        </ul>
      }
    }
  `,
})
export class CommuneDashboardPage {
  private readonly api = inject(Api);
  private readonly codeInsee = toSignal(inject(ActivatedRoute).paramMap.pipe(map((p) => p.get('codeInsee') ?? '')), { initialValue: '' });
  protected readonly data = signal<CommuneDashboard | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly statusLabels = QUESTION_STATUS_LABELS;
  protected readonly title = computed(() => this.data()?.communeName ?? '');

  constructor() {
    effect(() => {
      const code = this.codeInsee();
      untracked(() => void this.load(code));
    });
  }

  protected date(iso: string): string {
    return formatDate(iso);
  }

  /** The one definition of a question's waiting time (libs/contracts/waiting.ts). */
  protected age(days: number): string {
    return waitingDuration(days);
  }

  private async load(code: string): Promise<void> {
    if (!code) return;
    this.loading.set(true);
    this.error.set(null);
    try {
      this.data.set(await firstValueFrom(this.api.communeDashboard(code)));
    } catch (error) {
      this.error.set(toUserError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
