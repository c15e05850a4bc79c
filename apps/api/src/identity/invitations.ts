import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Account, AccountKind, AccountStore, Invitation } from '@carnet/account-store';
import { COLLABORATOR_SEATS, type AdminAccountKind, type InvitationDetails, type SeatKind } from '@carnet/contracts';
import { departementOfCommune, type Actor } from '@carnet/domain';
import { assertCommuneOfDepartement } from '../communes/commune-access.js';
import { CommuneCatalog, deCommune, OF_DEPARTEMENT } from '../communes/commune-catalog.js';
import { CommuneSeatCommands } from '../communes/commune-seat.commands.js';
import { OrganisationDirectory } from '../communes/organisation-directory.js';
import { SeatDirectory } from '../communes/seat-directory.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';
import { Mailer } from './mailer.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';
import { newSecretToken, tokenHash } from './secret-token.js';

const INVITATION_DAYS = 7;
const DAY = 86_400_000;

const forbidden = (detail: string) => new ProblemException(403, 'forbidden', 'Action non autorisée', detail);
const notFound = () => new ProblemException(404, 'invitation_not_found', 'Cette invitation n’existe pas ou a déjà servi.');
const expired = () => new ProblemException(410, 'invitation_expired', 'Cette invitation a expiré. Demandez-en une nouvelle.');

const ROLE_OF_KIND: Record<Exclude<AccountKind, 'commune'>, InvitationDetails['role']> = {
  departement_agent: 'departement_agent',
  departement_admin: 'departement_admin',
  auditor: 'auditor',
  partner_member: 'partner_member',
  national_admin: 'national_admin',
};

/** Who administers the Départements' staff: each Département's administrators, and the national administrators (issue #17). */
const isStaffAdministrator = (actor: Actor): boolean => actor.role === 'departement_admin' || actor.role === 'national_admin';

/** Invitations by e-mail: who may invite whom, seat capacity, single-use tokens, acceptance. */
@Injectable()
export class Invitations {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly mailer: Mailer,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly communes: CommuneCatalog,
    private readonly seats: SeatDirectory,
    private readonly seatCommands: CommuneSeatCommands,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** A mayor invites collaborators of their commune; a Département administrator invites anyone to any eligible commune. */
  async inviteToCommune(actor: Actor, codeInsee: string, input: { email: string; displayName: string; seat: SeatKind }): Promise<Invitation> {
    const commune = this.communes.get(codeInsee);
    if (!commune?.eligible) throw new ProblemException(404, 'commune_not_found', 'Cette commune n’a pas d’espace sur la plateforme.');
    assertCommuneOfDepartement(actor, codeInsee);
    const isAdmin = actor.role === 'departement_admin';
    const isMayorHere = actor.role === 'commune_mayor' && actor.communeInsee === codeInsee;
    if (!isAdmin && !(isMayorHere && input.seat === 'collaborator')) {
      throw forbidden(isMayorHere ? 'Seul le Département peut inviter un maire.' : 'Seul le maire de la commune ou le Département peut inviter.');
    }
    const existing = await this.store.findAccountByEmail(input.email);
    if (existing && (await this.seats.seatOf(existing.id))) {
      throw new ProblemException(409, 'already_seated', 'Cette personne occupe déjà une place dans une commune.');
    }
    if (input.seat === 'collaborator') {
      const [seats, pending] = await Promise.all([this.seats.seatsOf(codeInsee), this.pendingOf(codeInsee)]);
      const reserved = seats.collaborators.length + pending.filter((i) => i.seat === 'collaborator').length;
      if (reserved >= COLLABORATOR_SEATS) {
        throw new ProblemException(
          409,
          'collaborator_seats_full',
          'Les trois places de collaborateur sont occupées ou réservées par une invitation en attente. Libérez une place avant d’inviter quelqu’un d’autre.',
        );
      }
    }
    return this.create(actor, {
      email: input.email,
      displayName: input.displayName,
      kind: 'commune',
      communeInsee: codeInsee,
      seat: input.seat,
      organisationId: null,
    });
  }

  /**
   * Département staff, auditors and partner members: a Département's administrators invite for their
   * Département; a national administrator for any Département served, which they must name.
   */
  async inviteStaff(actor: Actor, input: { email: string; displayName: string; kind: AdminAccountKind; organisationId?: string; departement?: string }): Promise<Invitation> {
    if (!isStaffAdministrator(actor)) throw forbidden('Seul un administrateur du Département peut inviter ces comptes.');
    const departement = this.invitedDepartement(actor, input.departement);
    // Partner organisations are each Département's: their members are invited by its administrators.
    if (actor.role === 'national_admin' && input.kind === 'partner_member') {
      throw forbidden('Les membres d’un partenaire sont invités par l’administrateur de leur département.');
    }
    let organisationId: string | null = null;
    if (input.kind === 'partner_member') {
      if (!input.organisationId) {
        throw new ProblemException(400, 'validation', 'Certains champs sont invalides', 'L’organisation est obligatoire pour un partenaire.', [
          { field: 'organisationId', message: 'L’organisation est obligatoire pour un partenaire.' },
        ]);
      }
      if (!(await this.organisations.get(input.organisationId, departement))) {
        throw new ProblemException(422, 'unknown_organisation', 'Cette organisation n’existe pas.', undefined, [
          { field: 'organisationId', message: 'Cette organisation n’existe pas.' },
        ]);
      }
      organisationId = input.organisationId;
    }
    const existing = await this.store.findAccountByEmail(input.email);
    if (existing && existing.status === 'active' && existing.passwordHash) {
      throw new ProblemException(409, 'account_exists', 'Un compte existe déjà avec cette adresse e-mail.');
    }
    // The new account works for the inviting administrator's Département, or the one the national administrator named (issue #17).
    return this.create(actor, { email: input.email, displayName: input.displayName, kind: input.kind, communeInsee: null, seat: null, organisationId, departement });
  }

