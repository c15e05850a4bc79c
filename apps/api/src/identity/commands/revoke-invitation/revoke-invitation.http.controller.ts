import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { Invitations } from '../../invitations.js';

@ApiTags('Invitations')
@Controller()
export class RevokeInvitationHttpController {
  constructor(private readonly invitations: Invitations) {}

  @Delete('communes/:codeInsee/invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer une invitation en attente (le lien ne fonctionne plus)' })
  @ApiNoContentResponse()
  @ProblemResponses(401, 403, 404)
  async revoke(@Param('codeInsee') codeInsee: string, @Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.invitations.revoke(actor, codeInsee, id);
  }

  @Delete('admin/invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retirer l’invitation en attente d’un agent, d’un administrateur, d’un auditeur ou d’un partenaire (administrateur du Département ; le lien ne fonctionne plus)' })
  @ApiNoContentResponse({ description: 'Invitation retirée' })
  @ProblemResponses(401, 403, 404)
  async staff(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.invitations.revokeStaff(actor, id);
  }
}
