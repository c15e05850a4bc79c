import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Me } from '@carnet/contracts';
import type { Request, Response } from 'express';
import { ProblemResponses } from '../../../shared/openapi.js';
import { Authentication } from '../../authentication.js';
import { MeView } from '../../me-view.js';
import { SessionService } from '../../session.service.js';
import { LogInRequestDto } from './log-in.request.dto.js';

@ApiTags('Connexion')
@Controller('auth')
export class LogInHttpController {
  constructor(
    private readonly authentication: Authentication,
    private readonly sessions: SessionService,
    private readonly me: MeView,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Se connecter (pose les cookies de session et de sécurité)' })
  @ApiOkResponse({ description: 'La personne connectée' })
  @ProblemResponses(400, 401, 403, 429)
  async logIn(@Body() body: LogInRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Me> {
    const account = await this.authentication.check(body.email, body.password, req.ip ?? 'unknown');
    // A session the browser already had ends: the new one gets a new id (no fixation).
    const csrf = await this.sessions.start(res, account, req);
    return this.me.of(account, csrf);
  }
}
