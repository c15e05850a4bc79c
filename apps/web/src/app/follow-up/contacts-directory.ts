import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { THEME_LABELS, type CommuneView, type ContactRequest, type ContactView, type ProjectTheme } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError } from '../core/problem';
import { canAdminister } from '../core/roles';
import { SessionStore } from '../core/session';
import { Field, FieldControl } from '../shared/field';

const EMPTY: ContactRequest = { name: '', jobTitle: '', organisation: '', email: '', phone: '', themes: [], communes: [] };

/** `/annuaire`: the Département's and partners' contacts, by theme and commune; administrators add, edit and archive. */
@Component({
  selector: 'app-contacts-directory',
  imports: [FormsModule, Field, FieldControl],
  template: `
    <h1>Annuaire des contacts</h1>
    <p>Les interlocuteurs du Département et de ses partenaires, par thème de projet et par commune.</p>
    <form class="filters" role="search" aria-label="Rechercher un contact" (ngSubmit)="search()">
      <div class="field field--grow">
        <label for="contact-q">Nom, fonction ou organisme</label>
        <input id="contact-q" name="q" type="search" [(ngModel)]="q" />
      </div>
      <app-field label="Thème">
        <select appFieldControl id="contact-theme" name="theme" [(ngModel)]="theme">
          <option value="">Tous les thèmes</option>
          @for (t of themes; track t[0]) {
            <option [value]="t[0]">{{ t[1] }}</option>
          }
        </select>
      </app-field>
      <app-field label="Commune">
        <select appFieldControl id="contact-commune" name="commune" [(ngModel)]="commune">
          <option value="">Toutes les communes</option>
          @for (c of communes(); track c.codeInsee) {
            <option [value]="c.codeInsee">{{ c.name }}</option>
          }
        </select>
      </app-field>
      @if (isAdmin()) {
        <div class="field">
          <label class="checkbox"><input type="checkbox" name="archived" [(ngModel)]="archived" /> Inclure les contacts archivés</label>
        </div>
      }
      <div class="filters__actions">
        <button type="submit" class="button button--primary">Rechercher</button>
      </div>
    </form>
    <p role="status" class="visually-hidden">{{ status() }}</p>
    @if (error(); as message) {
      <p class="alert alert--error" role="alert">{{ message }}</p>
    }
    @if (contacts().length === 0 && loaded()) {
      <p>Aucun contact ne correspond à votre recherche.</p>
    }
    <ul class="contacts">
      @for (c of contacts(); track c.id) {
        <li class="contact-card">
          <h2 class="contact-card__name">{{ c.name }} @if (c.archived) {<span class="badge">Archivé</span>}</h2>
          <p>{{ c.jobTitle }} — {{ c.organisation }}</p>
          <p>
            @if (c.email) {<a [href]="'mailto:' + c.email">{{ c.email }}</a>}
            @if (c.email && c.phone) {<span aria-hidden="true"> · </span>}
            @if (c.phone) {<a [href]="'tel:' + c.phone">{{ c.phone }}</a>}
          </p>
          <p class="byline">
            Thèmes : {{ themeNames(c.themes) }} — {{ c.communes.length ? 'Communes : ' + communeNames(c.communes) : 'Tout le département' }}
          </p>
          @if (isAdmin()) {
            <p>
              <button type="button" class="button button--small" (click)="edit(c)">Modifier<span class="visually-hidden"> {{ c.name }}</span></button>
              <button type="button" class="button button--small" (click)="archive(c)">
                {{ c.archived ? 'Rétablir' : 'Archiver' }}<span class="visually-hidden"> {{ c.name }}</span>
              </button>
            </p>
          }
        </li>
      }
    </ul>

    @if (isAdmin()) {
      <section class="panel" aria-labelledby="contact-form-title">
        <h2 id="contact-form-title">{{ editing() ? 'Modifier le contact' : 'Ajouter un contact' }}</h2>
        <form class="form" novalidate (ngSubmit)="save()">
          <app-field label="Nom" required [error]="errors()['name']">
            <input appFieldControl id="cf-name" name="name" [(ngModel)]="form.name" />
          </app-field>
          <app-field label="Fonction" required [error]="errors()['jobTitle']">
            <input appFieldControl id="cf-job" name="jobTitle" [(ngModel)]="form.jobTitle" />
          </app-field>
          <app-field label="Organisme" required [error]="errors()['organisation']">
            <input appFieldControl id="cf-org" name="organisation" [(ngModel)]="form.organisation" />
          </app-field>
          <app-field label="E-mail" [error]="errors()['email']">
            <input appFieldControl id="cf-email" name="email" type="email" [(ngModel)]="form.email" />
          </app-field>
          <app-field label="Téléphone" [error]="errors()['phone']">
            <input appFieldControl id="cf-phone" name="phone" type="tel" [(ngModel)]="form.phone" />
          </app-field>
          <fieldset class="field">
            <legend>Thèmes</legend>
            @for (t of themes; track t[0]) {
              <label class="checkbox"><input type="checkbox" [name]="'theme-' + t[0]" [ngModel]="form.themes.includes(t[0])" (ngModelChange)="toggleTheme(t[0], $event)" /> {{ t[1] }}</label>
            }
          </fieldset>
          <app-field label="Communes suivies (codes INSEE séparés par des virgules ; vide = tout le département)" [error]="errors()['communes']">
            <input appFieldControl id="cf-communes" name="communes" [(ngModel)]="communesText" />
          </app-field>
          <div class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="pending()">{{ editing() ? 'Enregistrer' : 'Ajouter le contact' }}</button>
            @if (editing()) {
              <button type="button" class="button" (click)="reset()">Annuler</button>
            }
          </div>
          @if (formMessage(); as m) {
            <p class="alert" [class.alert--error]="formFailed()" [class.alert--success]="!formFailed()" role="status">{{ m }}</p>
          }
        </form>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactsDirectory implements OnInit {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  protected readonly themes = Object.entries(THEME_LABELS) as Array<[ProjectTheme, string]>;
  protected readonly isAdmin = computed(() => canAdminister(this.session.me()));

  protected q = '';
  protected theme: ProjectTheme | '' = '';
  protected commune = '';
  protected archived = false;
  protected readonly contacts = signal<ContactView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');

  protected form: ContactRequest = { ...EMPTY, themes: [] };
  protected communesText = '';
  protected readonly editing = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly pending = signal(false);
  protected readonly formMessage = signal<string | null>(null);
  protected readonly formFailed = signal(false);

  /** The Département's communes, by name: people know their commune by its name, not its INSEE code. */
  protected readonly communes = signal<CommuneView[]>([]);
  private readonly names = computed(() => new Map(this.communes().map((c) => [c.codeInsee, c.name])));

  ngOnInit(): void {
    void this.search();
    void this.loadCommunes();
  }

  /** Names in alphabetical order; a code the list does not know (another Département's) stays as it is. */
  protected communeNames(codes: string[]): string {
    return codes
      .map((code) => this.names().get(code) ?? code)
      .sort((a, b) => a.localeCompare(b, 'fr'))
      .join(', ');
  }

  private async loadCommunes(): Promise<void> {
    try {
      const list = await firstValueFrom(this.api.allCommunes());
      this.communes.set([...list].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    } catch {
      // The filter then only offers « Toutes les communes » and the cards show codes; the search reports its own errors.
    }
  }

  protected themeNames(themes: ProjectTheme[]): string {
    return themes.map((t) => THEME_LABELS[t]).join(', ') || '—';
  }

  protected async search(): Promise<void> {
    try {
      const list = await firstValueFrom(this.api.contacts({ q: this.q, theme: this.theme, commune: this.commune.trim() || undefined, archived: this.archived }));
      this.contacts.set(list);
      this.error.set(null);
      this.status.set(list.length === 1 ? '1 contact trouvé.' : `${list.length} contacts trouvés.`);
    } catch (error) {
      this.error.set(`La recherche n’a pas abouti. ${toUserError(error).message}`);
    } finally {
      this.loaded.set(true);
    }
  }

  protected toggleTheme(theme: ProjectTheme, on: boolean): void {
    this.form.themes = on ? [...this.form.themes, theme] : this.form.themes.filter((t) => t !== theme);
  }

  protected edit(c: ContactView): void {
    this.editing.set(c.id);
    this.form = { name: c.name, jobTitle: c.jobTitle, organisation: c.organisation, email: c.email ?? '', phone: c.phone ?? '', themes: [...c.themes], communes: c.communes, accountId: c.accountId };
    this.communesText = c.communes.join(', ');
    this.formMessage.set(null);
    document.getElementById('cf-name')?.focus();
  }

  protected reset(): void {
    this.editing.set(null);
    this.form = { ...EMPTY, themes: [] };
    this.communesText = '';
    this.errors.set({});
  }

  protected async archive(c: ContactView): Promise<void> {
    try {
      await firstValueFrom(this.api.archiveContact(c.id, !c.archived));
      this.status.set(c.archived ? `${c.name} est rétabli.` : `${c.name} est archivé.`);
      await this.search();
    } catch (error) {
      this.error.set(toUserError(error).message);
    }
  }

  protected async save(): Promise<void> {
    const body: ContactRequest = {
      ...this.form,
      email: this.form.email?.trim() || null,
      phone: this.form.phone?.trim() || null,
      communes: this.communesText.split(/[\s,;]+/).filter(Boolean),
    };
    const errors: Record<string, string> = {};
    if (!body.name.trim()) errors['name'] = 'Le nom est obligatoire.';
    if (!body.jobTitle.trim()) errors['jobTitle'] = 'La fonction est obligatoire.';
    if (!body.organisation.trim()) errors['organisation'] = 'L’organisme est obligatoire.';
    this.errors.set(errors);
    if (Object.keys(errors).length) {
      this.formFailed.set(true);
      this.formMessage.set('Des champs sont à corriger.');
      return;
    }
    this.pending.set(true);
    try {
      const id = this.editing();
      await firstValueFrom(id ? this.api.updateContact(id, body) : this.api.createContact(body));
      this.formFailed.set(false);
      this.formMessage.set(id ? 'Le contact est modifié.' : 'Le contact est ajouté à l’annuaire.');
      this.reset();
      await this.search();
    } catch (error) {
      const e = toUserError(error);
      this.errors.set(e.fieldErrors);
      this.formFailed.set(true);
      this.formMessage.set(e.message);
    } finally {
      this.pending.set(false);
    }
  }
}
