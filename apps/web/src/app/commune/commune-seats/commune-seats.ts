import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { de, type CommuneMembers, type MemberView, type PendingInvitation, type SeatKind } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { FrDate } from '../../core/format';
import { toUserError, type UserError } from '../../core/problem';
import { canManageSeats } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { FieldErrors, focusFirstError, fieldsToFix } from '../../projects/shared/form-helpers';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { Outcome } from '../../shared/outcome';
import { Field, FieldControl } from '../../shared/field';
import { PageProblem } from '../../shared/page-problem';
import { communeOf } from '../../shared/safe-return';
import { NO_FREE_SEAT, freeCollaboratorPlaces, seatSlots } from './seat-slots';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `/ma-commune` (and `/communes/:codeInsee/membres` for the Département): the four seats and who holds them. */
@Component({
  selector: 'app-commune-seats',
  imports: [FormsModule, RouterLink, FrDate, ConfirmDialog, PageProblem, Field, FieldControl, Outcome],
  templateUrl: './commune-seats.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommuneSeats {
  /** « d’Ableiges », « de Vigny ». */
  protected readonly de = communeOf;
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly inviteForm = viewChild<ElementRef<HTMLFormElement>>('inviteForm');
  private readonly releaseDialog = viewChild<ConfirmDialog>('releaseDialog');
  private readonly transferDialog = viewChild<ConfirmDialog>('transferDialog');
  private readonly cancelInvitationDialog = viewChild<ConfirmDialog>('cancelInvitationDialog');
  private readonly invitationsTitle = viewChild<ElementRef<HTMLElement>>('invitationsTitle');
  /** The invitation the confirmation is about. */
  protected readonly cancelTarget = signal<PendingInvitation | null>(null);

  /** Route parameter of `/communes/:codeInsee/membres`; `/ma-commune` uses the person's own commune. */
  readonly codeInsee = input<string | undefined>();
  /** `?place=maire` (from « Inviter le maire » in the administration): the invitation form starts on the mayor's seat. */
  readonly place = input<string | undefined>();

  protected readonly me = this.session.me;
  protected readonly insee = computed(() => this.codeInsee() ?? this.me()?.communeInsee ?? null);
  protected readonly ownCommune = computed(() => !this.codeInsee() || this.codeInsee() === this.me()?.communeInsee);
  protected readonly canManage = computed(() => {
    const insee = this.insee();
    return !!insee && canManageSeats(this.me(), insee);
  });
  protected readonly isAdmin = computed(() => this.me()?.role === 'departement_admin');

  protected readonly members = signal<CommuneMembers | null>(null);
  protected readonly invitations = signal<PendingInvitation[]>([]);
  protected readonly loadError = signal<UserError | null>(null);
  protected readonly invitationsError = signal<string | null>(null);
  protected readonly slots = computed(() => {
    const members = this.members();
    return members ? seatSlots(members, this.invitations()) : [];
  });
  protected readonly freeSeats = computed(() => {
    const members = this.members();
    return members ? freeCollaboratorPlaces(members, this.invitations()) : 0;
  });
  protected readonly mayorSeatOpen = computed(() => {
    const members = this.members();
    return !!members && !members.mayor && !this.invitations().some((i) => i.seat === 'mayor');
  });
  protected readonly noFreeSeatText = NO_FREE_SEAT;
  protected readonly communePhrase = computed(() => {
    const members = this.members();
    return members ? `la commune ${communeOf(members.communeName)}` : 'la commune';
  });

  // Invitation form
  protected readonly inviteName = signal('');
  protected readonly inviteEmail = signal('');
  protected readonly inviteSeat = signal<SeatKind>('collaborator');
  protected readonly inviteErrors = signal<FieldErrors>({});
  protected readonly inviteError = signal<string | null>(null);
  protected readonly inviteFull = computed(() => this.inviteSeat() === 'collaborator' && this.freeSeats() === 0);

  // Seat actions
  protected readonly releaseTarget = signal<MemberView | null>(null);
  protected readonly releaseReason = signal('');
  protected readonly transferTo = signal('');
  protected readonly transferTarget = computed(() => this.members()?.collaborators.find((c) => c.userId === this.transferTo()) ?? null);
  protected readonly transferError = signal<string | null>(null);

  protected readonly pending = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const insee = this.insee();
      const manage = this.canManage();
      untracked(() => void this.load(insee, manage));
    });
    effect(() => {
      if (this.place() === 'maire' && this.isAdmin() && this.mayorSeatOpen()) untracked(() => this.inviteSeat.set('mayor'));
    });
    effect(() => {
      const members = this.members();
      this.title.setTitle(
        members ? `${this.ownCommune() ? 'Ma commune' : 'Membres'} — ${members.communeName} — Carnet de projets` : 'Ma commune — Carnet de projets',
      );
    });
  }

  private async load(insee: string | null, manage: boolean): Promise<void> {
    if (!insee) return;
    try {
      this.members.set(await firstValueFrom(this.api.members(insee)));
      this.loadError.set(null);
    } catch (error) {
      this.members.set(null);
      this.loadError.set(toUserError(error));
      return;
    }
    if (!manage) return;
    try {
      const invitations = await firstValueFrom(this.api.communeInvitations(insee));
      this.invitations.set([...invitations].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)));
      this.invitationsError.set(null);
    } catch (error) {
      this.invitationsError.set(`Les invitations en attente n’ont pas pu être chargées. ${toUserError(error).message}`);
    }
  }

  private reload(): Promise<void> {
    return this.load(this.insee(), this.canManage());
  }

  private begin(): boolean {
    if (this.pending()) return false;
    this.pending.set(true);
    this.message.set(null);
    this.actionError.set(null);
    return true;
  }

  protected async invite(): Promise<void> {
    const insee = this.insee();
    if (!insee || this.inviteFull() || this.pending()) return;
    const errors: FieldErrors = {};
    if (!this.inviteName().trim()) errors['displayName'] = 'Indiquez le prénom et le nom de la personne.';
    if (!EMAIL.test(this.inviteEmail().trim()))
      errors['email'] = 'Indiquez une adresse e-mail complète, par exemple prenom.nom@mairie.fr.';
    this.inviteErrors.set(errors);
    this.inviteError.set(null);
    if (Object.keys(errors).length) {
      this.inviteError.set(fieldsToFix(errors));
      this.focusInviteError();
      return;
    }
    if (!this.begin()) return;
    const body = { email: this.inviteEmail().trim(), displayName: this.inviteName().trim(), seat: this.inviteSeat() };
    try {
      await firstValueFrom(this.api.inviteToCommune(insee, body));
      this.message.set(`Invitation envoyée à ${body.displayName} (${body.email}). La personne reçoit un lien par e-mail pour créer son compte.`);
      this.inviteName.set('');
      this.inviteEmail.set('');
      this.inviteSeat.set('collaborator');
      await this.reload();
    } catch (error) {
      const userError = toUserError(error);
      this.inviteErrors.set(userError.fieldErrors);
      // A refusal by the seat rules (409) says why in its title.
      const problemTitle = userError.status === 409 ? problemTitleOf(error) : null;
      this.inviteError.set(problemTitle ?? userError.message);
      this.focusInviteError();
      if (userError.status === 409) await this.reload();
    } finally {
      this.pending.set(false);
    }
  }

  protected async askCancelInvitation(invitation: PendingInvitation): Promise<void> {
    this.cancelTarget.set(invitation);
    const confirmed = (await this.cancelInvitationDialog()?.ask()) ?? false;
    if (!confirmed) return;
    const insee = this.insee();
    if (!insee || !this.begin()) return;
    try {
      await firstValueFrom(this.api.cancelInvitation(insee, invitation.id));
      this.message.set(`L’invitation ${de(invitation.displayName)} est retirée : le lien ne fonctionne plus.`);
      await this.reload();
      // Its button is gone: the focus goes to the section rather than to the page's start.
      this.invitationsTitle()?.nativeElement.focus();
    } catch (error) {
      this.actionError.set(`L’invitation n’a pas pu être retirée. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  protected async askRelease(member: MemberView): Promise<void> {
    this.releaseTarget.set(member);
    this.releaseReason.set('');
    const confirmed = (await this.releaseDialog()?.ask()) ?? false;
    if (!confirmed) return;
    const insee = this.insee();
    if (!insee || !this.begin()) return;
    try {
      await firstValueFrom(this.api.releaseSeat(insee, member.userId, this.releaseReason().trim() || undefined));
      this.message.set(`La place ${de(member.name)} est libérée. Cette personne n’a plus accès à l’espace de la commune.`);
      await this.reload();
    } catch (error) {
      this.actionError.set(`La place n’a pas pu être libérée. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  protected async askTransfer(): Promise<void> {
    const target = this.transferTarget();
    this.transferError.set(null);
    if (!target) {
      this.transferError.set('Choisissez le collaborateur qui deviendra maire.');
      return;
    }
    const confirmed = (await this.transferDialog()?.ask()) ?? false;
    if (!confirmed) return;
    const insee = this.insee();
    if (!insee || !this.begin()) return;
    try {
      await firstValueFrom(this.api.transferMayor(insee, target.userId));
      this.transferTo.set('');
      const me = await this.session.refresh();
      if (this.session.withoutAccess() || !me) {
        await this.router.navigateByUrl('/acces-retire');
        return;
      }
      this.message.set(`${target.name} est maintenant maire ${this.members() ? communeOf(this.members()!.communeName) : 'de la commune'}.`);
      await this.load(this.insee(), this.canManage());
    } catch (error) {
      this.actionError.set(`Le rôle de maire n’a pas pu être transmis. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  private focusInviteError(): void {
    const form = this.inviteForm();
    if (form) focusFirstError(form.nativeElement);
  }
}

/** The French title of a problem+json answer, if any. */
function problemTitleOf(error: unknown): string | null {
  const body = (error as { error?: unknown })?.error;
  const parsed = typeof body === 'string' ? safeParse(body) : body;
  return parsed && typeof parsed === 'object' && 'title' in parsed && typeof parsed.title === 'string' ? parsed.title : null;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
