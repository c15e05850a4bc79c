import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { assertStaff } from '../../commune-access.js';
import { OrganisationDirectory, type OrganisationView } from '../../organisation-directory.js';

@ApiTags('Administration')
@Controller('admin/organisations')
export class ListOrganisationsHttpController {
  constructor(private readonly organisations: OrganisationDirectory) {}

  @Get()
  @ApiOperation({ summary: 'Les organisations partenaires' })
  @ProblemResponses(401, 403)
  list(@CurrentActor() actor: Actor): Promise<OrganisationView[]> {
    assertStaff(actor);
    // The organisations working with the person's Département (issue #17).
    return this.organisations.all(actor.departement ?? undefined);
  }
}