  /** The Département a staff invitation is for: checked against who invites (400 naming the field otherwise). */
  private invitedDepartement(actor: Actor, asked: string | undefined): string {
    const refuse = (message: string) => new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'departement', message }]);
    if (actor.role === 'national_admin') {
      if (!asked) throw refuse('Choisissez le département pour lequel cette personne travaillera.');
      if (!this.communes.serves(asked)) throw refuse(`Cette instance ne sert pas le département ${asked}.`);
      return asked;
    }
    const own = actor.departement ?? this.communes.departement;
    if (asked && asked !== own) throw refuse('Vous invitez des personnes pour votre département seulement.');
    return own;
  }

  pendingOf(codeInsee: string): Promise<Invitation[]> {
    return this.store.listPendingInvitations({ communeInsee: codeInsee }, this.clock.now().toISOString());
  }

  /** Pending invitations of a commune: its mayor, the Département's staff and auditors (who read everything). */
  async listForCommune(actor: Actor, codeInsee: string): Promise<Invitation[]> {
    const allowed =
      actor.role === 'departement_admin' || actor.role === 'departement_agent' || actor.role === 'auditor' || (actor.role === 'commune_mayor' && actor.communeInsee === codeInsee);
    if (!allowed) throw forbidden('Seuls le maire de la commune et le Département voient les invitations en attente.');
    assertCommuneOfDepartement(actor, codeInsee);
    return this.pendingOf(codeInsee);
  }

  /** Pending invitations to no commune (Département staff, auditors, partner members): Département administrators only. */
  async listStaff(actor: Actor): Promise<Invitation[]> {
    if (!isStaffAdministrator(actor)) {
      throw forbidden('Seul un administrateur du Département voit les invitations en attente des agents, auditeurs et partenaires.');
    }
    const pending = await this.store.listPendingInvitations({ communeInsee: null }, this.clock.now().toISOString());
    return pending.filter((i) => this.ofActorsDepartement(actor, i));
  }

  /**
   * An invitation to no commune belongs to the Département it names, else the home one; a national
   * administrator's are all. A national administrator's own invitation is no Département's to see or take back.
   */
  private ofActorsDepartement(actor: Actor, invitation: Invitation): boolean {
    if (actor.role === 'national_admin') return true;
    return invitation.kind !== 'national_admin' && this.departementOf(invitation) === actor.departement;
  }

  /** The Département an invitation to no commune is for. */
  departementOf(invitation: Invitation): string {
    return invitation.departement ?? this.communes.departement;
  }

  /** Takes back an invitation to no commune: its link stops working (Département administrators only). */
  async revokeStaff(actor: Actor, id: string): Promise<void> {
    if (!isStaffAdministrator(actor)) throw forbidden('Seul un administrateur du Département peut retirer cette invitation.');
    const invitation = await this.store.getInvitation(id);
    // Commune invitations are taken back from the commune's page (their own rules); a used or revoked one is gone.
    if (!invitation || invitation.communeInsee !== null || !this.ofActorsDepartement(actor, invitation)) throw notFound();
    if (!(await this.store.revokeInvitation(id, this.clock.now().toISOString()))) throw notFound();
  }

  async revoke(actor: Actor, codeInsee: string, id: string): Promise<void> {
    const invitation = await this.store.getInvitation(id);
    assertCommuneOfDepartement(actor, codeInsee);
    if (!invitation || invitation.communeInsee !== codeInsee) throw new ProblemException(404, 'invitation_not_found', 'Cette invitation n’existe pas.');
    const allowed = actor.role === 'departement_admin' || (actor.role === 'commune_mayor' && actor.communeInsee === codeInsee && invitation.seat === 'collaborator');
    if (!allowed) throw forbidden('Seul le maire (pour ses collaborateurs) ou un administrateur du Département peut retirer cette invitation.');
    // Already accepted or taken back: nothing left to take back.
    if (!(await this.store.revokeInvitation(id, this.clock.now().toISOString()))) {
      throw new ProblemException(404, 'invitation_not_found', 'Cette invitation n’existe pas ou a déjà servi.');
    }
  }

  /** The invitation a token designates, if it may still be accepted (404 / 410 problems otherwise). */
  async usable(token: string): Promise<Invitation> {
    const invitation = await this.store.findInvitationByTokenHash(tokenHash(token));
    if (!invitation || invitation.usedAt || invitation.revokedAt) throw notFound();
    if (Date.parse(invitation.expiresAt) <= this.clock.now().getTime()) throw expired();
    return invitation;
  }

  async details(token: string): Promise<InvitationDetails> {
    const i = await this.usable(token);
    const organisation = i.organisationId ? await this.organisations.get(i.organisationId) : null;
    return {
      email: i.email,
      displayName: i.displayName,
      role: i.kind === 'commune' ? (i.seat === 'mayor' ? 'commune_mayor' : 'commune_member') : ROLE_OF_KIND[i.kind],
      communeInsee: i.communeInsee,
      communeName: i.communeInsee ? this.communes.nameOf(i.communeInsee) : null,
      seat: i.seat,
      organisationName: organisation?.name ?? null,
      ofDepartement: OF_DEPARTEMENT.get(i.communeInsee ? departementOfCommune(i.communeInsee) : (i.departement ?? this.communes.departement)) ?? '',
      expiresAt: i.expiresAt,
    };
  }

  /**
   * Accepts: checks the password, uses the token (atomically: of two simultaneous acceptances one
   * gets 404), creates the account or reuses the person's seatless account of the same kind, and
   * for a commune invitation takes the seat.
   */
  async accept(token: string, input: { displayName: string; password: string; roleForm?: 'masculine' | 'feminine' }): Promise<Account> {
    const invitation = await this.usable(token);
    const problems = this.policy.check(input.password, invitation.email);
    if (problems.length) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', problems.map((p) => p.message).join(' '), problems);
    }
    const existing = await this.store.findAccountByEmail(invitation.email);
    if (existing) {
      const reusable = existing.kind === invitation.kind && existing.status !== 'erased' && !(await this.seats.seatOf(existing.id));
      if (!reusable) throw new ProblemException(409, 'account_exists', 'Un compte existe déjà avec cette adresse e-mail.');
    }
    const passwordHash = await this.hasher.hash(input.password);
    const now = this.clock.now().toISOString();
    if (!(await this.store.consumeInvitation(invitation.id, now))) throw notFound();
    let account: Account;
    if (existing) {
      const changes = {
        displayName: input.displayName,
        passwordHash,
        status: 'active' as const,
        organisationId: invitation.organisationId ?? existing.organisationId,
        ...(invitation.departement ? { departement: invitation.departement } : {}),
        ...(input.roleForm ? { roleForm: input.roleForm } : {}),
        updatedAt: now,
      };
      await this.store.updateAccount(existing.id, changes);
      account = { ...existing, ...changes };
    } else {
      account = {
        id: randomUUID(),
        email: invitation.email,
        displayName: input.displayName,
        passwordHash,
        kind: invitation.kind,
        organisationId: invitation.organisationId,
        ...(invitation.departement ? { departement: invitation.departement } : {}),
        status: 'active',
        demo: false,
        ...(input.roleForm ? { roleForm: input.roleForm } : {}),
        createdAt: now,
        updatedAt: now,
      };
      await this.store.createAccount(account);
    }
    if (invitation.communeInsee && invitation.seat) {
      const self: Actor = {
        id: account.id,
        displayName: account.displayName,
        role: invitation.seat === 'mayor' ? 'commune_mayor' : 'commune_member',
        communeInsee: invitation.communeInsee,
      };
      await this.seatCommands.assign(invitation.communeInsee, account.id, invitation.seat, invitation.id, self);
    }
    return account;
  }

  private async create(actor: Actor, fields: Pick<Invitation, 'email' | 'displayName' | 'kind' | 'communeInsee' | 'seat' | 'organisationId' | 'departement'>): Promise<Invitation> {
    const token = newSecretToken();
    const now = this.clock.now();
    const invitation: Invitation = {
      id: randomUUID(),
      tokenHash: tokenHash(token),
      ...fields,
      email: fields.email.trim().toLowerCase(),
      invitedBy: actor.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY).toISOString(),
      usedAt: null,
      revokedAt: null,
    };
    await this.store.createInvitation(invitation);
    const what = fields.communeInsee
      ? `${fields.seat === 'mayor' ? 'maire' : 'collaborateur ou collaboratrice'} de la commune ${deCommune(this.communes.nameOf(fields.communeInsee))}`
      : { departement_agent: 'agent du Département', departement_admin: 'administrateur du Département', auditor: 'auditeur', partner_member: 'partenaire', national_admin: 'administrateur national', commune: '' }[fields.kind];
    const link = `${this.config.publicUrl}/invitation/${token}`;
    await this.mailer.send({
      to: invitation.email,
      subject: 'Invitation sur Carnet de projets',
      text: [
        `Bonjour ${fields.displayName},`,
        '',
        `${actor.displayName} vous invite sur Carnet de projets en tant que ${what}.`,
        '',
        'Pour accepter et choisir votre mot de passe, ouvrez ce lien :',
        link,
        '',
        `Ce lien est valable ${INVITATION_DAYS} jours et ne sert qu’une fois.`,
        'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
        '',
        'Carnet de projets',
      ].join('\n'),
    });
    return invitation;
  }
}
