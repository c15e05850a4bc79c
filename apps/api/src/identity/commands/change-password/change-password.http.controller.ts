import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Me } from '@carnet/contracts';
import type { Request, Response } from 'express';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { Authentication } from '../../authentication.js';
import { MeView } from '../../me-view.js';
import { PasswordHasher } from '../../password-hasher.js';
import { PasswordPolicy } from '../../password-policy.js';
import { SessionService } from '../../session.service.js';
import { ChangePasswordRequestDto } from './change-password.request.dto.js';

const WRONG_CURRENT = 'Ce n’est pas votre mot de passe actuel.';

/**
 * « Mon compte » → « Changer de mot de passe », for a person who knows the current one (the
 * forgotten-password link is for one who does not). The current password is checked like a login,
 * attempts counted per account and address (ADR 0020): this is not a way around the login lock.
 * The other sessions end; this one goes on under a new id.
 */
@ApiTags('Connexion')
@Controller()
export class ChangePasswordHttpController {
  constructor(
    private readonly sessions: SessionService,
    private readonly authentication: Authentication,
    private readonly policy: PasswordPolicy,
    private readonly hasher: PasswordHasher,
    private readonly me: MeView,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('me/password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Changer de mot de passe (le mot de passe actuel est demandé) ; ferme les autres sessions du compte' })
  @ApiOkResponse({ description: 'La personne connectée, avec le jeton de sécurité de sa nouvelle session' })
  @ProblemResponses(400, 401, 403, 429)
  async change(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: ChangePasswordRequestDto): Promise<Me> {
    const account = await this.sessions.accountFor(req);
    if (!account) throw new ProblemException(401, 'unauthenticated', 'Vous n’êtes pas connecté.', 'Connectez-vous pour continuer.');
    const problems = this.policy.check(body.password, account.email);
    if (problems.length) throw new ProblemException(400, 'validation', 'Certains champs sont invalides', problems.map((p) => p.message).join(' '), problems);
    try {
      await this.authentication.check(account.email, body.currentPassword, req.ip ?? 'unknown');
    } catch (error) {
      // A wrong current password is the form's field to correct, not a failed login (a 401 would read as « logged out »).
      if (error instanceof ProblemException && error.getStatus() === 401) {
        throw new ProblemException(400, 'wrong_current_password', WRONG_CURRENT, undefined, [{ field: 'currentPassword', message: WRONG_CURRENT }]);
      }
      throw error;
    }
    const passwordHash = await this.hasher.hash(body.password);
    await this.accounts.updateAccount(account.id, { passwordHash, updatedAt: this.clock.now().toISOString() });
    await this.sessions.endAll(account.id);
    const csrf = await this.sessions.start(res, account);
    return this.me.of(account, csrf);
  }
}
