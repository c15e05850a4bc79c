import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ContactView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ContactDirectory } from '../../contact-directory.js';
import { ListContactsRequestDto } from './list-contacts.request.dto.js';

@ApiTags('Annuaire')
@Controller('contacts')
export class ListContactsHttpController {
  constructor(private readonly contacts: ContactDirectory) {}

  @Get()
  @ApiOperation({ summary: 'L’annuaire des contacts du Département et des partenaires, par thème et par commune (personnes connectées)' })
  @ProblemResponses(400, 401)
  list(@Query() query: ListContactsRequestDto, @CurrentActor() actor: Actor): Promise<ContactView[]> {
    const includeArchived = query.archived === 'true' && actor.role === 'departement_admin';
    return this.contacts.list({ q: query.q, theme: query.theme, commune: query.commune, includeArchived, departement: this.contacts.departementOf(actor) });
  }
}
