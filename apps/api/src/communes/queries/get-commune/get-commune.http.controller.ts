import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../../../shared/openapi.js';
import { CommuneCatalog, type Commune } from '../../commune-catalog.js';
import { CommuneParam } from '../../commune-param.js';

@ApiTags('Communes')
@Controller('communes')
export class GetCommuneHttpController {
  constructor(private readonly catalog: CommuneCatalog) {}

  @Get(':codeInsee')
  @ApiOperation({ summary: 'Une commune : nom, code INSEE, SIREN, codes postaux, population, éligibilité' })
  @ProblemResponses(404)
  get(@Param('codeInsee', CommuneParam) codeInsee: string): Commune {
    return this.catalog.get(codeInsee)!;
  }
}
