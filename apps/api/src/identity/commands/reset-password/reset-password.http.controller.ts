import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../../../shared/openapi.js';
import { PasswordResets } from '../../password-resets.js';
import { NewPasswordRequestDto, PasswordResetRequestDto } from './reset-password.request.dto.js';

@ApiTags('Connexion')
@Controller('auth/password-reset')
export class ResetPasswordHttpController {
  constructor(private readonly resets: PasswordResets) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Demander un lien de réinitialisation (réponse identique que le compte existe ou non)' })
  @ApiAcceptedResponse()
  @ProblemResponses(400)
  async request(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.resets.request(body.email);
  }

  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choisir un nouveau mot de passe ; ferme toutes les sessions du compte' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 404)
  async complete(@Param('token') token: string, @Body() body: NewPasswordRequestDto): Promise<void> {
    await this.resets.complete(token, body.password);
  }
}
