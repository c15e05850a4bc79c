import { DEPARTEMENT_NAMES } from '../../../communes/commune-catalog.js';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import { ROLE_LABELS, type AdminAccountKind, type PendingInvitation, type PendingStaffInvitation } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OrganisationDirectory } from '../../../communes/organisation-directory.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ACCOUNT_STORE } from '../../account-store.provider.js';
import { Invitations } from '../../invitations.js';

@ApiTags('Invitations')
@Controller()
export class ListInvitationsHttpController {
  constructor(
    private readonly invitations: Invitations,
    private readonly organisations: OrganisationDirectory,
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
  ) {}

  @Get('communes/:codeInsee/invitations')
  @ApiOperation({ summary: 'Invitations en attente d’une commune (son maire, le Département)' })
  @ApiOkResponse({ description: 'Les invitations ni acceptées, ni retirées, ni expirées' })
  @ProblemResponses(401, 403, 404)
  async list(@Param('codeInsee') codeInsee: string, @CurrentActor() actor: Actor): Promise<PendingInvitation[]> {
    const pending = await this.invitations.listForCommune(actor, codeInsee);
    const inviters = await this.store.getAccounts(pending.map((i) => i.invitedBy));
    return pending.map((i) => ({
      id: i.id,
      email: i.email,
      displayName: i.displayName,
      seat: i.seat!,
      expiresAt: i.expiresAt,
      invitedBy: inviters.get(i.invitedBy)?.displayName ?? 'Plateforme',
    }));
  }

  @Get('admin/invitations')
  @ApiOperation({ summary: 'Invitations en attente des agents, administrateurs, auditeurs et partenaires (administrateur du Département : les siennes ; administrateur national : toutes)' })
  @ApiOkResponse({ description: 'Les invitations sans commune ni acceptées, ni retirées, ni expirées, les plus anciennes d’abord' })
  @ProblemResponses(401, 403)
  async staff(@CurrentActor() actor: Actor): Promise<PendingStaffInvitation[]> {
    const pending = await this.invitations.listStaff(actor);
    const inviters = await this.store.getAccounts(pending.map((i) => i.invitedBy));
    const organisationIds = [...new Set(pending.flatMap((i) => (i.organisationId ? [i.organisationId] : [])))];
    const organisations = new Map(await Promise.all(organisationIds.map(async (id) => [id, (await this.organisations.get(id))?.name ?? null] as const)));
    return pending.map((i) => {
      // Invitations to no commune are of the kinds an administrator invites.
      const kind = i.kind as AdminAccountKind;
      return {
        id: i.id,
        email: i.email,
        displayName: i.displayName,
        kind,
        kindLabel: ROLE_LABELS[kind],
        organisationId: i.organisationId,
        organisationName: i.organisationId ? (organisations.get(i.organisationId) ?? null) : null,
        departement: this.invitations.departementOf(i),
        departementName: DEPARTEMENT_NAMES.get(this.invitations.departementOf(i)) ?? '',
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        invitedBy: inviters.get(i.invitedBy)?.displayName ?? 'Plateforme',
      };
    });
  }
}
