import { Body, Controller, Inject, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Me } from '@carnet/contracts';
import type { Request } from 'express';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { MeView } from '../../me-view.js';
import { SessionService } from '../../session.service.js';
import { ChooseRoleFormRequestDto } from './choose-role-form.request.dto.js';

/** « Mon compte »: how the person wants their role written, everywhere it is shown next to their name. */
@ApiTags('Connexion')
@Controller()
export class ChooseRoleFormHttpController {
  constructor(
    private readonly sessions: SessionService,
    private readonly me: MeView,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put('me/role-form')
  @ApiOperation({ summary: 'Choisir comment écrire sa fonction (« Administrateur » ou « Administratrice »…)' })
  @ApiOkResponse({ description: 'La personne connectée, avec sa forme' })
  @ProblemResponses(400, 401, 403)
  async choose(@Req() req: Request, @Body() body: ChooseRoleFormRequestDto): Promise<Me> {
    const account = await this.sessions.accountFor(req);
    const csrf = await this.sessions.csrfTokenFor(req);
    if (!account || !csrf) throw new ProblemException(401, 'unauthenticated', 'Vous n’êtes pas connecté.', 'Connectez-vous pour continuer.');
    await this.accounts.updateAccount(account.id, { roleForm: body.roleForm, updatedAt: this.clock.now().toISOString() });
    return this.me.of({ ...account, roleForm: body.roleForm }, csrf);
  }
}
