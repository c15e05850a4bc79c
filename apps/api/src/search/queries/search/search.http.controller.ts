import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SearchResults } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { SearchQuery } from './search.query.js';
import { SearchRequestDto } from './search.request.dto.js';

@ApiTags('Recherche')
@Controller('search')
export class SearchHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Rechercher dans les projets, questions, réponses, messages et notes internes visibles par la personne connectée',
    description:
      'Recherche plein texte en français : sans tenir compte des majuscules, des accents ni du pluriel (« ecoles » trouve « École »). ' +
      'Tous les mots doivent être présents. Les résultats sont classés par pertinence ; chaque extrait marque les mots trouvés (`match`).',
  })
  @ProblemResponses(400, 503)
  search(@QueryParams() params: SearchRequestDto, @OptionalActor() actor: Actor | null): Promise<SearchResults> {
    return this.queryBus.execute(
      new SearchQuery(
        { q: params.q, type: params.type, commune: params.commune, limit: params.limit ?? 20, offset: params.offset ?? 0, minPosition: params.minPosition },
        actor,
      ),
    );
  }
}
