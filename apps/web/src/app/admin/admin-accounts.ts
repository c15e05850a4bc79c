import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type {
  AccountListKind,
  AdminAccountKind,
  AdminAccountRow,
  AdminInvitationRequest,
  DepartementOverview,
  OrganisationView,
  PendingStaffInvitation,
} from '@carnet/contracts';
import { de, roleLabel, type RoleKey } from '@carnet/contracts';
import { AgentTeams } from './agent-teams';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { FrDate } from '../core/format';
import { toUserError, type UserError } from '../core/problem';
import { canAdminister } from '../core/roles';
import { SessionStore } from '../core/session';
import { Outcome } from '../shared/outcome';
import { FieldErrors, focusFirstError, fieldsToFix } from '../projects/shared/form-helpers';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { Field, FieldControl } from '../shared/field';
import { PageProblem } from '../shared/page-problem';

export const ACCOUNT_KIND_LABELS: Record<AdminAccountKind, string> = {
  departement_agent: 'Agent du Département',
  departement_admin: 'Administrateur du Département',
  partner_member: 'Membre d’un partenaire',
  auditor: 'Auditeur',
};

/** The list also shows the communes' elected officials and collaborators, who are seated through « Communes ». */
const LIST_KIND_LABELS: Record<AccountListKind, string> = { ...ACCOUNT_KIND_LABELS, commune: 'Élu ou collaborateur d’une commune', national_admin: 'Administrateur national' };
/** What a national administrator lists (issue #17): every Département's staff, not the communes' members. */
const NATIONAL_LIST_KINDS = (Object.entries(LIST_KIND_LABELS) as Array<[AccountListKind, string]>).filter(([k]) => k !== 'commune');
/** … and whom they invite: a Département's staff and auditors (its partners are its administrators' business). */
const NATIONAL_INVITE_KINDS = (Object.entries(ACCOUNT_KIND_LABELS) as Array<[AdminAccountKind, string]>).filter(([k]) => k !== 'partner_member');

const SEAT_LABELS = { mayor: 'Maire', collaborator: 'Collaborateur' } as const;

