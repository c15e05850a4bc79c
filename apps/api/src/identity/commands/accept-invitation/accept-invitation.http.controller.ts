import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me } from '@carnet/contracts';
import type { Response } from 'express';
import { ProblemResponses } from '../../../shared/openapi.js';
import { Invitations } from '../../invitations.js';
import { MeView } from '../../me-view.js';
import { SessionService } from '../../session.service.js';
import { AcceptInvitationRequestDto } from './accept-invitation.request.dto.js';

@ApiTags('Invitations')
@Controller()
export class AcceptInvitationHttpController {
  constructor(
    private readonly invitations: Invitations,
    private readonly sessions: SessionService,
    private readonly me: MeView,
  ) {}

  @Post('invitations/:token/accept')
  @HttpCode(201)
  @ApiOperation({ summary: 'Accepter une invitation : crée le compte, prend la place, connecte' })
  @ApiCreatedResponse({ description: 'La personne, désormais connectée' })
  @ProblemResponses(400, 404, 409)
  async accept(@Param('token') token: string, @Body() body: AcceptInvitationRequestDto, @Res({ passthrough: true }) res: Response): Promise<Me> {
    const account = await this.invitations.accept(token, body);
    const csrf = await this.sessions.start(res, account);
    return this.me.of(account, csrf);
  }
}
