import { Body, Controller, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { departementOfAccount } from '../../../shared/actor-of.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { assertDirectoryAdmin } from '../../directory-access.js';
import { TeamDirectory } from '../../team-directory.js';
import { SetTeamsRequestDto } from './set-teams.request.dto.js';

@ApiTags('Administration')
@Controller('admin/accounts')
export class SetTeamsHttpController {
  constructor(
    private readonly teams: TeamDirectory,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Put(':id/teams')
  @HttpCode(204)
  @ApiOperation({ summary: 'Rattacher un agent du Département à ses équipes (routage des questions)' })
  @ApiNoContentResponse()
  @ProblemResponses(400, 401, 403, 404)
  async set(@Param('id') id: string, @Body() body: SetTeamsRequestDto, @CurrentActor() actor: Actor): Promise<void> {
    assertDirectoryAdmin(actor);
    const account = await this.accounts.getAccount(id);
    const otherDepartement = !!account && departementOfAccount(account, this.config.departement) !== actor.departement;
    if (!account || account.status === 'erased' || otherDepartement || (account.kind !== 'departement_agent' && account.kind !== 'departement_admin')) {
      throw new ProblemException(404, 'agent_not_found', 'Agent introuvable', 'Seul un agent du Département est rattaché à une équipe.');
    }
    await this.teams.set(id, body.teams);
  }
}