const STATUS_LABELS: Record<string, string> = {
  active: 'Actif',
  disabled: 'Désactivé',
  invited: 'Invitation en attente',
  pending: 'Invitation en attente',
  erased: 'Effacé',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Component({
  selector: 'app-admin-accounts',
  imports: [FormsModule, FrDate, PageProblem, ConfirmDialog, Field, FieldControl, Outcome, AgentTeams],
  template: `
    <h2 tabindex="-1" #accountsTitle>Comptes</h2>
    @if (national()) {
      <p>
        Les comptes des agents, administrateurs et auditeurs de chaque département servi. Invitez le premier administrateur d’un
        département : il invite ensuite ses agents, ses partenaires et les élus de ses communes.
      </p>
    } @else {
      <p>
        Les places des communes (maire et trois collaborateurs) se donnent et se libèrent dans l’onglet « Communes ». Ici, choisissez
        « {{ kindLabels['commune'] }} » pour retrouver une personne d’une commune et, si elle le demande, effacer ses données.
      </p>
    }
    <app-outcome page [success]="message()" [error]="actionError()" />
    <div class="filters">
      <app-field label="Type de compte">
        <select appFieldControl id="account-kind" [value]="kindFilter()" (change)="filter($any($event.target).value)">
          <option value="">Tous</option>
          @for (k of listKinds; track k[0]) {
            <option [value]="k[0]">{{ k[1] }}</option>
          }
        </select>
      </app-field>
    </div>
    @if (loadError(); as e) {
      <app-page-problem [error]="e" forbiddenText="la liste des comptes est réservée au Département." />
    } @else if (accounts().length === 0 && !loading()) {
      <p>Aucun compte de ce type.</p>
    } @else if (accounts().length > 0) {
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>{{ national() ? 'Comptes des départements' : kindFilter() === 'commune' ? 'Élus et collaborateurs des communes' : 'Comptes du Département, des partenaires et des auditeurs' }}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Type</th>
              @if (national()) {
                <th scope="col">Département</th>
              } @else {
                <th scope="col">Organisme, commune ou équipes</th>
              }
              <th scope="col">État</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (a of accounts(); track a.id) {
              <tr>
                <th scope="row" data-label="Nom">{{ a.displayName }}</th>
                <td data-label="Adresse e-mail" class="table__email">{{ a.email }}</td>
                <td data-label="Type">{{ kindOf(a) }}</td>
                @if (national()) {
                  <td data-label="Département">{{ a.departementName || '—' }}</td>
                } @else {
                  <td data-label="Organisme, commune ou équipes">
                    @if (a.kind === 'departement_agent' || a.kind === 'departement_admin') {
                      <app-agent-teams [account]="a" [editable]="canEditTeams()" (saved)="load()" />
                    } @else {
                      {{ a.kind === 'commune' ? seatText(a) : organisationName(a.organisationId) }}
                    }
                  </td>
                }
                <td data-label="État">{{ statusLabel(a.status) }}</td>
                <td class="table__actions">
                  @if (canAct() && a.kind !== 'commune' && a.status !== 'disabled' && a.id !== me()?.id) {
                    <button type="button" class="button button--small" [disabled]="pending()" (click)="askDisable(a)">
                      Désactiver<span class="visually-hidden"> le compte {{ de(a.displayName) }}</span>
                    </button>
                  }
                  @if (canAct() && !national() && a.id !== me()?.id) {
                    <button type="button" class="button button--small" [disabled]="pending()" (click)="askErase(a)">
                      Effacer les données<span class="visually-hidden"> {{ de(a.displayName) }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }

    @if (canAct()) {
      <section class="pending-invitations" aria-labelledby="pending-invitations-title">
        <h3 id="pending-invitations-title" tabindex="-1" #invitationsTitle>Invitations en attente</h3>
        <p class="hint">
          Les personnes invitées ci-dessous n’ont pas encore créé leur compte. Retirer une invitation rend son lien inutilisable (mauvaise
          adresse, personne partie…).
        </p>
        <app-outcome [success]="invitationMessage()" [error]="invitationError()" />
        @if (invitationsLoadError(); as text) {
          <p class="alert alert--error">{{ text }}</p>
        } @else if (invitations().length === 0 && !invitationsLoading()) {
          <p>Aucune invitation en attente.</p>
        } @else if (invitations().length > 0) {
          <div class="table-wrap">
            <table class="table table--stack">
              <caption>Invitations en attente des agents, administrateurs, auditeurs et partenaires</caption>
              <thead>
                <tr>
                  <th scope="col">Personne invitée</th>
                  <th scope="col">Type</th>
                  @if (national()) {
                    <th scope="col">Département</th>
                  } @else {
                    <th scope="col">Organisme</th>
                  }
                  <th scope="col">Valable jusqu’au</th>
                  <th scope="col">Envoyée par</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                @for (i of invitations(); track i.id) {
                  <tr>
                    <th scope="row" data-label="Personne invitée">
                      {{ i.displayName }}
                      <span class="table__sub">{{ i.email }}</span>
                    </th>
                    <td data-label="Type">{{ kindLabels[i.kind] ?? i.kindLabel }}</td>
                    @if (national()) {
                      <td data-label="Département">{{ i.departementName }}</td>
                    } @else {
                      <td data-label="Organisme">{{ i.organisationName ?? '—' }}</td>
                    }
                    <td data-label="Valable jusqu’au">{{ i.expiresAt | frDate: true }}</td>
                    <td data-label="Envoyée par">{{ i.invitedBy }}</td>
                    <td class="table__actions">
                      <button type="button" class="button button--small" [disabled]="pending()" (click)="askRevoke(i)">
                        Retirer l’invitation<span class="visually-hidden"> {{ de(i.displayName) }}</span>
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      <form #form class="form form--compact" novalidate (ngSubmit)="invite()" aria-labelledby="account-invite-title">
        <h3 id="account-invite-title">Inviter une personne</h3>
        <p class="hint">Elle reçoit un e-mail avec un lien pour créer son compte.</p>
        <div class="form-error" role="alert">
          @if (error(); as text) {
            <p class="alert alert--error">{{ text }}</p>
          }
        </div>
        <div class="form-row">
          <app-field label="Prénom et nom" [error]="errors()['displayName']">
            <input appFieldControl id="account-name" name="displayName" type="text" autocomplete="off" [(ngModel)]="displayName" />
          </app-field>
          <app-field label="Adresse e-mail" [error]="errors()['email']">
            <input appFieldControl id="account-email" name="email" type="email" autocomplete="off" spellcheck="false" [(ngModel)]="email" />
          </app-field>
        </div>
        @if (national()) {
          <div class="form-row">
            <app-field label="Département" [error]="errors()['departement']">
              <select appFieldControl id="account-departement" name="departement" [(ngModel)]="departement">
                <option value="">Choisir un département</option>
                @for (d of departements(); track d.code) {
                  <option [value]="d.code">{{ d.name }} ({{ d.code }})</option>
                }
              </select>
            </app-field>
          </div>
        }
        <div class="form-row">
          <app-field label="Type de compte" [error]="errors()['kind']">
            <select appFieldControl id="account-new-kind" name="kind" [(ngModel)]="kind">
              <option value="">Choisir un type</option>
              @for (k of kinds; track k[0]) {
                <option [value]="k[0]">{{ k[1] }}</option>
              }
            </select>
          </app-field>
          @if (kind() === 'partner_member') {
            <app-field label="Organisme partenaire" [error]="errors()['organisationId']">
              <select appFieldControl id="account-organisation" name="organisationId" [(ngModel)]="organisationId">
                <option value="">Choisir un organisme</option>
                @for (o of organisations(); track o.id) {
                  <option [value]="o.id">{{ o.name }}</option>
                }
              </select>
            </app-field>
          }
        </div>
        <div class="form-actions">
          <button type="submit" class="button button--primary" [disabled]="pending()">Envoyer l’invitation</button>
        </div>
      </form>
    }

    <app-confirm-dialog
      #disableDialog
      [heading]="question('Désactiver le compte', disableTarget()?.displayName)"
      confirmLabel="Désactiver le compte"
      [danger]="true"
    >
      <p>
        {{ disableTarget()?.displayName }} ne pourra plus se connecter, et ses connexions en cours sont fermées. Ce que cette personne a
        écrit reste dans l’historique des projets.
      </p>
    </app-confirm-dialog>

    <app-confirm-dialog
      #revokeDialog
      [heading]="question('Retirer l’invitation', revokeTarget()?.displayName)"
      confirmLabel="Retirer l’invitation"
      [danger]="true"
    >
      <p>
        Le lien envoyé à {{ revokeTarget()?.email }} ne fonctionnera plus : {{ revokeTarget()?.displayName }} ne pourra pas créer son
        compte avec. Vous pourrez l’inviter à nouveau si besoin.
      </p>
    </app-confirm-dialog>

    <app-confirm-dialog
      #eraseDialog
      [heading]="question('Effacer les données personnelles', eraseTarget()?.displayName)"
      confirmLabel="Effacer définitivement"
      [danger]="true"
    >
      <p>
        Le nom, l’adresse e-mail et le mot de passe {{ de(eraseTarget()?.displayName ?? '') }} sont supprimés définitivement, ainsi que les
        invitations qui lui ont été envoyées. Dans l’historique des projets, ses actions restent, au nom de « Personne effacée ».
        Cette action ne peut pas être annulée.
      </p>
    </app-confirm-dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminAccounts {
  /** « Désactiver le compte d’Anne Lambert ? »: the name elided after « de », the « ? » kept on its line (no-break space). */
  protected readonly de = de;
  /** Only a Département's administrator routes its agents' questions (the API says the same). */
  protected readonly canEditTeams = computed(() => this.me()?.role === 'departement_admin');
  /** A person's role as they chose to have it written (« Administratrice du Département »); the commune members' category as it is. */
  protected kindOf(a: AdminAccountRow): string {
    return a.kind === 'commune' ? (this.kindLabels[a.kind] ?? a.kind) : roleLabel(a.kind as RoleKey, a.roleForm);
  }
  protected question(action: string, name: string | undefined): string {
    return `${action} ${de(name ?? '')}\u00a0?`;
  }
  private readonly api = inject(Api);
  protected readonly me = inject(SessionStore).me;
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');
  private readonly disableDialog = viewChild.required<ConfirmDialog>('disableDialog');
  private readonly eraseDialog = viewChild.required<ConfirmDialog>('eraseDialog');
  private readonly revokeDialog = viewChild.required<ConfirmDialog>('revokeDialog');
  private readonly invitationsTitle = viewChild<ElementRef<HTMLElement>>('invitationsTitle');
  private readonly accountsTitle = viewChild<ElementRef<HTMLElement>>('accountsTitle');
  protected readonly canAct = computed(() => canAdminister(this.me()));
  protected readonly national = computed(() => this.me()?.role === 'national_admin');
  protected readonly kindLabels: Record<string, string | undefined> = LIST_KIND_LABELS;
  protected readonly kinds = this.national() ? NATIONAL_INVITE_KINDS : (Object.entries(ACCOUNT_KIND_LABELS) as Array<[AdminAccountKind, string]>);
  protected readonly listKinds = this.national() ? NATIONAL_LIST_KINDS : (Object.entries(LIST_KIND_LABELS) as Array<[AccountListKind, string]>).filter(([k]) => k !== 'national_admin');
  /** The Départements served, for a national administrator's invitations. */
  protected readonly departements = signal<DepartementOverview[]>([]);
  protected readonly departement = signal('');

  protected readonly kindFilter = signal<AccountListKind | ''>('');
  protected readonly accounts = signal<AdminAccountRow[]>([]);
  protected readonly organisations = signal<OrganisationView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<UserError | null>(null);

  protected readonly displayName = signal('');
  protected readonly email = signal('');
  protected readonly kind = signal<AdminAccountKind | ''>('');
  protected readonly organisationId = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly disableTarget = signal<AdminAccountRow | null>(null);
  protected readonly eraseTarget = signal<AdminAccountRow | null>(null);

  // Pending invitations of staff and partners (administrators only)
  protected readonly invitations = signal<PendingStaffInvitation[]>([]);
  protected readonly invitationsLoading = signal(true);
  protected readonly invitationsLoadError = signal<string | null>(null);
  protected readonly invitationMessage = signal<string | null>(null);
  protected readonly invitationError = signal<string | null>(null);
  protected readonly revokeTarget = signal<PendingStaffInvitation | null>(null);

  constructor() {
    void this.load();
    if (this.national()) void this.loadDepartements();
    else void this.loadOrganisations();
    if (this.canAct()) void this.loadInvitations();
  }

  private async loadDepartements(): Promise<void> {
    try {
      this.departements.set(await firstValueFrom(this.api.departements()));
    } catch (error) {
      this.error.set(`La liste des départements n’a pas pu être chargée. ${toUserError(error).message}`);
    }
  }

  protected organisationName(id: string | null): string {
    if (!id) return '—';
    return this.organisations().find((o) => o.id === id)?.name ?? '—';
  }

  protected seatText(account: AdminAccountRow): string {
    const commune = account.commune;
    return commune ? `${SEAT_LABELS[commune.seat]} — ${commune.name}` : 'Sans place';
  }

  protected statusLabel(status: string): string {
    return STATUS_LABELS[status] ?? status;
  }

  protected filter(kind: string): void {
    this.kindFilter.set(kind as AccountListKind | '');
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      const accounts = await firstValueFrom(this.api.accounts(this.kindFilter()));
      this.accounts.set([...accounts].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')));
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(toUserError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private async loadInvitations(): Promise<void> {
    this.invitationsLoading.set(true);
    try {
      this.invitations.set(await firstValueFrom(this.api.staffInvitations()));
      this.invitationsLoadError.set(null);
    } catch (error) {
      this.invitationsLoadError.set(`Les invitations en attente n’ont pas pu être chargées. ${toUserError(error).message}`);
    } finally {
      this.invitationsLoading.set(false);
    }
  }

  private async loadOrganisations(): Promise<void> {
    try {
      this.organisations.set(await firstValueFrom(this.api.organisations()));
    } catch {
      // Names of organisations are then shown as « — »; the partner tab reports the error.
    }
  }

  protected async invite(): Promise<void> {
    if (this.pending()) return;
    const errors: FieldErrors = {};
    if (!this.displayName().trim()) errors['displayName'] = 'Indiquez le prénom et le nom de la personne.';
    if (!EMAIL.test(this.email().trim())) errors['email'] = 'Indiquez une adresse e-mail complète.';
    if (this.national() && !this.departement()) errors['departement'] = 'Choisissez le département pour lequel cette personne travaillera.';
    if (!this.kind()) errors['kind'] = 'Choisissez le type de compte.';
    if (this.kind() === 'partner_member' && !this.organisationId())
      errors['organisationId'] = 'Choisissez l’organisme partenaire (ajoutez-le d’abord dans « Partenaires » s’il manque).';
    this.errors.set(errors);
    this.error.set(null);
    this.message.set(null);
    this.clearInvitationFeedback();
    if (Object.keys(errors).length) {
      this.error.set(fieldsToFix(errors));
      this.focusError();
      return;
    }
    const body: AdminInvitationRequest = {
      email: this.email().trim(),
      displayName: this.displayName().trim(),
      kind: this.kind() as AdminAccountKind,
      ...(this.kind() === 'partner_member' ? { organisationId: this.organisationId() } : {}),
      ...(this.national() ? { departement: this.departement() } : {}),
    };
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.inviteAccount(body));
      this.message.set(`Invitation envoyée à ${body.displayName} (${body.email}).`);
      this.displayName.set('');
      this.email.set('');
      this.kind.set('');
      this.organisationId.set('');
      this.departement.set('');
      await Promise.all([this.load(), this.loadInvitations()]);
    } catch (error) {
      const userError = toUserError(error);
      this.errors.set(userError.fieldErrors);
      this.error.set(userError.message);
      this.focusError();
    } finally {
      this.pending.set(false);
    }
  }

  protected async askDisable(account: AdminAccountRow): Promise<void> {
    this.disableTarget.set(account);
    if (!(await this.disableDialog().ask())) return;
    this.pending.set(true);
    this.message.set(null);
    this.actionError.set(null);
    this.clearInvitationFeedback();
    try {
      await firstValueFrom(this.api.disableAccount(account.id));
      this.message.set(`Le compte ${de(account.displayName)} est désactivé.`);
      await this.load();
      // Its « Désactiver » button is gone: the focus goes to the section rather than to the page's start.
      this.accountsTitle()?.nativeElement.focus();
    } catch (error) {
      this.actionError.set(`Le compte n’a pas pu être désactivé. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  protected async askErase(account: AdminAccountRow): Promise<void> {
    this.eraseTarget.set(account);
    if (!(await this.eraseDialog().ask())) return;
    this.pending.set(true);
    this.message.set(null);
    this.actionError.set(null);
    this.clearInvitationFeedback();
    try {
      await firstValueFrom(this.api.eraseAccount(account.id));
      this.message.set('Les données personnelles ont été effacées.');
      await this.load();
      this.accountsTitle()?.nativeElement.focus();
    } catch (error) {
      this.actionError.set(`Les données n’ont pas pu être effacées. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  protected async askRevoke(invitation: PendingStaffInvitation): Promise<void> {
    this.revokeTarget.set(invitation);
    if (!(await this.revokeDialog().ask())) return;
    this.pending.set(true);
    this.message.set(null);
    this.actionError.set(null);
    this.clearInvitationFeedback();
    try {
      await firstValueFrom(this.api.revokeStaffInvitation(invitation.id));
      this.invitationMessage.set(`L’invitation ${de(invitation.displayName)} est retirée : le lien envoyé à ${invitation.email} ne fonctionne plus.`);
      // The row and its button are gone: the focus goes to the section rather than to the page's start.
      this.invitationsTitle()?.nativeElement.focus();
    } catch (error) {
      this.invitationError.set(`L’invitation n’a pas pu être retirée. ${toUserError(error).message}`);
    } finally {
      // Also after a refusal: the invitation may have been accepted or taken back meanwhile.
      await this.loadInvitations();
      this.pending.set(false);
    }
  }

  private clearInvitationFeedback(): void {
    this.invitationMessage.set(null);
    this.invitationError.set(null);
  }

  private focusError(): void {
    const form = this.form();
    if (form) focusFirstError(form.nativeElement);
  }
}
