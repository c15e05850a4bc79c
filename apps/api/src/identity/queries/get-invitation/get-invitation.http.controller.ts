import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvitationDetails } from '@carnet/contracts';
import { ProblemResponses } from '../../../shared/openapi.js';
import { Invitations } from '../../invitations.js';

@ApiTags('Invitations')
@Controller()
export class GetInvitationHttpController {
  constructor(private readonly invitations: Invitations) {}

  @Get('invitations/:token')
  @ApiOperation({ summary: 'Ce à quoi un lien d’invitation invite' })
  @ApiOkResponse({ description: 'La personne invitée, son rôle, sa commune ou son organisation' })
  @ProblemResponses(404)
  get(@Param('token') token: string): Promise<InvitationDetails> {
    return this.invitations.details(token);
  }
}
