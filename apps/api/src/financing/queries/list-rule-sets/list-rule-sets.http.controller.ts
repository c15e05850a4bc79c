import { Controller, Get, Inject, Query as QueryParam } from '@nestjs/common';
import { departementOfActor } from '../../../shared/actor-of.js';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { RuleSetVersionView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import { ruleSetVersions, toRuleSetView } from '../../financing-views.js';

@ApiTags('Financement')
@Controller('financing/rule-sets')
export class ListRuleSetsHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les versions publiées des règles de financement du département (la plus récente en premier), avec leurs sources, date d’effet et auteur' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'Versions des règles' })
  @ProblemResponses(400, 401, 503)
  async list(@CurrentActor() actor: Actor, @QueryParam('minPosition', MinPositionPipe) minPosition?: number): Promise<RuleSetVersionView[]> {
    const versions = await ruleSetVersions(await this.readModels.current(minPosition), departementOfActor(actor, this.config.departement));
    const view = await this.people.viewer(versions.map((v) => v.publishedById));
    return versions.reverse().map((v) => toRuleSetView(v, view));
  }
}
