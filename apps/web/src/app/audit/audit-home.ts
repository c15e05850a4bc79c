import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PUBLICATION_LABELS, ROLE_LABELS, STEP_LABELS, deCommune, type CommuneSeatHistory, type CommuneView, type ProjectSummary } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError, type UserError } from '../core/problem';
import { PageProblem } from '../shared/page-problem';
import { AuditApi } from './audit-api';
import { VerificationBanner } from './verification-banner';
import { AnchorStatusPanel } from './anchor-status';

/** /audit: pick a commune and a project to audit; a commune's seat history. */
@Component({
  selector: 'app-audit-home',
  imports: [RouterLink, FrDate, PageProblem, VerificationBanner, AnchorStatusPanel],
  template: `
    <div class="page-head"><h1>Audit</h1></div>
    <p class="lead">Retracez ce qui est arrivé à un projet, tel qu’il était à n’importe quelle date, à partir du journal des événements.</p>
    @if (loadError(); as e) {
      <app-page-problem [error]="e" forbiddenText="l’espace d’audit est réservé aux auditeurs et aux administrateurs du Département." />
    } @else {
      <app-verification-banner />
      <app-anchor-status />
      <p>Les entrées de la foire aux questions ont aussi leur historique, lu dans leur flux du journal : <a routerLink="/faq">ouvrez une entrée de la FAQ</a>.</p>

      <form class="filters" role="search" aria-label="Choisir un projet à auditer" (submit)="search($event, q.value)">
        <div class="field">
          <label for="audit-commune">Commune</label>
          <select id="audit-commune" #commune (change)="chooseCommune(commune.value, q.value)">
            <option value="">Toutes les communes</option>
            @for (c of communes(); track c.codeInsee) {
              <option [value]="c.codeInsee" [selected]="c.codeInsee === communeCode()">{{ c.name }}</option>
            }
          </select>
        </div>
        <div class="field field--grow">
          <label for="audit-q">Rechercher un mot</label>
          <input id="audit-q" #q type="search" autocomplete="off" />
        </div>
        <div class="filters__actions">
          <button type="submit" class="button">Rechercher</button>
        </div>
      </form>

      <p class="result-count" role="status">{{ countText() }}</p>
      @if (error(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      @if (projects().length) {
        <div class="table-wrap">
          <table class="table table--stack">
            <caption>Projets à auditer</caption>
            <thead>
              <tr>
                <th scope="col">Projet</th>
                <th scope="col">Commune</th>
                <th scope="col">Étape</th>
                <th scope="col">Publication</th>
                <th scope="col">Dernière modification</th>
              </tr>
            </thead>
            <tbody>
              @for (p of projects(); track p.id) {
                <tr>
                  <th scope="row" data-label="Projet"><a [routerLink]="['/audit/projets', p.id]">{{ p.title }}</a></th>
                  <td data-label="Commune">{{ p.communeName }}</td>
                  <td data-label="Étape">{{ stepLabels[p.step] }} ({{ p.progress }} %)</td>
                  <td data-label="Publication">{{ publicationLabels[p.publication] }}</td>
                  <td data-label="Dernière modification">{{ p.updatedAt | frDate: true }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (seats(); as s) {
        <section aria-labelledby="seats-title">
          <h2 id="seats-title">Places de la commune {{ de(s.communeName) }}</h2>
          @if (s.entries.length === 0) {
            <p>Aucune place n’a encore été attribuée dans cette commune.</p>
          } @else {
            <div class="table-wrap">
              <table class="table table--stack">
                <caption>Qui a pris ou quitté quelle place, et quand</caption>
                <thead>
                  <tr>
                    <th scope="col">Quand</th>
                    <th scope="col">Quoi</th>
                    <th scope="col">Par</th>
                    <th scope="col">Motif</th>
                  </tr>
                </thead>
                <tbody>
                  @for (e of s.entries; track e.position) {
                    <tr>
                      <td data-label="Quand">{{ e.at | frDate: true }}</td>
                      <td data-label="Quoi">{{ e.summary }}</td>
                      <td data-label="Par">{{ e.actor.name }} ({{ roleLabels[e.actor.role] ?? e.actor.role }})</td>
                      <td data-label="Motif">{{ e.why ?? '—' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditHome implements OnInit {
  private readonly api = inject(AuditApi);
  protected readonly stepLabels = STEP_LABELS;
  protected readonly publicationLabels = PUBLICATION_LABELS;
  protected readonly roleLabels = ROLE_LABELS as Record<string, string | undefined>;
  /** « d’Ableiges », « de Vigny ». */
  protected readonly de = deCommune;
  protected readonly communes = signal<CommuneView[]>([]);
  protected readonly communeCode = signal('');
  protected readonly projects = signal<ProjectSummary[]>([]);
  protected readonly seats = signal<CommuneSeatHistory | null>(null);
  protected readonly loadError = signal<UserError | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loaded = signal(false);

  protected countText(): string {
    if (!this.loaded()) return 'Chargement des projets…';
    const n = this.projects().length;
    return n === 0 ? 'Aucun projet' : `${n} projet${n > 1 ? 's' : ''}`;
  }

  async ngOnInit(): Promise<void> {
    try {
      const [communes] = await Promise.all([firstValueFrom(this.api.communes()), this.load('')]);
      this.communes.set(communes);
    } catch (error) {
      this.loadError.set(toUserError(error));
    }
  }

  protected async chooseCommune(code: string, q: string): Promise<void> {
    this.communeCode.set(code);
    await this.refresh(q);
  }

  protected async search(event: Event, q: string): Promise<void> {
    event.preventDefault();
    await this.refresh(q);
  }

  private async refresh(q: string): Promise<void> {
    this.error.set(null);
    try {
      await this.load(q);
    } catch (error) {
      this.error.set(toUserError(error).message);
    }
  }

  private async load(q: string): Promise<void> {
    const code = this.communeCode();
    const [projects, seats] = await Promise.all([
      firstValueFrom(this.api.projects(code, q)),
      code ? firstValueFrom(this.api.communeHistory(code)) : Promise.resolve(null),
    ]);
    this.projects.set(projects);
    this.seats.set(seats);
    this.loaded.set(true);
  }
}
