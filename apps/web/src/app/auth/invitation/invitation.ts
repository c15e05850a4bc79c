import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ROLE_FORMS, ROLE_LABELS, roleLabel, type InvitationDetails, type RoleForm } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { FrDate } from '../../core/format';
import { toUserError, type UserError } from '../../core/problem';
import { SessionStore } from '../../core/session';
import { FieldErrors, focusFirstError, fieldsToFix } from '../../projects/shared/form-helpers';
import { Field, FieldControl } from '../../shared/field';
import { PasswordFields } from '../../shared/password-fields';
import { validateNewPassword } from '../../shared/password-rules';
import { communeOf } from '../../shared/safe-return';

/** « Vous êtes invité·e à rejoindre l’espace de la commune d’Ableiges comme collaborateur. » */
export function invitationSentence(invitation: InvitationDetails): string {
  if (invitation.communeName) {
    const as = invitation.seat === 'mayor' ? 'maire' : 'collaborateur';
    return `Vous êtes invité·e à rejoindre l’espace de la commune ${communeOf(invitation.communeName)} comme ${as}.`;
  }
  const label = ROLE_LABELS[invitation.role] ?? 'Membre';
  const role = label.charAt(0).toLowerCase() + label.slice(1);
  const of = invitation.organisationName ? ` pour ${invitation.organisationName}` : '';
  return `Vous êtes invité·e à rejoindre le Carnet de projets ${invitation.ofDepartement} comme ${role}${of}.`;
}

/** `/invitation/:token`: the invited person chooses their name and password, and is logged in. */
@Component({
  selector: 'app-invitation',
  imports: [FormsModule, RouterLink, PasswordFields, FrDate, Field, FieldControl],
  templateUrl: './invitation.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');

  readonly token = input.required<string>();

  protected readonly invitation = signal<InvitationDetails | null>(null);
  protected readonly loadError = signal<UserError | null>(null);
  protected readonly sentence = computed(() => {
    const invitation = this.invitation();
    return invitation ? invitationSentence(invitation) : '';
  });
  protected readonly displayName = signal('');
  /** « Collaborateur » or « Collaboratrice »…: how the person wants their role written (changeable in « Mon compte »). */
  protected readonly roleForm = signal<RoleForm | null>(null);
  protected readonly roleForms = computed(() => {
    const role = this.invitation()?.role;
    if (!role) return [];
    const options = ROLE_FORMS.map((form) => ({ form, label: roleLabel(role, form) }));
    return options[0].label === options[1].label ? [] : options;
  });
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly me = this.session.me;

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.load(token));
    });
  }

  private async load(token: string): Promise<void> {
    this.invitation.set(null);
    this.loadError.set(null);
    try {
      const invitation = await firstValueFrom(this.api.invitation(token));
      this.invitation.set(invitation);
      this.displayName.set(invitation.displayName);
    } catch (error) {
      this.loadError.set(toUserError(error));
    }
  }

  protected async accept(): Promise<void> {
    if (this.pending()) return;
    const errors = validateNewPassword(this.password(), this.confirmation());
    if (!this.displayName().trim()) errors['displayName'] = 'Indiquez votre prénom et votre nom.';
    this.errors.set(errors);
    this.error.set(null);
    if (Object.keys(errors).length) {
      this.error.set(fieldsToFix(errors));
      this.focusError();
      return;
    }
    this.pending.set(true);
    try {
      const me = await firstValueFrom(
        this.api.acceptInvitation(this.token(), {
          displayName: this.displayName().trim(),
          password: this.password(),
          ...(this.roleForm() ? { roleForm: this.roleForm()! } : {}),
        }),
      );
      this.session.signedIn(me);
      // The list opens on the person's commune, when they have one.
      await this.router.navigateByUrl('/');
    } catch (error) {
      const userError = toUserError(error);
      if (userError.status === 404 || userError.status === 410) {
        this.loadError.set(userError);
        this.invitation.set(null);
        return;
      }
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
