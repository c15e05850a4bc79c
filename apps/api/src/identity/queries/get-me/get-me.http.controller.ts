import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me } from '@carnet/contracts';
import type { Request } from 'express';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { MeView } from '../../me-view.js';
import { SessionService } from '../../session.service.js';

@ApiTags('Connexion')
@Controller()
export class GetMeHttpController {
  constructor(
    private readonly sessions: SessionService,
    private readonly me: MeView,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'La personne connectée' })
  @ApiOkResponse({ description: 'Son compte, son rôle, sa commune et le jeton à renvoyer dans X-CSRF-Token' })
  @ProblemResponses(401)
  async get(@Req() req: Request): Promise<Me> {
    const account = await this.sessions.accountFor(req);
    const csrf = await this.sessions.csrfTokenFor(req);
    if (!account || !csrf) throw new ProblemException(401, 'unauthenticated', 'Vous n’êtes pas connecté.', 'Connectez-vous pour continuer.');
    return this.me.of(account, csrf);
  }
}
