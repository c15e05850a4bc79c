import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PendingInvitation } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { Invitations } from '../../invitations.js';
import { AdminInvitationRequestDto, InviteToCommuneRequestDto } from './invite.request.dto.js';

@ApiTags('Invitations')
@Controller()
export class InviteHttpController {
  constructor(private readonly invitations: Invitations) {}

  @Post('communes/:codeInsee/invitations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Inviter un collaborateur (maire) ou un maire (administrateur du Département) dans une commune' })
  @ApiCreatedResponse({ description: 'Invitation envoyée par courriel' })
  @ProblemResponses(400, 401, 403, 404, 409)
  async toCommune(@Param('codeInsee') codeInsee: string, @Body() body: InviteToCommuneRequestDto, @CurrentActor() actor: Actor): Promise<PendingInvitation> {
    const i = await this.invitations.inviteToCommune(actor, codeInsee, body);
    return { id: i.id, email: i.email, displayName: i.displayName, seat: i.seat!, expiresAt: i.expiresAt, invitedBy: actor.displayName };
  }

  @Post('admin/invitations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Inviter un agent, un administrateur, un auditeur ou un partenaire (administrateur du Département)' })
  @ApiCreatedResponse({ description: 'Invitation envoyée par courriel' })
  @ProblemResponses(400, 401, 403, 409, 422)
  async staff(@Body() body: AdminInvitationRequestDto, @CurrentActor() actor: Actor): Promise<{ id: string; email: string; expiresAt: string }> {
    const i = await this.invitations.inviteStaff(actor, body);
    return { id: i.id, email: i.email, expiresAt: i.expiresAt };
  }
}
