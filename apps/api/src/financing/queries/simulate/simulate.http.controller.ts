import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SimulationView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { SimulationInputsDto } from '../../simulation-inputs.dto.js';
import { SimulateQuery } from './simulate.query.js';

@ApiTags('Financement')
@Controller('financing')
export class SimulateHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Estimer les aides d’un projet (rien n’est enregistré) : par dispositif, éligibilité et fourchette, contrainte atteinte, part communale, FCTVA, version des règles' })
  @ApiOkResponse({ description: 'Entrées complétées (population INSEE) et résultats expliqués, montants en centimes' })
  @ProblemResponses(400, 401, 409, 422)
  simulate(@Body() body: SimulationInputsDto, @CurrentActor() actor: Actor): Promise<SimulationView> {
    return this.queryBus.execute(new SimulateQuery(actor, body));
  }
}
