import { Controller, Get, Inject, Query as QueryParam } from '@nestjs/common';
import { departementOfActor } from '../../../shared/actor-of.js';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SimilarGrantsView, WorkCategory } from '@carnet/contracts';
import { WORK_CATEGORIES, type Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { FondsVertGrants } from './fonds-vert-grants.js';

@ApiTags('Financement')
@Controller('financing')
export class SimilarGrantsHttpController {
  constructor(
    private readonly grants: FondsVertGrants,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('similar')
  @ApiOperation({ summary: 'Projets similaires financés : subventions Fonds vert 2023 de la même mesure dans le département (montant, commune, projet ; médiane et fourchette)' })
  @ApiQuery({ name: 'category', required: true, enum: WORK_CATEGORIES })
  @ApiOkResponse({ description: 'Subventions Fonds vert 2023 (montants en centimes), avec leur source' })
  @ProblemResponses(400, 401)
  similar(@CurrentActor() actor: Actor, @QueryParam('category') category?: string): SimilarGrantsView {
    if (!category || !(WORK_CATEGORIES as readonly string[]).includes(category)) {
      const message = `La catégorie de travaux doit être l’une de : ${WORK_CATEGORIES.join(', ')}.`;
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'category', message }]);
    }
    return this.grants.similar(category as WorkCategory, departementOfActor(actor, this.config.departement));
  }
}
