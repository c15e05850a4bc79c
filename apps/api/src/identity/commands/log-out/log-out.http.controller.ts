import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { SessionService } from '../../session.service.js';

@ApiTags('Connexion')
@Controller('auth')
export class LogOutHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Se déconnecter de ce navigateur' })
  @ApiNoContentResponse()
  @ProblemResponses(403)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.end(req, res);
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'Se déconnecter partout (toutes les sessions du compte)' })
  @ApiNoContentResponse()
  @ProblemResponses(401, 403)
  async logOutEverywhere(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const account = await this.sessions.accountFor(req);
    if (!account) throw new ProblemException(401, 'unauthenticated', 'Vous n’êtes pas connecté.');
    await this.sessions.endAll(account.id);
    await this.sessions.end(req, res);
  }
}
