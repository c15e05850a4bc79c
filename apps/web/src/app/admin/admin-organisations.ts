import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ORGANISATION_KIND_LABELS, type OrganisationKind, type OrganisationView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError, type UserError } from '../core/problem';
import { canAdminister } from '../core/roles';
import { SessionStore } from '../core/session';
import { FieldErrors, focusFirstError, fieldsToFix } from '../projects/shared/form-helpers';
import { Field, FieldControl } from '../shared/field';
import { PageProblem } from '../shared/page-problem';

@Component({
  selector: 'app-admin-organisations',
  imports: [FormsModule, PageProblem, Field, FieldControl],
  template: `
    <h2>Partenaires</h2>
    <p>Les organismes qui accompagnent les communes : CAUE, agence de l’énergie, services de l’État…</p>
    <div role="status" class="feedback feedback--page">
      @if (message(); as text) {
        <p class="alert alert--success">{{ text }}</p>
      }
    </div>
    @if (loadError(); as e) {
      <app-page-problem [error]="e" forbiddenText="la liste des partenaires est réservée au Département." />
    } @else if (organisations().length === 0 && !loading()) {
      <p>Aucun partenaire pour l’instant.</p>
    } @else if (organisations().length > 0) {
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>Organismes partenaires</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            @for (o of organisations(); track o.id) {
              <tr>
                <th scope="row" data-label="Nom">{{ o.name }}</th>
                <td data-label="Type">{{ kindLabels[o.kind] ?? o.kind }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }

    @if (canAct()) {
      <form #form class="form form--compact" novalidate (ngSubmit)="create()" aria-labelledby="org-create-title">
        <h3 id="org-create-title">Ajouter un partenaire</h3>
        <div class="form-error" role="alert">
          @if (error(); as text) {
            <p class="alert alert--error">{{ text }}</p>
          }
        </div>
        <div class="form-row">
          <app-field label="Nom de l’organisme" [error]="errors()['name']">
            <input appFieldControl id="org-name" name="name" type="text" autocomplete="organization" [(ngModel)]="name" />
          </app-field>
          <app-field label="Type" [error]="errors()['kind']">
            <select appFieldControl id="org-kind" name="kind" [(ngModel)]="kind">
              <option value="">Choisir un type</option>
              @for (k of kinds; track k[0]) {
                <option [value]="k[0]">{{ k[1] }}</option>
              }
            </select>
          </app-field>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button--primary" [disabled]="pending()">Ajouter le partenaire</button>
        </div>
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminOrganisations {
  private readonly api = inject(Api);
  private readonly me = inject(SessionStore).me;
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');
  protected readonly canAct = computed(() => canAdminister(this.me()));
  protected readonly kindLabels: Record<string, string | undefined> = ORGANISATION_KIND_LABELS;
  protected readonly kinds = Object.entries(ORGANISATION_KIND_LABELS) as Array<[OrganisationKind, string]>;
  protected readonly organisations = signal<OrganisationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<UserError | null>(null);
  protected readonly name = signal('');
  protected readonly kind = signal<OrganisationKind | ''>('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly pending = signal(false);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const organisations = await firstValueFrom(this.api.organisations());
      this.organisations.set([...organisations].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(toUserError(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async create(): Promise<void> {
    if (this.pending()) return;
    const errors: FieldErrors = {};
    if (!this.name().trim()) errors['name'] = 'Indiquez le nom de l’organisme.';
    if (!this.kind()) errors['kind'] = 'Choisissez le type d’organisme.';
    this.errors.set(errors);
    this.error.set(null);
    this.message.set(null);
    if (Object.keys(errors).length) {
      this.error.set(fieldsToFix(errors));
      this.focusError();
      return;
    }
    this.pending.set(true);
    const body = { name: this.name().trim(), kind: this.kind() as OrganisationKind };
    try {
      await firstValueFrom(this.api.createOrganisation(body));
      this.message.set(`Le partenaire « ${body.name} » est ajouté. Vous pouvez maintenant inviter ses membres.`);
      this.name.set('');
      this.kind.set('');
      await this.load();
    } catch (error) {
      const userError = toUserError(error);
      this.errors.set(userError.fieldErrors);
      this.error.set(userError.message);
      this.focusError();
    } finally {
      this.pending.set(false);
    }
  }

  private focusError(): void {
    const form = this.form();
    if (form) focusFirstError(form.nativeElement);
  }
}
