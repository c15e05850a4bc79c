import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { RuleSetVersionView } from '@carnet/contracts';
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { newIdempotencyKey } from '../core/idempotency';
import { toUserError } from '../core/problem';
import { canAdminister } from '../core/roles';
import { SessionStore } from '../core/session';
import { Field, FieldControl } from '../shared/field';
import { Outcome } from '../shared/outcome';
import { focusFirstError, type FieldErrors } from '../projects/shared/form-helpers';
import { formatDay } from './money';

/** A rule's value as written, for the table: « 40% », « 370000 », a formula. */
function valueOf(rule: unknown): string | null {
  if (typeof rule === 'string' || typeof rule === 'number') return String(rule);
  if (rule && typeof rule === 'object' && 'valeur' in rule) {
    const v = (rule as Record<string, unknown>)['valeur'];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  }
  return null;
}
const isToValidate = (rule: unknown): boolean => !!rule && typeof rule === 'object' && (rule as { meta?: Record<string, unknown> }).meta?.['à valider'] === true;

/** « Administration › Règles de financement »: the versions published, the rules in force, and a new version (administrators). */
@Component({
  selector: 'app-rule-sets-admin',
  imports: [FormsModule, FrDate, Field, FieldControl, Outcome],
  styles: `
    textarea.rules { font-family: monospace; font-size: 0.85rem; }
    input[type='date'] { font: inherit; padding: 0.45rem 0.5rem; min-height: 2.75rem; }
  `,
  template: `
    <h2>Règles de financement</h2>
    <p>Les règles du simulateur et des contrôles des plans de financement (publicodes). Chaque version est conservée : une estimation enregistrée garde la version qu’elle a utilisée.</p>
    @if (error(); as message) { <p class="alert alert--error" role="alert">{{ message }}</p> }
    @if (current(); as c) {
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>Versions publiées</caption>
          <thead><tr><th scope="col">Version</th><th scope="col">Titre</th><th scope="col">Date d’effet</th><th scope="col">Publiée</th><th scope="col">Sources</th></tr></thead>
          <tbody>
            @for (v of versions(); track v.version) {
              <tr>
                <th scope="row" data-label="Version">{{ v.version }}</th>
                <td data-label="Titre">{{ v.title }}@if (v.note) { <span class="table__sub">{{ v.note }}</span> }</td>
                <td data-label="Date d’effet">{{ day(v.effectiveFrom) }}</td>
                <td data-label="Publiée"><time [attr.datetime]="v.publishedAt">{{ v.publishedAt | frDate }}</time> par {{ v.publishedBy.name }}</td>
                <td data-label="Sources">{{ v.sources.join(' ; ') }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <details>
        <summary>Valeurs de la version {{ c.version }} ({{ values().length }} règles)</summary>
        <div class="table-wrap">
          <table class="table table--stack">
            <caption>Valeurs et formules de la version {{ c.version }}</caption>
            <thead><tr><th scope="col">Règle</th><th scope="col">Valeur ou formule</th><th scope="col">État</th></tr></thead>
            <tbody>
              @for (r of values(); track r.name) {
                <tr><th scope="row" data-label="Règle">{{ r.name }}</th><td data-label="Valeur ou formule"><code>{{ r.value }}</code></td><td data-label="État">{{ r.toValidate ? 'À valider par le Département' : '—' }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    }
    @if (canPublish()) {
      <form #form class="form" novalidate (ngSubmit)="publish()" aria-labelledby="publish-title">
        <h3 id="publish-title">Publier une nouvelle version</h3>
        <app-field label="Titre" required [error]="errors()['title']">
          <input appFieldControl id="rules-title" name="title" type="text" maxlength="160" [(ngModel)]="title" />
        </app-field>
        <app-field label="Date d’effet" required hint="Les estimations de travaux commençant à partir de cette date utiliseront cette version." [error]="errors()['effectiveFrom']">
          <input appFieldControl id="rules-date" name="effectiveFrom" type="date" [(ngModel)]="effectiveFrom" />
        </app-field>
        <app-field label="Sources (une par ligne)" required [error]="errors()['sources']">
          <textarea appFieldControl id="rules-sources" name="sources" rows="4" [(ngModel)]="sources"></textarea>
        </app-field>
        <app-field label="Ce qui change" [error]="errors()['note']">
          <textarea appFieldControl id="rules-note" name="note" rows="2" maxlength="4000" [(ngModel)]="note"></textarea>
        </app-field>
        <app-field label="Dispositifs et règles (JSON publicodes)" required hint="Repris de la version en vigueur : modifiez les valeurs, puis publiez." [error]="errors()['rules']">
          <textarea appFieldControl class="rules" id="rules-json" name="rules" rows="16" spellcheck="false" [(ngModel)]="json"></textarea>
        </app-field>
        <div class="form-actions">
          <button type="submit" class="button button--primary" [disabled]="pending()">{{ pending() ? 'Publication…' : 'Publier cette version' }}</button>
        </div>
        <app-outcome [success]="success()" [error]="formError()" />
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleSetsAdmin {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');
  protected readonly versions = signal<RuleSetVersionView[]>([]);
  protected readonly current = computed(() => this.versions()[0] ?? null);
  protected readonly values = computed(() =>
    Object.entries(this.current()?.rules ?? {})
      .map(([name, rule]) => ({ name, value: valueOf(rule), toValidate: isToValidate(rule) }))
      .filter((r): r is { name: string; value: string; toValidate: boolean } => r.value !== null),
  );
  protected readonly canPublish = computed(() => canAdminister(this.session.me()));
  protected readonly day = formatDay;
  protected readonly error = signal<string | null>(null);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly success = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly title = signal('');
  protected readonly effectiveFrom = signal('');
  protected readonly sources = signal('');
  protected readonly note = signal('');
  protected readonly json = signal('');
  private key = newIdempotencyKey();

  constructor() {
    void this.load();
  }

  private async load(minPosition?: number): Promise<void> {
    try {
      const list = await firstValueFrom(this.http.get<RuleSetVersionView[]>('/api/financing/rule-sets', { params: minPosition ? { minPosition } : {} }));
      this.versions.set(list);
      const c = list[0];
      if (c) {
        this.sources.set(c.sources.join('\n'));
        this.json.set(JSON.stringify({ schemes: c.schemes, rules: c.rules }, null, 2));
      }
    } catch (error) {
      this.error.set(`Les règles n’ont pas pu être chargées. ${toUserError(error).message}`);
    }
  }

  protected async publish(): Promise<void> {
    if (this.pending()) return;
    const errors: FieldErrors = {};
    let parsed: { schemes?: unknown; rules?: unknown } = {};
    try {
      parsed = JSON.parse(this.json());
    } catch {
      errors['rules'] = 'Ce texte n’est pas du JSON valide : vérifiez les guillemets et les virgules.';
    }
    if (!this.title().trim()) errors['title'] = 'Donnez un titre à cette version.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.effectiveFrom())) errors['effectiveFrom'] = 'Indiquez la date d’effet.';
    const sources = this.sources().split('\n').map((s) => s.trim()).filter(Boolean);
    if (sources.length === 0) errors['sources'] = 'Citez au moins une source.';
    this.errors.set(errors);
    this.success.set(null);
    this.formError.set(Object.keys(errors).length ? 'Des champs sont à corriger.' : null);
    if (Object.keys(errors).length) return focusFirstError(this.form()!.nativeElement);
    this.pending.set(true);
    try {
      const body = { title: this.title().trim(), effectiveFrom: this.effectiveFrom(), sources, note: this.note().trim(), schemes: parsed.schemes, rules: parsed.rules };
      const accepted = await firstValueFrom(this.http.post<{ version: number; position: number }>('/api/financing/rule-sets', body, { headers: new HttpHeaders({ 'Idempotency-Key': this.key }) }));
      this.key = newIdempotencyKey();
      this.success.set(`Version ${accepted.version} publiée.`);
      this.title.set('');
      this.note.set('');
      await this.load(accepted.position);
    } catch (error) {
      const e = toUserError(error);
      this.errors.set(e.fieldErrors);
      this.formError.set(e.message);
      focusFirstError(this.form()!.nativeElement);
    } finally {
      this.pending.set(false);
    }
  }
}
